package io.taoprom.metrics.host.softnet;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.Set;

/**
 * node_exporter's softnet collector:
 *
 * <pre>
 * # HELP node_softnet_dropped_total Number of dropped packets
 * # TYPE node_softnet_dropped_total counter
 * node_softnet_dropped_total{cpu="0"} 0.0
 * </pre>
 *
 * <p>{@code /proc/net/softnet_stat} has a line per CPU of 32-bit hexadecimal columns, more of them
 * in newer kernels: processed, dropped, time squeeze, five zeros, cpu collision (all kernels this
 * reads: at least 9 columns), received RPS (2.6.39), flow limit count (4.18), backlog length and
 * the CPU's number (5.10; before, lines are numbered in order, which skips offline CPUs' numbers
 * the same way node_exporter does). A column a kernel lacks is served as 0, as node_exporter does.
 */
final class SoftnetCollector implements ReadingCollector {

  static final MetricMetadata PROCESSED = new MetricMetadata("node_softnet_processed", "Number of processed packets");
  static final MetricMetadata DROPPED = new MetricMetadata("node_softnet_dropped", "Number of dropped packets");
  static final MetricMetadata TIMES_SQUEEZED =
      new MetricMetadata("node_softnet_times_squeezed", "Number of times processing packets ran out of quota");
  static final MetricMetadata CPU_COLLISION = new MetricMetadata(
      "node_softnet_cpu_collision", "Number of collision occur while obtaining device lock while transmitting");
  static final MetricMetadata RECEIVED_RPS =
      new MetricMetadata("node_softnet_received_rps", "Number of times cpu woken up received_rps");
  static final MetricMetadata FLOW_LIMIT_COUNT =
      new MetricMetadata("node_softnet_flow_limit_count", "Number of times flow limit has been reached");
  static final MetricMetadata BACKLOG_LEN = new MetricMetadata("node_softnet_backlog_len", "Softnet backlog status");

  private static final String FILE = "net/softnet_stat";

  /** Every kernel since 2.6.23 prints at least these. */
  private static final int MIN_COLUMNS = 9;

  /** Where the CPU's own number is, from 5.10 on. */
  private static final int CPU_COLUMN = 12;

  private final ProcFs proc;

  SoftnetCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    try {
      read(families);
    } catch (NoSuchFileException absent) {
      return MetricSnapshots.of();
    }
    return families.snapshots();
  }

  private void read(HostFamilies families) throws IOException {
    ProcText text = new ProcText(proc.read(FILE), proc.path(FILE));
    long[] columns = new long[16];
    Set<Long> seen = new HashSet<>();
    int line = 0;
    while (text.nextLine()) {
      int width = text.fieldsLeft();
      if (width < MIN_COLUMNS) {
        throw text.malformed("at least " + MIN_COLUMNS + " hexadecimal columns");
      }
      if (width > columns.length) {
        columns = new long[width];
      }
      for (int i = 0; i < width; i++) {
        columns[i] = text.hex();
        if (columns[i] > 0xffffffffL) {
          throw text.malformed("32-bit hexadecimal columns");
        }
      }
      long number = width > CPU_COLUMN ? columns[CPU_COLUMN] : line;
      if (!seen.add(number)) {
        throw text.malformed("a CPU number not seen before, not " + number);
      }
      Labels cpu = Labels.of("cpu", Long.toString(number));
      families.counter(PROCESSED, cpu, columns[0]);
      families.counter(DROPPED, cpu, columns[1]);
      families.counter(TIMES_SQUEEZED, cpu, columns[2]);
      families.counter(CPU_COLLISION, cpu, columns[8]);
      families.counter(RECEIVED_RPS, cpu, width > 9 ? columns[9] : 0);
      families.counter(FLOW_LIMIT_COUNT, cpu, width > 10 ? columns[10] : 0);
      families.gauge(BACKLOG_LEN, cpu, width > CPU_COLUMN ? columns[11] : 0);
      line++;
    }
  }
}
