package io.taoprom.metrics.host.stat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's stat collector:
 *
 * <pre>
 * # HELP node_boot_time_seconds Node boot time, in unixtime.
 * # TYPE node_boot_time_seconds gauge
 * node_boot_time_seconds 1.796596374E9
 * # HELP node_context_switches_total Total number of context switches.
 * # TYPE node_context_switches_total counter
 * node_context_switches_total 3101615.0
 * # HELP node_softirqs_total Number of softirq calls.
 * # TYPE node_softirqs_total counter
 * node_softirqs_total{vector="net_rx"} 59574.0
 * </pre>
 *
 * and {@code node_intr_total}, {@code node_forks_total}, {@code node_procs_running},
 * {@code node_procs_blocked}; {@code node_softirqs_total} only with {@code --stat.softirq}.
 */
final class StatCollector implements ReadingCollector {

  private static final MetricMetadata INTR =
      new MetricMetadata("node_intr", "Total number of interrupts serviced.");
  private static final MetricMetadata CONTEXT_SWITCHES =
      new MetricMetadata("node_context_switches", "Total number of context switches.");
  private static final MetricMetadata FORKS = new MetricMetadata("node_forks", "Total number of forks.");
  private static final MetricMetadata BOOT_TIME =
      new MetricMetadata("node_boot_time_seconds", "Node boot time, in unixtime.");
  private static final MetricMetadata PROCS_RUNNING =
      new MetricMetadata("node_procs_running", "Number of processes in runnable state.");
  private static final MetricMetadata PROCS_BLOCKED =
      new MetricMetadata("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.");
  private static final MetricMetadata SOFTIRQS = new MetricMetadata("node_softirqs", "Number of softirq calls.");

  private static final List<Labels> VECTOR_LABELS =
      ProcStat.SOFTIRQ_VECTORS.stream().map(v -> Labels.of("vector", v)).toList();

  private final ProcStat stat;
  private final boolean softirqs;

  StatCollector(ProcStat stat, boolean softirqs) {
    this.stat = stat;
    this.softirqs = softirqs;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    KernelStat s = stat.read(softirqs);
    List<MetricSnapshot> families = new ArrayList<>(7);
    families.add(counter(INTR, s.interrupts()));
    families.add(counter(CONTEXT_SWITCHES, s.contextSwitches()));
    families.add(counter(FORKS, s.forks()));
    families.add(gauge(BOOT_TIME, s.bootTime()));
    families.add(gauge(PROCS_RUNNING, s.running()));
    families.add(gauge(PROCS_BLOCKED, s.blocked()));
    if (s.softirqs() != null) {
      List<CounterDataPointSnapshot> points = new ArrayList<>(VECTOR_LABELS.size());
      for (int i = 0; i < VECTOR_LABELS.size(); i++) {
        points.add(CounterDataPointSnapshot.builder().labels(VECTOR_LABELS.get(i)).value(s.softirqs()[i]).build());
      }
      families.add(new CounterSnapshot(SOFTIRQS, points));
    }
    return new MetricSnapshots(families);
  }

  private static CounterSnapshot counter(MetricMetadata metadata, double value) {
    return new CounterSnapshot(metadata, List.of(CounterDataPointSnapshot.builder().value(value).build()));
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }
}
