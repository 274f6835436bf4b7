package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one parsed family into client_java data points: samples grouped into histogram and
 * summary points, extra labels added, created timestamps attached.
 *
 * <p>Anything client_java would refuse, or that would not survive the trip (a negative counter,
 * a bucket count that falls, a fractional count, a reserved label name), is an
 * {@link IllegalArgumentException} whose message says what.
 */
final class FamilyConverter {

  private FamilyConverter() {}

  /**
   * The family's data points.
   *
   * @param family the parsed family
   * @param type the type to convert to (a counter whose name lacks {@code _total} is converted as
   *     untyped: client_java would rename it)
   * @param extra labels added to every point; a sample's own label of the same name is kept as
   *     {@code exported_NAME}, as Prometheus does
   * @param created created timestamps in seconds, by labels (without extra labels)
   */
  static List<DataPointSnapshot> points(
      ParsedFamily family, FamilyType type, Labels extra, Map<Labels, Double> created) {
    switch (type) {
      case HISTOGRAM:
        return histogram(family, extra, created);
      case SUMMARY:
        return summary(family, extra, created);
      default:
        List<DataPointSnapshot> points = new ArrayList<>(family.samples().size());
        for (ParsedSample sample : family.samples()) {
          Labels own = labels(sample, null);
          Labels labels = withExtra(own, extra);
          DataPointSnapshot point;
          if (type == FamilyType.COUNTER) {
            CounterDataPointSnapshot.Builder b =
                CounterDataPointSnapshot.builder().labels(labels).value(sample.value());
            Double createdSeconds = created.get(own);
            if (createdSeconds != null) {
              b.createdTimestampMillis(Math.round(createdSeconds * 1000));
            }
            timestamp(b, sample.timestampMillis());
            point = b.build();
          } else if (type == FamilyType.GAUGE) {
            GaugeDataPointSnapshot.Builder b =
                GaugeDataPointSnapshot.builder().labels(labels).value(sample.value());
            timestamp(b, sample.timestampMillis());
            point = b.build();
          } else {
            UnknownDataPointSnapshot.Builder b =
                UnknownDataPointSnapshot.builder().labels(labels).value(sample.value());
            timestamp(b, sample.timestampMillis());
            point = b.build();
          }
          points.add(point);
        }
        return points;
    }
  }

  /** One histogram point being assembled from its _bucket, _count and _sum samples. */
  private static final class Group {
    final TreeMap<Double, Double> buckets = new TreeMap<>();
    Double count;
    Double sum;
    Long timestamp;
    final List<Quantile> quantiles = new ArrayList<>();
  }

  private static List<DataPointSnapshot> histogram(
      ParsedFamily family, Labels extra, Map<Labels, Double> created) {
    Map<Labels, Group> groups = new LinkedHashMap<>();
    String name = family.name();
    for (ParsedSample sample : family.samples()) {
      Group g = groups.computeIfAbsent(labels(sample, "le"), l -> new Group());
      g.timestamp = sample.timestampMillis() != null ? sample.timestampMillis() : g.timestamp;
      if (sample.name().equals(name + "_bucket")) {
        double le = number(sample.label("le"), "le", sample);
        if (g.buckets.put(le, sample.value()) != null) {
          throw new IllegalArgumentException("bucket le=\"" + sample.label("le") + "\" given twice in " + name);
        }
      } else if (sample.name().equals(name + "_count")) {
        g.count = sample.value();
      } else {
        g.sum = sample.value();
      }
    }
    List<DataPointSnapshot> points = new ArrayList<>(groups.size());
    for (Map.Entry<Labels, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      if (!g.buckets.containsKey(Double.POSITIVE_INFINITY)) {
        double top = g.buckets.isEmpty() ? 0 : g.buckets.lastEntry().getValue();
        g.buckets.put(Double.POSITIVE_INFINITY, g.count != null ? g.count : top);
      }
      double[] bounds = new double[g.buckets.size()];
      long[] counts = new long[g.buckets.size()];
      long previous = 0;
      int i = 0;
      for (Map.Entry<Double, Double> bucket : g.buckets.entrySet()) {
        long cumulative = count(bucket.getValue(), name + "_bucket");
        if (cumulative < previous) {
          throw new IllegalArgumentException(
              "bucket counts of " + name + " fall at le=\"" + bucket.getKey() + "\"");
        }
        bounds[i] = bucket.getKey();
        counts[i++] = cumulative - previous;
        previous = cumulative;
      }
      HistogramDataPointSnapshot.Builder b =
          HistogramDataPointSnapshot.builder()
              .labels(withExtra(e.getKey(), extra))
              .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts));
      if (g.sum != null) {
        b.sum(g.sum);
      }
      Double createdSeconds = created.get(e.getKey());
      if (createdSeconds != null) {
        b.createdTimestampMillis(Math.round(createdSeconds * 1000));
      }
      timestamp(b, g.timestamp);
      points.add(b.build());
    }
    return points;
  }

  private static List<DataPointSnapshot> summary(
      ParsedFamily family, Labels extra, Map<Labels, Double> created) {
    Map<Labels, Group> groups = new LinkedHashMap<>();
    String name = family.name();
    for (ParsedSample sample : family.samples()) {
      Group g = groups.computeIfAbsent(labels(sample, "quantile"), l -> new Group());
      g.timestamp = sample.timestampMillis() != null ? sample.timestampMillis() : g.timestamp;
      if (sample.name().equals(name)) {
        double q = number(sample.label("quantile"), "quantile", sample);
        if (!(q >= 0 && q <= 1)) {
          throw new IllegalArgumentException("quantile=\"" + sample.label("quantile") + "\" of " + name + " is not in [0, 1]");
        }
        g.quantiles.add(new Quantile(q, sample.value()));
      } else if (sample.name().equals(name + "_count")) {
        g.count = sample.value();
      } else {
        g.sum = sample.value();
      }
    }
    List<DataPointSnapshot> points = new ArrayList<>(groups.size());
    for (Map.Entry<Labels, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      SummaryDataPointSnapshot.Builder b =
          SummaryDataPointSnapshot.builder()
              .labels(withExtra(e.getKey(), extra))
              .quantiles(Quantiles.of(g.quantiles));
      if (g.count != null) {
        b.count(count(g.count, name + "_count"));
      }
      if (g.sum != null) {
        b.sum(g.sum);
      }
      Double createdSeconds = created.get(e.getKey());
      if (createdSeconds != null) {
        b.createdTimestampMillis(Math.round(createdSeconds * 1000));
      }
      timestamp(b, g.timestamp);
      points.add(b.build());
    }
    return points;
  }

  /** The sample's labels without {@code skip} (le, quantile); client_java checks the names. */
  static Labels labels(ParsedSample sample, String skip) {
    int n = sample.labelNames().size();
    if (n == 0) {
      return Labels.EMPTY;
    }
    List<String> names = new ArrayList<>(n);
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String label = sample.labelNames().get(i);
      if (!label.equals(skip)) {
        names.add(label);
        values.add(sample.labelValues().get(i));
      }
    }
    return Labels.of(names, values);
  }

  /** {@code own} plus {@code extra}; an own label that {@code extra} also names becomes exported_NAME. */
  static Labels withExtra(Labels own, Labels extra) {
    if (extra.isEmpty()) {
      return own;
    }
    Labels renamed = own;
    for (int i = 0; i < extra.size(); i++) {
      String name = extra.getName(i);
      if (own.contains(name)) {
        List<String> names = new ArrayList<>(own.size());
        List<String> values = new ArrayList<>(own.size());
        for (int j = 0; j < renamed.size(); j++) {
          String n = renamed.getName(j);
          names.add(n.equals(name) ? "exported_" + n : n);
          values.add(renamed.getValue(j));
        }
        renamed = Labels.of(names, values);
      }
    }
    return renamed.merge(extra);
  }

  private static double number(String text, String label, ParsedSample sample) {
    try {
      double v = TextFormatParser.parseValue(text);
      if (Double.isNaN(v)) {
        throw new NumberFormatException(text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          label + "=\"" + text + "\" of " + sample.name() + " is not a number");
    }
  }

  private static long count(double value, String what) {
    if (!(value >= 0) || value != Math.rint(value) || value > Long.MAX_VALUE) {
      throw new IllegalArgumentException(what + " " + value + " is not a whole, non-negative count");
    }
    return (long) value;
  }

  private static void timestamp(DataPointSnapshot.Builder<?> builder, Long millis) {
    if (millis != null) {
      builder.scrapeTimestampMillis(millis);
    }
  }
}
