package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DuplicateLabelsException;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.taoprom.exporter.exposition.ExpositionNames;
import io.taoprom.untrusted.Excerpt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sink that turns samples straight into client_java data points as the parser reads them:
 * a counter, gauge or untyped sample becomes its point at once; histogram and summary samples are
 * gathered per series into buckets or quantiles. Extra labels (the scrape collector's
 * {@code source}) are added as each label set is made, a sample's own label of the same name
 * kept as {@code exported_NAME}, as Prometheus does.
 *
 * <p>Every series and family is counted against the series limit and charged to the
 * {@link HeapBudget}; either refuses the input the moment it is passed. Anything client_java
 * would refuse, or that would not survive the trip (a negative counter, falling bucket counts, a
 * fractional count, a reserved label name, a series given twice), leaves out that family only,
 * with a reason.
 */
final class FamilyAssembler implements SampleSink {

  // Heap estimates (64-bit, compressed references): a data point with its slot in two lists; a
  // histogram or summary series while it is gathered. Label sets: ExtraLabels.bytes.
  private static final long POINT_BYTES = 56;
  private static final long GROUP_BYTES = 160;

  private final ExtraLabels extra;
  private final boolean timestamps;
  private final int maxSeries;
  private final String maxSeriesOption;
  private final HeapBudget.Account account;
  private final Map<FamilyHeader, Pending> pending = new IdentityHashMap<>();
  private int series;

  FamilyAssembler(ExtraLabels extra, boolean timestamps, int maxSeries, String maxSeriesOption, HeapBudget.Account account) {
    this.extra = extra;
    this.timestamps = timestamps;
    this.maxSeries = maxSeries;
    this.maxSeriesOption = maxSeriesOption;
    this.account = account;
  }

  /** One family's points so far, or why it is left out. */
  private abstract static class Pending {
    final FamilyHeader header;
    String failure;

    Pending(FamilyHeader header) {
      this.header = header;
    }
  }

  /** Counter, gauge or untyped: a point per sample. */
  private static final class Plain extends Pending {
    final FamilyType type;
    List<DataPointSnapshot> points = new ArrayList<>();

    Plain(FamilyHeader header, FamilyType type) {
      super(header);
      this.type = type;
    }
  }

  /** Histogram or summary: its series being gathered. */
  private static final class Grouped extends Pending {
    Map<Labels, SeriesParts> groups = new LinkedHashMap<>();

    Grouped(FamilyHeader header) {
      super(header);
    }
  }

  @Override
  public void sample(FamilyHeader family, Role role, String[] names, String[] values, int labels,
      double value, long timestampMillis, int line) throws TextFormatException, InputLimitException {
    if (timestampMillis != Long.MIN_VALUE && !timestamps) {
      throw new TextFormatException(line, "contains unsupported client-side timestamps, skipping entire file");
    }
    Pending p = pending.get(family);
    if (p == null) {
      p = start(family);
    }
    if (p.failure != null) {
      return; // already left out: its samples cost nothing more
    }
    try {
      if (p instanceof Plain) {
        addPoint((Plain) p, names, values, labels, value, timestampMillis);
      } else {
        addPart((Grouped) p, role, names, values, labels, value, timestampMillis);
      }
    } catch (IllegalArgumentException e) {
      fail(p, e.getMessage());
    }
  }

  private Pending start(FamilyHeader family) throws InputLimitException {
    Pending p;
    switch (family.type) {
      case HISTOGRAM:
      case SUMMARY:
        p = new Grouped(family);
        break;
      case COUNTER:
        // client_java would rename a counter without _total (adding the suffix): served untyped.
        p = new Plain(family, family.name.endsWith("_total") ? FamilyType.COUNTER : FamilyType.UNTYPED);
        break;
      default:
        p = new Plain(family, family.type);
    }
    pending.put(family, p);
    return p;
  }

  private void fail(Pending p, String why) {
    p.failure = Excerpt.of(why == null ? "refused by client_java" : why, 200);
    if (p instanceof Plain) {
      series -= ((Plain) p).points.size();
      ((Plain) p).points = List.of();
    } else {
      series -= ((Grouped) p).groups.size();
      ((Grouped) p).groups = Map.of();
    }
  }

  private void countSeries() throws InputLimitException {
    if (++series > maxSeries) {
      throw InputLimitException.series(maxSeries, maxSeriesOption);
    }
  }

  private void addPoint(Plain p, String[] names, String[] values, int labels, double value, long timestamp)
      throws InputLimitException {
    countSeries();
    Labels l = extra.labels(names, values, labels, null, account);
    account.charge(POINT_BYTES);
    DataPointSnapshot.Builder<?> b;
    if (p.type == FamilyType.COUNTER) {
      b = CounterDataPointSnapshot.builder().labels(l).value(value);
    } else if (p.type == FamilyType.GAUGE) {
      b = GaugeDataPointSnapshot.builder().labels(l).value(value);
    } else {
      b = UnknownDataPointSnapshot.builder().labels(l).value(value);
    }
    if (timestamp != Long.MIN_VALUE) {
      b.scrapeTimestampMillis(timestamp);
    }
    p.points.add(build(b));
  }

  private static DataPointSnapshot build(DataPointSnapshot.Builder<?> b) {
    if (b instanceof CounterDataPointSnapshot.Builder) {
      return ((CounterDataPointSnapshot.Builder) b).build();
    } else if (b instanceof GaugeDataPointSnapshot.Builder) {
      return ((GaugeDataPointSnapshot.Builder) b).build();
    }
    return ((UnknownDataPointSnapshot.Builder) b).build();
  }

  private void addPart(Grouped p, Role role, String[] names, String[] values, int labels, double value, long timestamp)
      throws InputLimitException {
    String skip = role == Role.BUCKET ? "le" : role == Role.QUANTILE ? "quantile" : null;
    Labels key = extra.labels(names, values, labels, skip, account);
    SeriesParts parts = p.groups.get(key);
    if (parts == null) {
      countSeries();
      account.charge(GROUP_BYTES);
      parts = new SeriesParts();
      p.groups.put(key, parts);
    } else if (key.size() > 0) {
      // The key's labels are already held by the group: this copy is dropped, and given back.
      account.refund(ExtraLabels.bytes(key.size()));
    }
    if (timestamp != Long.MIN_VALUE) {
      parts.timestamp = timestamp;
    }
    String name = p.header.name;
    switch (role) {
      case BUCKET:
        account.charge(16);
        parts.bucket(number(ExtraLabels.valueOf(names, values, labels, "le"), "le", name + "_bucket"), value, name);
        break;
      case QUANTILE: {
        double q = number(ExtraLabels.valueOf(names, values, labels, "quantile"), "quantile", name);
        if (!(q >= 0 && q <= 1)) {
          throw new IllegalArgumentException("quantile=\"" + q + "\" of " + name + " is not in [0, 1]");
        }
        account.charge(40);
        parts.quantile(q, value);
        break;
      }
      case COUNT:
        parts.count = value;
        break;
      default:
        parts.sum = value;
    }
  }

  private static double number(String text, String label, String sample) {
    try {
      double v = NumberText.parseValue(text);
      if (Double.isNaN(v)) {
        throw new NumberFormatException(text);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(label + "=" + Tokens.quote(text) + " of " + sample + " is not a number");
    }
  }

  /** The families, in order of first appearance; those left out in {@code leftOut}. */
  List<MetricSnapshot> finish(List<FamilyHeader> order, List<Exposition.LeftOutFamily> leftOut) {
    Map<String, Pending> byName = new HashMap<>();
    for (Pending p : pending.values()) {
      byName.put(p.header.name, p);
    }
    List<MetricSnapshot> out = new ArrayList<>(order.size());
    for (FamilyHeader header : order) {
      Pending p = pending.get(header);
      if (p == null || createdOf(p, byName) != null) {
        continue; // no samples; or the created timestamps of another family
      }
      Map<Labels, Double> created = created(p, byName, leftOut);
      if (p.failure == null) {
        try {
          out.add(snapshot(p, created));
        } catch (DuplicateLabelsException e) {
          fail(p, "its series " + ExpositionNames.describe(e.getLabels()) + " appears twice");
        } catch (IllegalArgumentException e) {
          fail(p, e.getMessage());
        }
      }
      if (p.failure != null) {
        leftOut.add(new Exposition.LeftOutFamily(header.name, header.type, p.failure));
      }
      pending.remove(header); // let its points go as soon as they are in a snapshot
    }
    return out;
  }

  /**
   * The family {@code p} holds created timestamps for ({@code X_created}, a gauge or untyped,
   * beside counter {@code X_total} or histogram or summary {@code X}), or null.
   */
  private static Pending createdOf(Pending p, Map<String, Pending> byName) {
    String name = p.header.name;
    FamilyType declared = p.header.type;
    if (!name.endsWith("_created") || declared != FamilyType.GAUGE && declared != FamilyType.UNTYPED) {
      return null;
    }
    String base = name.substring(0, name.length() - "_created".length());
    Pending counter = byName.get(base + "_total");
    if (counter instanceof Plain && ((Plain) counter).type == FamilyType.COUNTER) {
      return counter;
    }
    Pending other = byName.get(base);
    return other instanceof Grouped ? other : null;
  }

  /** The created timestamps (seconds) for {@code p}'s series, from its X_created family. */
  private static Map<Labels, Double> created(Pending p, Map<String, Pending> byName, List<Exposition.LeftOutFamily> leftOut) {
    String name = p.header.name;
    String base = p instanceof Plain && ((Plain) p).type == FamilyType.COUNTER
        ? name.substring(0, name.length() - "_total".length())
        : name;
    Pending created = byName.get(base + "_created");
    if (created == null || createdOf(created, byName) != p) {
      return Map.of();
    }
    if (created.failure != null) {
      leftOut.add(new Exposition.LeftOutFamily(created.header.name, created.header.type, created.failure));
      return Map.of();
    }
    Map<Labels, Double> out = new HashMap<>();
    for (DataPointSnapshot point : ((Plain) created).points) {
      out.put(point.getLabels(), point instanceof GaugeDataPointSnapshot
          ? ((GaugeDataPointSnapshot) point).getValue()
          : ((UnknownDataPointSnapshot) point).getValue());
    }
    return out;
  }

  private static MetricSnapshot snapshot(Pending p, Map<Labels, Double> created) {
    String name = p.header.name;
    String help = p.header.help;
    if (p instanceof Grouped) {
      Map<Labels, SeriesParts> groups = ((Grouped) p).groups;
      if (p.header.type == FamilyType.HISTOGRAM) {
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help);
        for (Map.Entry<Labels, SeriesParts> e : groups.entrySet()) {
          b.dataPoint(e.getValue().histogramPoint(name, e.getKey(), created.get(e.getKey())));
        }
        return b.build();
      }
      SummarySnapshot.Builder b = SummarySnapshot.builder().name(name).help(help);
      for (Map.Entry<Labels, SeriesParts> e : groups.entrySet()) {
        b.dataPoint(e.getValue().summaryPoint(name, e.getKey(), created.get(e.getKey())));
      }
      return b.build();
    }
    Plain plain = (Plain) p;
    switch (plain.type) {
      case COUNTER: {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        for (DataPointSnapshot point : plain.points) {
          b.dataPoint(withCreated((CounterDataPointSnapshot) point, created.get(point.getLabels())));
        }
        return b.build();
      }
      case GAUGE: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        plain.points.forEach(point -> b.dataPoint((GaugeDataPointSnapshot) point));
        return b.build();
      }
      default: {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(name).help(help);
        plain.points.forEach(point -> b.dataPoint((UnknownDataPointSnapshot) point));
        return b.build();
      }
    }
  }

  private static CounterDataPointSnapshot withCreated(CounterDataPointSnapshot point, Double createdSeconds) {
    if (createdSeconds == null) {
      return point;
    }
    CounterDataPointSnapshot.Builder b = CounterDataPointSnapshot.builder()
        .labels(point.getLabels()).value(point.getValue()).createdTimestampMillis(Math.round(createdSeconds * 1000));
    if (point.hasScrapeTimestamp()) {
      b.scrapeTimestampMillis(point.getScrapeTimestampMillis());
    }
    return b.build();
  }


}
