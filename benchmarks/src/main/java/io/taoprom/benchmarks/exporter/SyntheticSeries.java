package io.taoprom.benchmarks.exporter;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;

/**
 * Families shaped like a GPU node's: half gauges, half counters, each series labelled with a
 * device and a GPU index, values with fractions (the text writer formats doubles).
 */
final class SyntheticSeries {

  private SyntheticSeries() {}

  /** {@code families} families of {@code seriesPerFamily} series, names prefixed with {@code prefix}. */
  static MetricSnapshots build(String prefix, int families, int seriesPerFamily) {
    List<MetricSnapshot> snapshots = new ArrayList<>(families);
    for (int f = 0; f < families; f++) {
      if (f % 2 == 0) {
        GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(prefix + "_gauge_" + f + "_bytes").help("Synthetic gauge " + f + ".");
        for (int s = 0; s < seriesPerFamily; s++) {
          gauge.dataPoint(GaugeDataPointSnapshot.builder().labels(labels(s)).value(s * 1024.5 + f).build());
        }
        snapshots.add(gauge.build());
      } else {
        CounterSnapshot.Builder counter = CounterSnapshot.builder().name(prefix + "_counter_" + f + "_total").help("Synthetic counter " + f + ".");
        for (int s = 0; s < seriesPerFamily; s++) {
          counter.dataPoint(CounterDataPointSnapshot.builder().labels(labels(s)).value(s * 3.25 + f).build());
        }
        snapshots.add(counter.build());
      }
    }
    return new MetricSnapshots(snapshots);
  }

  private static Labels labels(int series) {
    return Labels.of("device", "nvme" + series, "gpu", Integer.toString(series % 8));
  }
}
