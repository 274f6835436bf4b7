package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DuplicateLabelsException;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data points of one scrape, gathered per {@link Family} (of either naming) and turned into client_java
 * snapshots at the end. A device lost half way through is taken back out with
 * {@link #mark()} and {@link #rollback(int[])}, so that no GPU is ever half reported.
 *
 * <p>Points with labels already present in their family are dropped (and counted by the
 * caller): a duplicate would make client_java reject the whole family, and the scrape.
 *
 * <p>Not thread-safe; one per scrape.
 */
final class SeriesBuffer {

  private static final Family[] ALL = allFamilies();

  @SuppressWarnings("unchecked")
  private final List<Labels>[] labels = new List[ALL.length];
  private final double[][] values = new double[ALL.length][];

  private static Family[] allFamilies() {
    GpuSeries[] gpu = GpuSeries.values();
    DcgmSeries[] dcgm = DcgmSeries.values();
    Family[] all = new Family[gpu.length + dcgm.length];
    for (Family f : gpu) {
      all[f.slot()] = f;
    }
    for (Family f : dcgm) {
      all[f.slot()] = f;
    }
    return all;
  }

  SeriesBuffer() {
    for (int i = 0; i < ALL.length; i++) {
      labels[i] = new ArrayList<>();
      values[i] = new double[8];
    }
  }

  /** Adds a point with the given value; for info families the value is ignored. */
  void add(Family series, Labels pointLabels, double value) {
    int i = series.slot();
    List<Labels> list = labels[i];
    int n = list.size();
    if (n == values[i].length) {
      values[i] = Arrays.copyOf(values[i], n * 2);
    }
    values[i][n] = value;
    list.add(pointLabels);
  }

  /** The current size of every family, to return to with {@link #rollback}. */
  int[] mark() {
    int[] sizes = new int[ALL.length];
    for (int i = 0; i < ALL.length; i++) {
      sizes[i] = labels[i].size();
    }
    return sizes;
  }

  /** Drops every point added since {@code mark}. */
  void rollback(int[] mark) {
    for (int i = 0; i < ALL.length; i++) {
      List<Labels> list = labels[i];
      list.subList(mark[i], list.size()).clear();
    }
  }

  /**
   * The snapshots of every family that has points.
   *
   * @param duplicates receives one entry per dropped duplicate point, naming its family
   */
  MetricSnapshots build(List<Family> duplicates) {
    List<MetricSnapshot> out = new ArrayList<>();
    for (Family series : ALL) {
      if (labels[series.slot()].isEmpty()) {
        continue;
      }
      MetricSnapshot snapshot;
      try {
        // client_java checks for duplicate labels itself; deduplicating up front would cost
        // every scrape what only a misbehaving driver needs.
        snapshot = snapshot(series, null, duplicates);
      } catch (DuplicateLabelsException e) {
        snapshot = snapshot(series, new HashSet<>(), duplicates);
      }
      out.add(snapshot);
    }
    return new MetricSnapshots(out);
  }

  /** One family; with {@code seen}, points whose labels were already added are dropped. */
  private MetricSnapshot snapshot(Family series, Set<Labels> seen, List<Family> duplicates) {
    int i = series.slot();
    List<Labels> list = labels[i];
    switch (series.type()) {
      case GAUGE -> {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(series.metricName()).help(series.help());
        if (series.unit() != null) {
          b.unit(series.unit());
        }
        for (int p = 0; p < list.size(); p++) {
          if (keep(seen, list.get(p), series, duplicates)) {
            b.dataPoint(GaugeDataPointSnapshot.builder().labels(list.get(p)).value(values[i][p]).build());
          }
        }
        return b.build();
      }
      case COUNTER -> {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(series.metricName()).help(series.help());
        if (series.unit() != null) {
          b.unit(series.unit());
        }
        for (int p = 0; p < list.size(); p++) {
          if (keep(seen, list.get(p), series, duplicates)) {
            b.dataPoint(CounterDataPointSnapshot.builder().labels(list.get(p)).value(values[i][p]).build());
          }
        }
        return b.build();
      }
      case INFO -> {
        InfoSnapshot.Builder b = InfoSnapshot.builder().name(series.metricName()).help(series.help());
        for (Labels l : list) {
          if (keep(seen, l, series, duplicates)) {
            b.dataPoint(InfoDataPointSnapshot.builder().labels(l).build());
          }
        }
        return b.build();
      }
      case UNTYPED -> {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(series.metricName()).help(series.help());
        for (int p = 0; p < list.size(); p++) {
          if (keep(seen, list.get(p), series, duplicates)) {
            b.dataPoint(UnknownDataPointSnapshot.builder().labels(list.get(p)).value(values[i][p]).build());
          }
        }
        return b.build();
      }
      default -> throw new AssertionError(series.type());
    }
  }

  private static boolean keep(Set<Labels> seen, Labels l, Family series, List<Family> duplicates) {
    if (seen == null || seen.add(l)) {
      return true;
    }
    duplicates.add(series);
    return false;
  }
}
