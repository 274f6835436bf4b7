package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One histogram or summary series gathered from its samples ({@code _bucket}, quantiles,
 * {@code _count}, {@code _sum}), then made into its client_java data point. What client_java
 * would refuse or misread (a bucket given twice, counts that fall, a fractional count) is an
 * {@link IllegalArgumentException} naming it.
 */
final class SeriesParts {

  private double[] bounds = new double[0];
  private double[] counts = new double[0];
  private int buckets;
  private List<Quantile> quantileList;
  Double count;
  Double sum;
  Long timestamp;

  /** A {@code _bucket} sample: its bound and its cumulative count. */
  void bucket(double le, double cumulative, String family) {
    for (int i = 0; i < buckets; i++) {
      if (bounds[i] == le) {
        throw new IllegalArgumentException("bucket le=\"" + le + "\" given twice in " + family);
      }
    }
    if (buckets == bounds.length) {
      bounds = Arrays.copyOf(bounds, Math.max(4, buckets * 2));
      counts = Arrays.copyOf(counts, bounds.length);
    }
    bounds[buckets] = le;
    counts[buckets++] = cumulative;
  }

  /** A quantile sample. */
  void quantile(double q, double value) {
    if (quantileList == null) {
      quantileList = new ArrayList<>(4);
    }
    quantileList.add(new Quantile(q, value));
  }

  private Quantiles quantiles() {
    return quantileList == null ? Quantiles.EMPTY : Quantiles.of(quantileList);
  }

  /** The buckets as client_java wants them: sorted, per bucket (not cumulative), ending in +Inf. */
  private ClassicHistogramBuckets histogramBuckets(String family) {
    Integer[] order = new Integer[buckets];
    for (int i = 0; i < buckets; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(bounds[x], bounds[y]));
    boolean hasInf = buckets > 0 && bounds[order[buckets - 1]] == Double.POSITIVE_INFINITY;
    int n = hasInf ? buckets : buckets + 1;
    double[] le = new double[n];
    long[] each = new long[n];
    long previous = 0;
    for (int i = 0; i < n; i++) {
      double bound;
      double cumulativeValue;
      if (i < buckets) {
        bound = bounds[order[i]];
        cumulativeValue = counts[order[i]];
      } else {
        bound = Double.POSITIVE_INFINITY;
        cumulativeValue = count != null ? count : buckets == 0 ? 0 : counts[order[buckets - 1]];
      }
      long cumulative = count(cumulativeValue, family + "_bucket");
      if (cumulative < previous) {
        throw new IllegalArgumentException("bucket counts of " + family + " fall at le=\"" + bound + "\"");
      }
      le[i] = bound;
      each[i] = cumulative - previous;
      previous = cumulative;
    }
    return ClassicHistogramBuckets.of(le, each);
  }

  /** A count as client_java keeps it: whole and not negative, or an error naming {@code what}. */
  static long count(double value, String what) {
    if (!(value >= 0) || value != Math.rint(value) || value > Long.MAX_VALUE) {
      throw new IllegalArgumentException(what + " " + value + " is not a whole, non-negative count");
    }
    return (long) value;
  }

  /** The histogram point of family {@code name}, with its created timestamp (seconds) or null. */
  HistogramDataPointSnapshot histogramPoint(String name, Labels labels, Double created) {
    HistogramDataPointSnapshot.Builder b =
        HistogramDataPointSnapshot.builder().labels(labels).classicHistogramBuckets(histogramBuckets(name));
    if (sum != null) {
      b.sum(sum);
    }
    if (created != null) {
      b.createdTimestampMillis(Math.round(created * 1000));
    }
    if (timestamp != null) {
      b.scrapeTimestampMillis(timestamp);
    }
    return b.build();
  }

  /** The summary point of family {@code name}, with its created timestamp (seconds) or null. */
  SummaryDataPointSnapshot summaryPoint(String name, Labels labels, Double created) {
    SummaryDataPointSnapshot.Builder b = SummaryDataPointSnapshot.builder().labels(labels).quantiles(quantiles());
    if (count != null) {
      b.count(count(count, name + "_count"));
    }
    if (sum != null) {
      b.sum(sum);
    }
    if (created != null) {
      b.createdTimestampMillis(Math.round(created * 1000));
    }
    if (timestamp != null) {
      b.scrapeTimestampMillis(timestamp);
    }
    return b.build();
  }
}
