package io.taoprom.metrics.host.xfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadError;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * node_exporter's xfs collector, per mounted XFS file system ({@code /sys/fs/xfs/<device>}):
 *
 * <pre>
 * # HELP node_xfs_read_calls_total Number of read(2) system calls made to files in a filesystem.
 * # TYPE node_xfs_read_calls_total counter
 * node_xfs_read_calls_total{device="nvme1n1p1"} 2.4107712E7
 * </pre>
 *
 * and 37 more counters from the {@code extent_alloc}, {@code abt}, {@code blk_map}, {@code bmbt},
 * {@code dir}, {@code ig}, {@code rw} and {@code vnodes} lines of each {@code stats/stats}. The
 * file's other lines are not served and not checked, so a kernel that changes them does not stop
 * the collector.
 */
final class XfsCollector implements MultiCollector {

  private static final String ROOT = "fs/xfs";
  private static final XfsStat[] STATS = XfsStat.values();
  private static final MetricMetadata[] METADATA = new MetricMetadata[STATS.length];

  static {
    for (XfsStat stat : STATS) {
      METADATA[stat.ordinal()] = new MetricMetadata("node_xfs_" + stat.name, stat.help);
    }
  }

  private final SysFs sys;

  XfsCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public MetricSnapshots collect() {
    HostFamilies out = new HostFamilies();
    try {
      for (String device : sys.list(ROOT)) {
        if (!Files.isDirectory(sys.path(ROOT + "/" + device + "/stats"))) {
          continue; // /sys/fs/xfs/stats/stats is the totals of all of them, not a file system
        }
        String file = ROOT + "/" + device + "/stats/stats";
        String text;
        try {
          text = sys.read(file);
        } catch (NoSuchFileException unmounted) {
          continue; // unmounted since the listing
        } catch (IOException e) {
          throw ReadError.of(sys.path(file), e);
        }
        double[] values = parse(sys.path(file), text);
        Labels labels = Labels.of("device", device);
        for (XfsStat stat : STATS) {
          out.counter(METADATA[stat.ordinal()], labels, values[stat.ordinal()]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return out.snapshots();
  }

  /** One value per {@link XfsStat}, by ordinal. */
  static double[] parse(Path file, String text) throws IOException {
    double[] values = new double[STATS.length];
    Arrays.fill(values, Double.NaN);
    ProcText lines = new ProcText(text, file);
    while (lines.nextLine()) {
      if (!lines.hasField()) {
        continue;
      }
      String label = lines.field();
      int first = firstStatOf(label);
      if (first < 0) {
        continue;
      }
      // at least the values served: a vnodes line of 7 (before the vn_free count) is fine
      int width = lines.fieldsLeft();
      if (width < needed(label)) {
        throw MalformedFileException.expected(
            file, lines.lineNumber(), "at least " + needed(label) + " values after " + label, lines.line());
      }
      double[] line = new double[width];
      try {
        for (int i = 0; i < width; i++) {
          line[i] = lines.unsigned();
        }
      } catch (MalformedFileException e) {
        throw MalformedFileException.expected(file, lines.lineNumber(), "unsigned numbers after " + label, lines.line());
      }
      for (XfsStat stat : STATS) {
        if (stat.line.equals(label)) {
          values[stat.ordinal()] = line[stat.index];
        }
      }
    }
    for (XfsStat stat : STATS) {
      if (Double.isNaN(values[stat.ordinal()])) {
        throw new IOException(file + ": no \"" + stat.line + "\" line; not the XFS statistics format this reads");
      }
    }
    return values;
  }

  /** How many values of a line node_exporter reads. */
  private static int needed(String label) {
    int needed = 0;
    for (XfsStat stat : STATS) {
      if (stat.line.equals(label)) {
        needed = Math.max(needed, stat.index + 1);
      }
    }
    return needed;
  }

  /** The ordinal of the first statistic on a line labelled {@code label}, or -1. */
  private static int firstStatOf(String label) {
    for (XfsStat stat : STATS) {
      if (stat.line.equals(label)) {
        return stat.ordinal();
      }
    }
    return -1;
  }
}
