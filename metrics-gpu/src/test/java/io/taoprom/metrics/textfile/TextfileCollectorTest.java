package io.taoprom.metrics.textfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileCollectorTest {

  private static final FileTime MTIME = FileTime.from(Instant.parse("2026-11-24T12:00:00.750Z"));

  /** Log lines, as a System.Logger that keeps what it is given. */
  private final List<String> logged = new ArrayList<>();

  private final System.Logger log =
      new System.Logger() {
        @Override
        public String getName() {
          return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
          return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
          logged.add(level + " " + msg);
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
          logged.add(level + " " + format);
        }
      };

  private static String text(MultiCollector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, collector.collect());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Path write(Path dir, String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, MTIME);
    return file;
  }

  private TextfileCollector collector(Path dir, TextfileCollector.FileReader reader) {
    return new TextfileCollector(List.of(dir), reader, new ProblemLog(log), ExpositionReader.DEFAULT_MAX_SERIES, new HeapBudget(64 << 20).account());
  }

  @Test
  void goldenTextOfGoodFilesMergedWithNodeExporterSemantics(@TempDir Path dir) throws IOException {
    write(dir, "backup.prom",
        "# HELP backup_last_success_seconds Last good backup.\n"
            + "# TYPE backup_last_success_seconds gauge\n"
            + "backup_last_success_seconds{job=\"db\"} 1.7e9\n");
    write(dir, "jobs.prom",
        "# TYPE backup_last_success_seconds gauge\n"
            + "backup_last_success_seconds{job=\"files\"} 1.6e9\n"
            + "gpu_jobs_done_total{queue=\"a b\\\"c\"} 42\n"
            + "weird_value NaN\n");
    write(dir, "notes.txt", "not a prom file at all");
    write(dir, "half.prom.tmp", "garbage being written");

    assertThat(text(collector(dir, TextfileCollector::readCapped)))
        .isEqualTo(
            """
            # HELP backup_last_success_seconds Last good backup.
            # TYPE backup_last_success_seconds gauge
            backup_last_success_seconds{job="db"} 1.7E9
            backup_last_success_seconds{job="files"} 1.6E9
            # HELP gpu_jobs_done_total Metric read from %1$s/jobs.prom
            # TYPE gpu_jobs_done_total untyped
            gpu_jobs_done_total{queue="a b\\"c"} 42.0
            # HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.
            # TYPE node_textfile_mtime_seconds gauge
            node_textfile_mtime_seconds{file="%1$s/backup.prom"} 1.7955216E9
            node_textfile_mtime_seconds{file="%1$s/jobs.prom"} 1.7955216E9
            # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
            # TYPE node_textfile_scrape_error gauge
            node_textfile_scrape_error 0.0
            # HELP weird_value Metric read from %1$s/jobs.prom
            # TYPE weird_value untyped
            weird_value NaN
            """.formatted(dir));
    assertThat(logged).isEmpty();
  }

  @Test
  void filesAreLabelledWithTheDirectoryAsGivenCleanedAsNodeExporterJoinsIt(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectory(dir.resolve("textfile"));
    write(sub, "a.prom", "a 1\n");
    Path given = Path.of(dir + "//textfile/./../textfile/");
    TextfileCollector collector = new TextfileCollector(
        List.of(given), TextfileCollector::readCapped, new ProblemLog(log), ExpositionReader.DEFAULT_MAX_SERIES,
        new HeapBudget(64 << 20).account());

    assertThat(text(collector))
        .contains("node_textfile_mtime_seconds{file=\"" + sub + "/a.prom\"} 1.7955216E9\n")
        .contains("# HELP a Metric read from " + sub + "/a.prom\n");
  }

  @Test
  void malformedFileIsReportedAndTheOthersServed(@TempDir Path dir) throws IOException {
    write(dir, "a_good.prom", "good_metric 1\n");
    write(dir, "b_bad.prom", "good_too 2\nthis is { not valid\n");
    write(dir, "c_stamped.prom", "stamped 3 1700000000000\n");

    String text = text(collector(dir, TextfileCollector::readCapped));

    assertThat(text)
        .contains("good_metric 1.0\n", "node_textfile_scrape_error 1.0\n")
        .contains("node_textfile_mtime_seconds{file=\"" + dir + "/a_good.prom\"}")
        .doesNotContain("good_too", "stamped", "b_bad.prom\"}", "c_stamped.prom\"}");
    assertThat(logged)
        .containsExactly(
            "WARNING failed to read textfile " + dir + "/b_bad.prom: line 2: expected a number as value, got \"is\"",
            "WARNING failed to read textfile " + dir + "/c_stamped.prom: line 1: contains unsupported client-side timestamps, skipping entire file");
  }

  @Test
  void fileDeletedBetweenListingAndReadingIsReported(@TempDir Path dir) throws IOException {
    write(dir, "a.prom", "kept 1\n");
    Path vanishing = write(dir, "b.prom", "vanishing 1\n");
    TextfileCollector collector =
        collector(dir, file -> {
          if (file.equals(vanishing)) {
            Files.delete(file); // the cron job's cleanup runs right now
          }
          return TextfileCollector.readCapped(file);
        });

    String text = text(collector);

    assertThat(text).contains("kept 1.0\n", "node_textfile_scrape_error 1.0\n").doesNotContain("vanishing");
    assertThat(logged).containsExactly(
        "WARNING failed to read textfile " + vanishing + ": no such file (removed while being read?)");
    // The next scrape no longer lists it: the error clears and its recovery is noted once.
    assertThat(text(collector)).contains("node_textfile_scrape_error 0.0\n");
    assertThat(logged).hasSize(2).last().asString().startsWith("INFO resolved: ");
  }

  @Test
  void unreadableFileIsReportedAndTheOthersServed(@TempDir Path dir) throws IOException {
    write(dir, "a.prom", "kept 1\n");
    Path secret = write(dir, "secret.prom", "secret 1\n");
    TextfileCollector collector =
        collector(dir, file -> {
          if (file.equals(secret)) {
            throw new AccessDeniedException(file.toString());
          }
          return TextfileCollector.readCapped(file);
        });

    assertThat(text(collector)).contains("kept 1.0\n", "node_textfile_scrape_error 1.0\n").doesNotContain("secret 1");
    assertThat(text(collector)).contains("node_textfile_scrape_error 1.0\n");
    assertThat(logged).containsExactly("WARNING failed to read textfile " + secret + ": permission denied");
  }

  @Test
  void fileWithoutReadPermissionIsReported(@TempDir Path dir) throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads files whatever their permissions");
    write(dir, "a.prom", "kept 1\n");
    Path secret = write(dir, "secret.prom", "secret 1\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));

    assertThat(text(collector(dir, TextfileCollector::readCapped)))
        .contains("kept 1.0\n", "node_textfile_scrape_error 1.0\n")
        .doesNotContain("secret 1");
  }

  @Test
  void familiesThatConflictAcrossFilesAreReportedAndTheFirstKept(@TempDir Path dir) throws Exception {
    write(dir, "a.prom", "# HELP jobs Jobs.\n# TYPE jobs gauge\njobs{q=\"a\"} 1\n");
    write(dir, "b.prom", "# HELP jobs Different.\n# TYPE jobs gauge\njobs{q=\"b\"} 2\nother 1\n");
    write(dir, "c.prom", "# TYPE jobs counter\njobs 3\n");
    write(dir, "d.prom", "node_textfile_scrape_error 0\n");

    String text = text(collector(dir, TextfileCollector::readCapped));

    assertThat(text)
        .contains("jobs{q=\"a\"} 1.0\n", "other 1.0\n", "node_textfile_scrape_error 1.0\n")
        .doesNotContain("jobs{q=\"b\"}", "jobs 3");
    assertThat(logged).hasSize(3);
    // Conflicting families do not make the file unread: node_exporter still reports its mtime.
    assertThat(text).contains("/b.prom\"}", "/c.prom\"}", "/d.prom\"}");
    // What is served parses back, whatever the files held.
    assertThat(TextFormatParser.parse(text)).isNotEmpty();
  }

  @Test
  void missingDirectoryIsAnErrorNotAFailure(@TempDir Path dir) throws IOException {
    assertThat(text(collector(dir.resolve("absent"), TextfileCollector::readCapped)))
        .isEqualTo(
            """
            # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
            # TYPE node_textfile_scrape_error gauge
            node_textfile_scrape_error 1.0
            """);
    assertThat(logged).singleElement().asString().contains("failed to read textfile collector directory");
  }

  @Test
  void oversizedAndNonUtf8FilesAreRefused(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("latin1.prom"), "x{a=\"caf\u00e9\"} 1\n".getBytes(StandardCharsets.ISO_8859_1));
    Files.write(dir.resolve("huge.prom"), new byte[TextfileCollector.MAX_FILE_BYTES + 1]);

    assertThat(text(collector(dir, TextfileCollector::readCapped))).contains("node_textfile_scrape_error 1.0\n");
    assertThat(logged).anyMatch(l -> l.endsWith("huge.prom: larger than 4194304 bytes"))
        .anyMatch(l -> l.endsWith("latin1.prom: line 1: not valid UTF-8 (at byte 8)"));
  }

  @Test
  void pluginIsIdleWithoutADirectoryAndChecksItsOption(@TempDir Path dir) throws Exception {
    TextfilePlugin plugin = new TextfilePlugin();
    assertThat(plugin.nodeExporterCompatible()).isTrue();
    // node_exporter with an empty --collector.textfile.directory serves exactly this
    assertThat(text(plugin.create(CollectorConfig.empty())))
        .isEqualTo(
            """
            # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
            # TYPE node_textfile_scrape_error gauge
            node_textfile_scrape_error 0.0
            """);

    Supplier<CollectorConfig> blank = () -> CollectorConfig.of(Map.of("textfile.directory", List.of(" ")));
    assertThatThrownBy(() -> plugin.create(blank.get()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option textfile.directory needs a directory, got an empty value");

    write(dir, "x.prom", "x 1\n");
    MultiCollector collector = plugin.create(CollectorConfig.of(Map.of("textfile.directory", List.of(dir.toString()))));
    assertThat(text(collector)).contains("x 1.0\n", "node_textfile_scrape_error 0.0\n");
  }
}
