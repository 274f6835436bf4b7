package io.taoprom.metrics.host.cpu;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * node_exporter's cpu collector, for every logical CPU:
 *
 * <pre>
 * # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
 * # TYPE node_cpu_seconds_total counter
 * node_cpu_seconds_total{cpu="0",mode="idle"} 10870.69
 * # HELP node_cpu_guest_seconds_total Seconds the CPUs spent in guests (VMs) for each mode.
 * # TYPE node_cpu_guest_seconds_total counter
 * node_cpu_guest_seconds_total{cpu="0",mode="user"} 0.02
 * </pre>
 */
final class CpuCollector implements ReadingCollector {

  // client_java appends _total to counter names itself. Metadata and label sets are built once,
  // not per scrape: validating names is most of what building a snapshot costs.
  private static final MetricMetadata CPU_SECONDS =
      new MetricMetadata("node_cpu_seconds", "Seconds the CPUs spent in each mode.");
  private static final MetricMetadata CPU_GUEST_SECONDS =
      new MetricMetadata("node_cpu_guest_seconds", "Seconds the CPUs spent in guests (VMs) for each mode.");
  private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};

  private final CpuSource source;
  /** Per CPU, the label sets of its eight modes in {@link #MODES} order. */
  private final Map<String, Labels[]> labels = new ConcurrentHashMap<>();

  CpuCollector(CpuSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<CpuSource.CpuTimes> cpus = source.read();
    List<CounterDataPointSnapshot> seconds = new ArrayList<>(cpus.size() * MODES.length);
    List<CounterDataPointSnapshot> guest = new ArrayList<>(cpus.size() * 2);
    for (CpuSource.CpuTimes t : cpus) {
      Labels[] modes = labels.computeIfAbsent(t.cpu(), CpuCollector::modeLabels);
      seconds.add(point(modes[0], t.user()));
      seconds.add(point(modes[1], t.nice()));
      seconds.add(point(modes[2], t.system()));
      seconds.add(point(modes[3], t.idle()));
      seconds.add(point(modes[4], t.iowait()));
      seconds.add(point(modes[5], t.irq()));
      seconds.add(point(modes[6], t.softirq()));
      seconds.add(point(modes[7], t.steal()));
      if (t.hasGuest()) {
        guest.add(point(modes[0], t.guest()));
        guest.add(point(modes[1], t.guestNice()));
      }
    }
    CounterSnapshot secondsFamily = new CounterSnapshot(CPU_SECONDS, seconds);
    return guest.isEmpty()
        ? MetricSnapshots.of(secondsFamily)
        : MetricSnapshots.of(secondsFamily, new CounterSnapshot(CPU_GUEST_SECONDS, guest));
  }

  private static Labels[] modeLabels(String cpu) {
    Labels[] out = new Labels[MODES.length];
    for (int i = 0; i < MODES.length; i++) {
      out[i] = Labels.of("cpu", cpu, "mode", MODES[i]);
    }
    return out;
  }

  private static CounterDataPointSnapshot point(Labels labels, double value) {
    return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
