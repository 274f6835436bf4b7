package io.taoprom.metrics.textfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.ProblemLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What anyone who can write to a textfile directory can put there: FIFOs, links to devices and to
 * secrets, megabyte-long names, file names with control characters, more series than TaoProm
 * serves. Each costs only itself, in one short log line, and the good files are served in the
 * same scrape.
 */
class HostileTextfilesTest {

  /** The longest log line any input may cause: a path excerpt and a reason. */
  private static final int MAX_LINE = 500;

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger julLogger = Logger.getLogger("io.taoprom.metrics.textfile");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @BeforeEach
  void captureTheLog() {
    julLogger.addHandler(capture);
  }

  @AfterEach
  void releaseTheLog() {
    julLogger.removeHandler(capture);
  }

  /** The collector as {@code taoprom serve} makes it, through the plugin: the same on every version. */
  private static MultiCollector collector(Path dir, String... options) {
    Map<String, List<String>> config = new HashMap<>();
    config.put("textfile.directory", List.of(dir.toString()));
    for (int i = 0; i < options.length; i += 2) {
      config.put(options[i], List.of(options[i + 1]));
    }
    return new TextfilePlugin().create(CollectorConfig.of(config));
  }

  private static String text(MultiCollector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, collector.collect());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
  }

  private void assertLogLinesAreShortAndPlain() {
    for (String line : logged) {
      assertThat(line.length()).as(line.substring(0, Math.min(200, line.length()))).isLessThanOrEqualTo(MAX_LINE);
      assertThat(line.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as("control characters in %s", line).isTrue();
    }
  }

  @Test
  void fifoDevicesAndDirectoriesAreSkippedWithoutBlockingAndTheGoodFilesServed(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
    Files.writeString(dir.resolve("good.prom"), "good_metric 1\n");
    Path fifo = dir.resolve("pipe.prom");
    run("mkfifo", fifo.toString());
    Files.createSymbolicLink(dir.resolve("zero.prom"), Path.of("/dev/zero"));
    Files.createDirectory(dir.resolve("folder.prom"));
    MultiCollector collector = collector(dir);

    // On the old collector the FIFO's open() blocked the scrape until someone wrote to it.
    String text = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> text(collector));

    assertThat(text).contains("good_metric 1.0", "node_textfile_scrape_error 1.0").doesNotContain("pipe.prom\"}", "zero.prom\"}");
    assertThat(logged).containsExactlyInAnyOrder(
        "failed to read textfile " + dir + "/folder.prom: it is a directory, not a regular file; skipped",
        "failed to read textfile " + fifo + ": it is a FIFO (named pipe), not a regular file; skipped",
        "failed to read textfile " + dir + "/zero.prom: it is a character device, not a regular file; skipped");
    // The next scrapes run too (nothing was left hanging), and once the FIFO is gone its error is resolved.
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> text(collector))).contains("good_metric 1.0");
    Files.delete(fifo);
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> text(collector))).contains("good_metric 1.0");
    assertThat(logged).hasSize(4).last().asString().startsWith("resolved: failed to read textfile " + fifo);
  }

  @Test
  void aLinkedSecretIsNamedByFileAndLineButNotQuoted(@TempDir Path dir, @TempDir Path elsewhere) throws Exception {
    String hash = "$6$Zq3xv9Lk$" + "Hh7sKx2mQ0aZb1Yc8Wd4Ve5Uf6Tg7Sh8Ri9Qj0Pk1Ol2Nm3Mn4Lo5Kp6Jq7Ir8Hs9Gt0Fu1Ev2Dw3Cx4By5Az6";
    Path shadow = Files.writeString(elsewhere.resolve("shadow"),
        "root:" + hash + ":19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n");
    Files.createSymbolicLink(dir.resolve("shadow.prom"), shadow);
    Files.writeString(dir.resolve("tokens.prom"), "ghp_R2d2C3poBb8Ll1Tt0Kk9Jj8Hh7Gg6Ff5Ee4Dd\n");
    Files.writeString(dir.resolve("good.prom"), "good_metric 1\n");

    String text = text(collector(dir));

    assertThat(text).contains("good_metric 1.0");
    assertThat(logged).containsExactlyInAnyOrder(
        "failed to read textfile " + dir + "/shadow.prom: line 1: invalid metric name \"root:\" followed by \"$\"",
        "failed to read textfile " + dir + "/tokens.prom: line 1: expected a value after \"ghp_R2d2C3poBb8L\"…(+25 bytes)");
    String all = String.join("\n", logged);
    assertThat(all).doesNotContain("Zq3xv9Lk", "Hh7sKx", "19700", "daemon", "Ll1Tt0");
    assertLogLinesAreShortAndPlain();
  }

  @Test
  void megabyteNamesAndValuesCostOneShortLineEach(@TempDir Path dir) throws Exception {
    String name = "n".repeat(1 << 20);
    Files.writeString(dir.resolve("a_noval.prom"), name + "\n");
    Files.writeString(dir.resolve("b_badvalue.prom"), "x " + "9".repeat(1 << 20) + "x\n");
    Files.writeString(dir.resolve("c_gauge.prom"), "# TYPE " + name + " gauge\n" + name + "{l=\"" + "v".repeat(1 << 20) + "\"} 1\n");
    Files.writeString(dir.resolve("d_counter.prom"), "# TYPE " + name + " counter\n" + name + " 2\n");
    Files.writeString(dir.resolve("e_escape.prom"), "x{l=\"" + "\\q".repeat(1 << 18) + "\"} 1\n");

    String text = text(collector(dir));

    // The valid megabyte family is served as it is: it is the file owner's to serve.
    assertThat(text).contains("{l=\"vvvv");
    assertThat(logged).hasSize(4);
    assertThat(logged.get(0)).endsWith("a_noval.prom: line 1: expected a value after \"nnnnnnnnnnnnnnnn\"…(+1048560 bytes)");
    assertThat(logged.get(1)).endsWith("b_badvalue.prom: line 1: expected a number as value, got \"9999999999999999\"…(+1048561 bytes)");
    assertThat(logged.get(2)).endsWith("e_escape.prom: line 1: invalid escape sequence \"\\\\q\" in label value");
    assertThat(logged.get(3)).startsWith("textfile " + dir + "/d_counter.prom: unknown nnnnnnnn").contains("…(+", "c_gauge.prom yields it as a gauge");
    assertLogLinesAreShortAndPlain();
  }

  @Test
  void fileNamesWithControlCharactersAreEscapedInTheLog(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("evil\n\u001b[2J\u0007.prom"), "this is not valid\n");
    Files.writeString(dir.resolve("good.prom"), "good_metric 1\n");

    assertThat(text(collector(dir))).contains("good_metric 1.0");

    assertThat(logged).singleElement().asString()
        .isEqualTo("failed to read textfile " + dir + "/evil\\n\\x1b[2J\\x07.prom: line 1: expected a number as value, got \"is\"")
        .doesNotContain("\n", "\u001b");
  }

  @Test
  void moreSeriesThanTheLimitLeaveOutThatFileNamingItAndTheCount(@TempDir Path dir) throws Exception {
    StringBuilder big = new StringBuilder("# TYPE m gauge\n");
    for (int i = 0; i < 150; i++) {
      big.append("m{i=\"").append(i).append("\"} 1\n");
    }
    StringBuilder histograms = new StringBuilder("# TYPE h histogram\n");
    for (int i = 0; i < 60; i++) {
      // Four lines per series: only the parse can count these, not a count of lines.
      histograms.append("h_bucket{i=\"").append(i).append("\",le=\"1\"} 1\nh_bucket{i=\"").append(i)
          .append("\",le=\"+Inf\"} 1\nh_count{i=\"").append(i).append("\"} 1\nh_sum{i=\"").append(i).append("\"} 1\n");
    }
    Files.writeString(dir.resolve("a_small.prom"), "small 1\n");
    Files.writeString(dir.resolve("b_big.prom"), big.toString());
    Files.writeString(dir.resolve("c_histograms.prom"), histograms.toString());
    Files.writeString(dir.resolve("d_more.prom"), histograms.toString().replace("h_", "g_").replace(" h ", " g "));
    String text = text(collector(dir, "textfile.max-series", "100"));

    assertThat(text).contains("small 1.0", "h_count{i=\"59\"} 1", "node_textfile_scrape_error 1.0").doesNotContain("\nm{i=", "g_count");
    assertThat(logged).containsExactly(
        "textfile " + dir + "/b_big.prom has at least 150 series, more than the 99 that the files before it left of the 100 of option textfile.max-series; left out",
        "textfile " + dir + "/d_more.prom has more than the 39 series that the files before it left of the 100 of option textfile.max-series; left out");
  }

  @Test
  void aFileNeedingMoreHeapThanTheBudgetIsLeftOutAndTheOthersServed(@TempDir Path dir) throws Exception {
    StringBuilder labels = new StringBuilder("wide{");
    for (int i = 0; i < 20_000; i++) {
      labels.append(i == 0 ? "" : ",").append("l").append(i).append("=\"v").append(i).append('"');
    }
    Files.writeString(dir.resolve("a_good.prom"), "good_metric 1\n");
    Files.writeString(dir.resolve("b_wide.prom"), labels.append("} 1\n").toString());
    HeapBudget budget = new HeapBudget(256 << 10);
    TextfileCollector collector = new TextfileCollector(List.of(dir), TextfileCollector::readCapped,
        new ProblemLog(System.getLogger("io.taoprom.metrics.textfile")), 100, budget.account());

    String text = text(collector);

    assertThat(text).contains("good_metric 1.0").doesNotContain("wide{");
    assertThat(logged).singleElement().asString()
        .startsWith("textfile " + dir + "/b_wide.prom needs more heap than the 256 KiB that textfiles and scrape targets may take together");
    // What the refused file took was given back; what is served stays charged until the next scrape.
    long held = budget.used();
    assertThat(held).isPositive().isLessThan(4 << 10);
    text(collector);
    assertThat(budget.used()).isEqualTo(held);
  }
}
