package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Merges the families of several inputs (files, scrape targets) into client_java snapshots that
 * form a valid exposition, whatever the inputs hold.
 *
 * <ul>
 *   <li>A family that appears in several inputs is merged when its type agrees (and, if
 *       {@code strictHelp}, its help text); its series must differ, which an extra label such as
 *       {@code source} guarantees.
 *   <li>A family whose type disagrees with an earlier one of the same name, whose series repeat
 *       one already taken, or whose sample names collide with another family's (a gauge
 *       {@code x} beside a counter {@code x_total}, a gauge {@code y_count} beside a histogram
 *       {@code y}) is left out and reported in {@link #problems()}; so is one client_java
 *       refuses (a negative counter, falling bucket counts).
 *   <li>A {@code X_created} gauge that accompanies counter, histogram or summary {@code X} in the
 *       same input (as Python's prometheus_client writes them) becomes that family's created
 *       timestamp, instead of colliding with it.
 *   <li>A counter whose name lacks {@code _total} is served as untyped, under its own name:
 *       client_java would otherwise append {@code _total} and rename the series.
 * </ul>
 *
 * <pre>{@code
 * FamilyMerger merger = new FamilyMerger(false);
 * merger.reserve("taoprom_scrape_target_up");
 * merger.add("neuron", TextFormatParser.parse(body), Labels.of("source", "neuron"));
 * List<MetricSnapshot> snapshots = merger.build((name, origins) -> null);
 * merger.problems().forEach(p -> log.warning(p.toString()));
 * }</pre>
 *
 * <p>Not thread-safe: one merger per scrape.
 */
public final class FamilyMerger {

  /**
   * A family left out.
   *
   * @param origin the input it came from (file path, target name)
   * @param family the family's name
   * @param reason why, in a few words
   */
  public record Problem(String origin, String family, String reason) {
    @Override
    public String toString() {
      return origin + ": " + family + " left out: " + reason;
    }
  }

  /** A family accepted so far. */
  private static final class Entry {
    final String name;
    final FamilyType type;
    final String help;
    final List<String> origins = new ArrayList<>(2);
    final List<DataPointSnapshot> points = new ArrayList<>();
    final Set<Labels> series = new HashSet<>();

    Entry(String name, FamilyType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }
  }

  private final boolean strictHelp;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  /** Every sample and family name taken, with the family that took it. */
  private final Map<String, String> claims = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  /**
   * A merger; with {@code strictHelp} a family whose help text differs from an earlier input's is
   * left out (node_exporter's textfile rule), otherwise the first help text is kept.
   */
  public FamilyMerger(boolean strictHelp) {
    this.strictHelp = strictHelp;
  }

  /** Takes names that the caller serves itself, so that no input's family may use them. */
  public void reserve(String... names) {
    for (String name : names) {
      claims.putIfAbsent(name, name);
    }
  }

  /**
   * Adds one input's families.
   *
   * @param origin names the input in problems
   * @param families what the parser returned for it
   * @param extra labels for every sample of this input ({@link Labels#EMPTY} for none)
   * @return how many of its families were left out
   */
  public int add(String origin, List<ParsedFamily> families, Labels extra) {
    Objects.requireNonNull(extra, "extra");
    int before = problems.size();
    Map<String, ParsedFamily> byName = new HashMap<>();
    for (ParsedFamily family : families) {
      byName.put(family.name(), family);
    }
    for (ParsedFamily family : families) {
      if (family.samples().isEmpty() || createdOf(family, byName) != null) {
        continue;
      }
      accept(origin, family, extra, created(family, byName, origin));
    }
    return problems.size() - before;
  }

  private void accept(String origin, ParsedFamily family, Labels extra, Map<Labels, Double> created) {
    FamilyType type = family.type();
    if (type == FamilyType.COUNTER && !family.name().endsWith("_total")) {
      type = FamilyType.UNTYPED;
    }
    List<DataPointSnapshot> points;
    try {
      points = FamilyConverter.points(family, type, extra, created);
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(origin, family.name(), e.getMessage()));
      return;
    }
    Entry entry = entries.get(family.name());
    if (entry != null) {
      if (entry.type != type) {
        problems.add(new Problem(origin, family.name(),
            "its type is " + family.type().word() + " here but " + entry.type.word() + " in " + entry.origins.get(0)));
        return;
      }
      if (strictHelp && family.help() != null && entry.help != null && !family.help().equals(entry.help)) {
        problems.add(new Problem(origin, family.name(),
            "its help text differs from the one in " + entry.origins.get(0)));
        return;
      }
    } else {
      for (String name : occupied(family.name(), type)) {
        String owner = claims.get(name);
        if (owner != null) {
          problems.add(new Problem(origin, family.name(),
              owner.equals(name) && !entries.containsKey(owner)
                  ? "the name " + name + " is served by TaoProm itself"
                  : "the name " + name + " is already used by family " + owner));
          return;
        }
      }
    }
    Set<Labels> fresh = new HashSet<>();
    for (DataPointSnapshot point : points) {
      if (!fresh.add(point.getLabels()) || entry != null && entry.series.contains(point.getLabels())) {
        problems.add(new Problem(origin, family.name(), "series " + point.getLabels() + " appears twice"));
        return;
      }
    }
    if (entry == null) {
      entry = new Entry(family.name(), type, family.help());
      entries.put(family.name(), entry);
      for (String name : occupied(family.name(), type)) {
        claims.put(name, family.name());
      }
    }
    entry.origins.add(origin);
    entry.points.addAll(points);
    entry.series.addAll(fresh);
  }

  /**
   * The merged families, in order of first appearance.
   *
   * @param defaultHelp the help text for a family that had none, from its name and origins; may
   *     return null for none
   */
  public List<MetricSnapshot> build(BiFunction<String, List<String>, String> defaultHelp) {
    List<MetricSnapshot> out = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      String help = e.help != null ? e.help : defaultHelp.apply(e.name, List.copyOf(e.origins));
      out.add(snapshot(e, help));
    }
    return out;
  }

  /** The families left out so far, one line each. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  private static MetricSnapshot snapshot(Entry e, String help) {
    switch (e.type) {
      case COUNTER: {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(e.name).help(help);
        e.points.forEach(p -> b.dataPoint((CounterDataPointSnapshot) p));
        return b.build();
      }
      case GAUGE: {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(e.name).help(help);
        e.points.forEach(p -> b.dataPoint((GaugeDataPointSnapshot) p));
        return b.build();
      }
      case HISTOGRAM: {
        HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(e.name).help(help);
        e.points.forEach(p -> b.dataPoint((HistogramDataPointSnapshot) p));
        return b.build();
      }
      case SUMMARY: {
        SummarySnapshot.Builder b = SummarySnapshot.builder().name(e.name).help(help);
        e.points.forEach(p -> b.dataPoint((SummaryDataPointSnapshot) p));
        return b.build();
      }
      default: {
        UnknownSnapshot.Builder b = UnknownSnapshot.builder().name(e.name).help(help);
        e.points.forEach(p -> b.dataPoint((UnknownDataPointSnapshot) p));
        return b.build();
      }
    }
  }

  /** The names a family takes in the text and OpenMetrics formats. */
  static List<String> occupied(String name, FamilyType type) {
    switch (type) {
      case COUNTER: {
        String base = name.substring(0, name.length() - "_total".length());
        return List.of(base, name, base + "_created");
      }
      case HISTOGRAM:
        return List.of(name, name + "_bucket", name + "_count", name + "_sum", name + "_created");
      case SUMMARY:
        return List.of(name, name + "_count", name + "_sum", name + "_created");
      default:
        return List.of(name);
    }
  }

  /**
   * The family that {@code family} holds created timestamps for ({@code X_created}, a gauge or
   * untyped, beside counter {@code X_total} or histogram or summary {@code X}), or null.
   */
  private static ParsedFamily createdOf(ParsedFamily family, Map<String, ParsedFamily> byName) {
    String name = family.name();
    if (!name.endsWith("_created") || family.type() != FamilyType.GAUGE && family.type() != FamilyType.UNTYPED) {
      return null;
    }
    String base = name.substring(0, name.length() - "_created".length());
    ParsedFamily counter = byName.get(base + "_total");
    if (counter != null && counter.type() == FamilyType.COUNTER) {
      return counter;
    }
    ParsedFamily other = byName.get(base);
    return other != null && (other.type() == FamilyType.HISTOGRAM || other.type() == FamilyType.SUMMARY)
        ? other
        : null;
  }

  /** The created timestamps (seconds) for {@code family}'s series, from its X_created family. */
  private Map<Labels, Double> created(ParsedFamily family, Map<String, ParsedFamily> byName, String origin) {
    String base = family.type() == FamilyType.COUNTER && family.name().endsWith("_total")
        ? family.name().substring(0, family.name().length() - "_total".length())
        : family.name();
    ParsedFamily created = byName.get(base + "_created");
    if (created == null || createdOf(created, byName) != family) {
      return Map.of();
    }
    Map<Labels, Double> out = new HashMap<>();
    try {
      for (ParsedSample sample : created.samples()) {
        out.put(FamilyConverter.labels(sample, null), sample.value());
      }
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(origin, created.name(), e.getMessage()));
      return Map.of();
    }
    return out;
  }
}
