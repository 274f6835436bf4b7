package io.taoprom.metrics.textfile;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.textfile.format.ExpositionBytes;
import io.taoprom.metrics.textfile.format.FamilyMerger;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.TextFormatException;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * node_exporter's textfile collector. Every {@code *.prom} file in the directories is parsed on
 * each scrape; a file that cannot be read (gone, no permission, too large, not UTF-8) or parsed,
 * or that carries client-side timestamps, is left out whole; a family that conflicts with one
 * from an earlier file is left out. Either way the rest is served, the problem is logged (once
 * until it changes) and {@code node_textfile_scrape_error} is 1:
 *
 * <pre>
 * # HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.
 * # TYPE node_textfile_mtime_seconds gauge
 * node_textfile_mtime_seconds{file="/var/lib/taoprom/textfile/backup.prom"} 1.7e+09
 * # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
 * # TYPE node_textfile_scrape_error gauge
 * node_textfile_scrape_error 0
 * </pre>
 */
final class TextfileCollector implements MultiCollector {

  static final String MTIME = "node_textfile_mtime_seconds";
  static final String SCRAPE_ERROR = "node_textfile_scrape_error";

  /** Files larger than this are refused: TaoProm must keep working in a 32 MiB heap. */
  static final int MAX_FILE_BYTES = 4 << 20;

  private static final System.Logger LOG = System.getLogger("io.taoprom.metrics.textfile");

  /** Reads one file; the seam through which tests make files vanish or refuse access. */
  @FunctionalInterface
  interface FileReader {
    byte[] read(Path file) throws IOException;
  }

  private final List<Path> directories;
  private final FileReader reader;
  private final ProblemLog problems;

  TextfileCollector(List<Path> directories) {
    this(directories, TextfileCollector::readCapped, new ProblemLog(LOG));
  }

  TextfileCollector(List<Path> directories, FileReader reader, ProblemLog problems) {
    this.directories = List.copyOf(directories);
    this.reader = reader;
    this.problems = problems;
  }

  @Override
  public MetricSnapshots collect() {
    if (directories.isEmpty()) {
      return MetricSnapshots.of(); // no --textfile.directory: nothing to serve
    }
    FamilyMerger merger = new FamilyMerger(true);
    merger.reserve(MTIME, SCRAPE_ERROR);
    Map<String, Double> mtimes = new TreeMap<>();
    ProblemLog.Round round = problems.round();
    for (Path directory : directories) {
      List<Path> files;
      try {
        files = promFiles(directory);
      } catch (IOException e) {
        round.problem("failed to read textfile collector directory " + directory + ": " + e);
        continue;
      }
      for (Path file : files) {
        String origin = file.toString();
        try {
          List<ParsedFamily> families = TextFormatParser.parse(ExpositionBytes.utf8(reader.read(file), "not valid UTF-8"));
          for (ParsedFamily family : families) {
            if (family.hasTimestamps()) {
              throw new IOException("contains unsupported client-side timestamps, skipping entire file");
            }
          }
          // Only stat once the file parsed, so that a broken file's mtime does not look fresh.
          double mtime = Files.getLastModifiedTime(file).toMillis() / 1000;
          merger.add(origin, families, Labels.EMPTY);
          mtimes.put(origin, mtime);
        } catch (IOException | TextFormatException e) {
          round.problem("failed to read textfile " + origin + ": " + message(e));
        }
      }
    }
    for (FamilyMerger.Problem p : merger.problems()) {
      round.problem("textfile " + p);
    }
    round.end();
    List<MetricSnapshot> snapshots =
        new ArrayList<>(merger.build((name, origins) -> "Metric read from " + String.join(", ", origins)));
    if (!mtimes.isEmpty()) {
      GaugeSnapshot.Builder mtime =
          GaugeSnapshot.builder().name(MTIME).help("Unixtime mtime of textfiles successfully read.");
      mtimes.forEach((file, seconds) ->
          mtime.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("file", file)).value(seconds).build()));
      snapshots.add(mtime.build());
    }
    snapshots.add(
        GaugeSnapshot.builder()
            .name(SCRAPE_ERROR)
            .help("1 if there was an error opening or reading a file, 0 otherwise")
            .dataPoint(GaugeDataPointSnapshot.builder().value(round.any() ? 1 : 0).build())
            .build());
    return new MetricSnapshots(snapshots);
  }

  /** The {@code *.prom} entries of a directory, sorted by name as node_exporter lists them. */
  private static List<Path> promFiles(Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.prom")) {
      entries.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  static byte[] readCapped(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ExpositionBytes.readCapped(in, MAX_FILE_BYTES, "larger than " + MAX_FILE_BYTES + " bytes");
    }
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file (removed while being read?)";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.toString();
  }
}
