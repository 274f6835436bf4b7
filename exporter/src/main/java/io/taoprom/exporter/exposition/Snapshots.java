package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Rebuilding a family of client_java's snapshot types with the series of several. */
final class Snapshots {

  private Snapshots() {}

  /**
   * One family with the series of every part, under the first part's metadata with {@code help}.
   * The constructors sort the series by labels, so the result does not depend on the order.
   */
  @SuppressWarnings("unchecked")
  static MetricSnapshot join(List<MetricSnapshot> parts, String help) {
    MetricSnapshot first = parts.get(0);
    int size = 0;
    for (MetricSnapshot part : parts) {
      size += part.getDataPoints().size();
    }
    List<DataPointSnapshot> points = new ArrayList<>(size);
    for (MetricSnapshot part : parts) {
      points.addAll(part.getDataPoints());
    }
    MetricMetadata metadata = withHelp(first.getMetadata(), help);
    Collection<?> all = points;
    if (first instanceof GaugeSnapshot) {
      return new GaugeSnapshot(metadata, (Collection<GaugeDataPointSnapshot>) all);
    } else if (first instanceof CounterSnapshot) {
      return new CounterSnapshot(metadata, (Collection<CounterDataPointSnapshot>) all);
    } else if (first instanceof HistogramSnapshot) {
      return new HistogramSnapshot(((HistogramSnapshot) first).isGaugeHistogram(), metadata,
          (Collection<HistogramDataPointSnapshot>) all);
    } else if (first instanceof SummarySnapshot) {
      return new SummarySnapshot(metadata, (Collection<SummaryDataPointSnapshot>) all);
    } else if (first instanceof InfoSnapshot) {
      return new InfoSnapshot(metadata, (Collection<InfoDataPointSnapshot>) all);
    } else if (first instanceof StateSetSnapshot) {
      return new StateSetSnapshot(metadata, (Collection<StateSetDataPointSnapshot>) all);
    }
    return new UnknownSnapshot(metadata, (Collection<UnknownDataPointSnapshot>) all);
  }

  /** A family of the same type and metadata as {@code family}, without its series. */
  static MetricSnapshot shape(MetricSnapshot family) {
    MetricMetadata metadata = family.getMetadata();
    if (family instanceof GaugeSnapshot) {
      return new GaugeSnapshot(metadata, List.of());
    } else if (family instanceof CounterSnapshot) {
      return new CounterSnapshot(metadata, List.of());
    } else if (family instanceof HistogramSnapshot) {
      return new HistogramSnapshot(((HistogramSnapshot) family).isGaugeHistogram(), metadata, List.of());
    } else if (family instanceof SummarySnapshot) {
      return new SummarySnapshot(metadata, List.of());
    } else if (family instanceof InfoSnapshot) {
      return new InfoSnapshot(metadata, List.of());
    } else if (family instanceof StateSetSnapshot) {
      return new StateSetSnapshot(metadata, List.of());
    }
    return new UnknownSnapshot(metadata, List.of());
  }

  /** The same metadata (names, unit) with another help text. */
  private static MetricMetadata withHelp(MetricMetadata metadata, String help) {
    if (Objects.equals(metadata.getHelp(), help)) {
      return metadata;
    }
    return MetricMetadata.builder()
        .name(metadata.getName())
        .originalName(metadata.getOriginalName())
        .expositionBaseName(metadata.getExpositionBaseName())
        .help(help)
        .unit(metadata.getUnit())
        .build();
  }
}
