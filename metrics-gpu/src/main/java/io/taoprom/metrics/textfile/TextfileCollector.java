package io.taoprom.metrics.textfile;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.FamilyMerger;
import io.taoprom.metrics.textfile.format.Exposition;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.InputLimitException;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.SeriesLimit;
import io.taoprom.metrics.textfile.format.TextFormatException;
import io.taoprom.untrusted.BoundedFiles;
import io.taoprom.untrusted.Excerpt;
import io.taoprom.untrusted.NotRegularFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * node_exporter's textfile collector. Every {@code *.prom} file in the directories is parsed on
 * each scrape; a file that cannot be read (gone, no permission, not a regular file, too large,
 * not UTF-8) or parsed, that carries client-side timestamps, or whose series would take the
 * collector past its series limit or the heap budget, is left out whole; a family that conflicts
 * with one from an earlier file is left out. Either way the rest is served, the problem is logged
 * in one line (once until it changes) and {@code node_textfile_scrape_error} is 1:
 *
 * <pre>
 * # HELP node_textfile_mtime_seconds Unixtime mtime of textfiles successfully read.
 * # TYPE node_textfile_mtime_seconds gauge
 * node_textfile_mtime_seconds{file="/var/lib/taoprom/textfile/backup.prom"} 1.7e+09
 * # HELP node_textfile_scrape_error 1 if there was an error opening or reading a file, 0 otherwise
 * # TYPE node_textfile_scrape_error gauge
 * node_textfile_scrape_error 0
 * </pre>
 *
 * <p>Only regular files are read (symbolic links are followed to one): a FIFO, device or socket
 * named {@code *.prom} is skipped with its reason, and the size limit is enforced while reading,
 * so {@code /dev/zero} behind a link costs 4 MiB of reading, not the heap.
 */
final class TextfileCollector implements MultiCollector {

  static final String MTIME = "node_textfile_mtime_seconds";
  static final String SCRAPE_ERROR = "node_textfile_scrape_error";

  /** Files larger than this are refused, counted while reading (never from the file's stated size). */
  static final int MAX_FILE_BYTES = 4 << 20;

  private static final String OWNER = "the textfile collector";
  private static final System.Logger LOG = System.getLogger("io.taoprom.metrics.textfile");

  /** Reads one file; the seam through which tests make files vanish or refuse access. */
  @FunctionalInterface
  interface FileReader {
    byte[] read(Path file) throws IOException;
  }

  private final List<Path> directories;
  private final FileReader reader;
  private final ProblemLog problems;
  private final int maxSeries;
  private final HeapBudget.Account account;

  TextfileCollector(List<Path> directories, int maxSeries) {
    this(directories, TextfileCollector::readCapped, new ProblemLog(LOG), maxSeries, HeapBudget.shared().account());
  }

  TextfileCollector(List<Path> directories, FileReader reader, ProblemLog problems, int maxSeries, HeapBudget.Account account) {
    this.directories = List.copyOf(directories);
    this.reader = reader;
    this.problems = problems;
    this.maxSeries = maxSeries;
    this.account = account;
  }

  @Override
  public MetricSnapshots collect() {
    if (directories.isEmpty()) {
      // no --textfile.directory: node_exporter still says that nothing failed
      return MetricSnapshots.of(scrapeError(false));
    }
    account.restart(); // what the last scrape read has been served
    FamilyMerger merger = FamilyMerger.builder()
        .sameHelp(true)
        .defaultHelp((name, files) -> "Metric read from " + String.join(", ", files))
        .build();
    merger.reserve(MTIME, OWNER);
    merger.reserve(SCRAPE_ERROR, OWNER);
    Map<String, Double> mtimes = new TreeMap<>();
    ProblemLog.Round round = problems.round();
    int seriesLeft = maxSeries;
    for (Path directory : directories) {
      List<Path> files;
      try {
        files = promFiles(directory);
      } catch (IOException e) {
        round.problem("failed to read textfile collector directory " + shown(directory) + ": " + message(e));
        continue;
      }
      for (Path file : files) {
        String origin = origin(directory, file);
        HeapBudget.Account input = account.part();
        try {
          Exposition exposition = read(file, seriesLeft, input);
          // Only stat once the file parsed, so that a broken file's mtime does not look fresh.
          double mtime = Files.getLastModifiedTime(file).toMillis() / 1000;
          int source = merger.source(origin);
          for (MetricSnapshot family : exposition.families()) {
            merger.add(source, family);
          }
          for (Exposition.LeftOutFamily left : exposition.leftOut()) {
            round.problem("textfile " + shown(file) + ": " + left);
          }
          seriesLeft -= exposition.series();
          mtimes.put(origin, mtime);
        } catch (InputLimitException e) {
          input.refundAll();
          round.problem("textfile " + shown(file) + " " + SeriesLimit.reason(e, seriesLeft, maxSeries, "textfile.max-series", "files") + "; left out");
        } catch (IOException | TextFormatException e) {
          input.refundAll();
          round.problem("failed to read textfile " + shown(file) + ": " + message(e));
        }
      }
    }
    for (FamilyMerger.LeftOut left : merger.leftOut()) {
      round.problem("textfile " + left);
    }
    round.end();
    List<MetricSnapshot> snapshots = new ArrayList<>(merger.families());
    if (!mtimes.isEmpty()) {
      GaugeSnapshot.Builder mtime =
          GaugeSnapshot.builder().name(MTIME).help("Unixtime mtime of textfiles successfully read.");
      mtimes.forEach((file, seconds) ->
          mtime.dataPoint(GaugeDataPointSnapshot.builder().labels(Labels.of("file", file)).value(seconds).build()));
      snapshots.add(mtime.build());
    }
    snapshots.add(scrapeError(round.any()));
    return new MetricSnapshots(snapshots);
  }

  private static GaugeSnapshot scrapeError(boolean any) {
    return GaugeSnapshot.builder()
        .name(SCRAPE_ERROR)
        .help("1 if there was an error opening or reading a file, 0 otherwise")
        .dataPoint(GaugeDataPointSnapshot.builder().value(any ? 1 : 0).build())
        .build();
  }

  /**
   * The name a file goes by in {@code node_textfile_mtime_seconds{file}} and in help texts: the
   * directory as given joined with the file name and cleaned as Go's {@code filepath.Join} cleans
   * it ({@code ./dir/../x/} and {@code a.prom} give {@code x/a.prom}), so that the label is the
   * one node_exporter gives the same file.
   */
  static String origin(Path directory, Path file) {
    return GoPaths.join(directory.toString(), file.getFileName().toString());
  }

  private Exposition read(Path file, int seriesLeft, HeapBudget.Account input)
      throws IOException, TextFormatException, InputLimitException {
    byte[] bytes = reader.read(file);
    input.charge(bytes.length); // held while it is parsed
    Exposition exposition = ExpositionReader.builder()
        .timestamps(false)
        .maxSeries(Math.max(0, seriesLeft), "textfile.max-series")
        .account(input)
        .build()
        .read(bytes);
    input.refund(bytes.length);
    return exposition;
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

  /** The file's bytes if it is a regular file (after links) of at most {@link #MAX_FILE_BYTES}. */
  static byte[] readCapped(Path file) throws IOException {
    return BoundedFiles.read(file, MAX_FILE_BYTES);
  }

  /** A path for a log line: file names are anyone's who can write to the directory. */
  private static String shown(Path path) {
    return Excerpt.of(path.toString(), 160);
  }

  private static String message(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file (removed while being read?)";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotRegularFileException) {
      return "it is " + ((NotRegularFileException) e).kind() + ", not a regular file; skipped";
    }
    if (e instanceof TextFormatException) {
      return e.getMessage(); // already names the line and quotes the token escaped and cut short
    }
    return Excerpt.of(e.getMessage() != null ? e.getMessage() : e.toString(), 200);
  }
}
