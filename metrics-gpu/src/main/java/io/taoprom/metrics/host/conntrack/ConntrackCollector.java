package io.taoprom.metrics.host.conntrack;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * node_exporter's conntrack collector:
 *
 * <pre>
 * # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
 * # TYPE node_nf_conntrack_entries gauge
 * node_nf_conntrack_entries 1514.0
 * # HELP node_nf_conntrack_stat_drop Number of packets dropped due to conntrack failure.
 * # TYPE node_nf_conntrack_stat_drop gauge
 * node_nf_conntrack_stat_drop 0.0
 * </pre>
 *
 * <p>The statistics are gauges, as node_exporter types them, each the sum of one column of
 * {@code /proc/net/stat/nf_conntrack} over its per-CPU lines. Columns are found by the names in
 * its header line, which kernels have changed around them ({@code searched} became
 * {@code clashres} in 5.x); a kernel before {@code search_restart} (3.19) reports 0 for it, as
 * node_exporter does.
 */
final class ConntrackCollector implements ReadingCollector {

  static final MetricMetadata ENTRIES = new MetricMetadata(
      "node_nf_conntrack_entries", "Number of currently allocated flow entries for connection tracking.");
  static final MetricMetadata LIMIT = new MetricMetadata(
      "node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.");

  /** A column of the statistics file and the gauge it sums into. */
  private record Stat(String column, MetricMetadata metadata) {}

  private static final List<Stat> STATS = List.of(
      stat("found", "Number of searched entries which were successful."),
      stat("invalid", "Number of packets seen which can not be tracked."),
      stat("ignore", "Number of packets seen which are already connected to a conntrack entry."),
      stat("insert", "Number of entries inserted into the list."),
      stat("insert_failed", "Number of entries for which list insertion was attempted but failed."),
      stat("drop", "Number of packets dropped due to conntrack failure."),
      stat("early_drop",
          "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached."),
      stat("search_restart", "Number of conntrack table lookups which had to be restarted due to hashtable resizes."));

  /** The one column older kernels lack, and that then reads 0. */
  private static final String OPTIONAL_COLUMN = "search_restart";

  private static final String COUNT = "sys/net/netfilter/nf_conntrack_count";
  private static final String MAX = "sys/net/netfilter/nf_conntrack_max";
  private static final String STAT = "net/stat/nf_conntrack";

  private final ProcFs proc;

  ConntrackCollector(ProcFs proc) {
    this.proc = proc;
  }

  private static Stat stat(String column, String help) {
    return new Stat(column, new MetricMetadata("node_nf_conntrack_stat_" + column, help));
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    collect(families);
    return families.snapshots();
  }

  private void collect(HostFamilies families) throws IOException {
    // Each file is absent where the module is not loaded (or the proc tree is a container's
    // without them): what is there is served, as node_exporter serves what it read before.
    try {
      families.gauge(ENTRIES, Labels.EMPTY, number(COUNT));
      families.gauge(LIMIT, Labels.EMPTY, number(MAX));
    } catch (NoSuchFileException absent) {
      return;
    }
    String stats;
    try {
      stats = proc.read(STAT);
    } catch (NoSuchFileException absent) {
      return;
    }
    long[] sums = sums(stats);
    for (int i = 0; i < STATS.size(); i++) {
      families.gauge(STATS.get(i).metadata(), Labels.EMPTY, KernelNumbers.unsignedToDouble(sums[i]));
    }
  }

  /** A file holding one decimal number, such as {@code 262144}. */
  private double number(String file) throws IOException {
    ProcText text = new ProcText(proc.read(file), proc.path(file));
    if (!text.nextLine() || text.fieldsLeft() != 1) {
      throw text.malformed("one number");
    }
    return text.unsigned();
  }

  /** The per-CPU lines of the statistics file summed, in the order of {@link #STATS}. */
  private long[] sums(String content) throws IOException {
    ProcText text = new ProcText(content, proc.path(STAT));
    if (!text.nextLine()) {
      throw text.malformed("a header line of column names");
    }
    int columns = text.fieldsLeft();
    int[] statOfColumn = new int[columns];
    boolean[] found = new boolean[STATS.size()];
    for (int c = 0; c < columns; c++) {
      String name = text.field();
      statOfColumn[c] = -1;
      for (int s = 0; s < STATS.size(); s++) {
        if (STATS.get(s).column().equals(name)) {
          statOfColumn[c] = s;
          found[s] = true;
        }
      }
    }
    for (int s = 0; s < STATS.size(); s++) {
      if (!found[s] && !STATS.get(s).column().equals(OPTIONAL_COLUMN)) {
        throw text.malformed("a column named " + STATS.get(s).column());
      }
    }
    long[] sums = new long[STATS.size()];
    while (text.nextLine()) {
      if (text.blankLine()) {
        continue;
      }
      if (text.fieldsLeft() != columns) {
        throw text.malformed(columns + " hexadecimal numbers, one per header column");
      }
      for (int c = 0; c < columns; c++) {
        long value = text.hex();
        if (statOfColumn[c] >= 0) {
          sums[statOfColumn[c]] += value; // wraps at 2^64, as node_exporter's uint64 sum
        }
      }
    }
    return sums;
  }
}
