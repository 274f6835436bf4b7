package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot.StateSetDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The families of one scrape, put together from the collectors that succeeded, by the names
 * each occupies in the exposition ({@link ExpositionNames}).
 *
 * <p>Collectors are added in registration order, the application registry first. For each of
 * their families:
 *
 * <ul>
 *   <li>When none of its names is taken, it is served as it is. This is the whole cost when
 *       nothing clashes: one lookup and one insertion per name, as a plain duplicate check.
 *   <li>When another collector already serves a family of the same name and type (a histogram
 *       and a gauge histogram are two types), in the same unit or with no unit on one side, and
 *       the two have no label set in common, the two are merged into one family with every
 *       series of both, under the first one's help and unit. So the {@code scrape} collector can
 *       serve a neuron's {@code process_cpu_seconds_total{source="neuron"}} beside ours: the
 *       {@code source} label keeps the series apart, as it is meant to.
 *   <li>Anything else is a conflict: another type or unit, a series both yield, or names that
 *       collide in the exposition (a gauge {@code x_total} beside a counter {@code x}, a gauge
 *       {@code y_count} beside a histogram {@code y}). Then that family is left out, not the
 *       collector: the family that was not in the previous scrape loses, so a served family
 *       does not vanish because another collector starts yielding its name; when both or
 *       neither were served, the one added later loses. A left-out family is counted in
 *       {@code taoprom_scrape_collector_skipped_families} and named in the collector's
 *       last error.
 *   <li>The exporter's own series ({@link #reserve reserved}) are never merged with: a family
 *       that takes one of their names is left out the same way.
 * </ul>
 *
 * <p>One table per scrape; not thread-safe.
 */
final class FamilyTable {

  private static final int[] NONE = new int[0];
  private static final int EXPORTER = -1;

  private final List<CollectorUnit> units;
  private final Outcome[] outcomes;
  private final Map<String, Claim> claims;
  private final List<MetricSnapshot> families;
  // Per collector (index into units): hashes of the family names it has in this scrape.
  private final int[][] served;
  private final int[] servedCount;
  private final int[] skipped;
  private final String[] firstSkipped;
  private int evicted;

  /** One family of the exposition, from one collector or merged from several. */
  private static final class Claim {
    final String[] names; // names[0] is the family name
    final int slot;
    final int first; // the collector whose help and unit are served; EXPORTER for the exporter's own
    int[] others; // collectors merged in, in order; null for none
    MetricSnapshot snapshot;

    Claim(String[] names, int slot, int first, MetricSnapshot snapshot) {
      this.names = names;
      this.slot = slot;
      this.first = first;
      this.snapshot = snapshot;
    }
  }

  /**
   * A table for the collectors of one scrape and what each gave.
   *
   * @param expectedFamilies how many families the successful outcomes hold in all
   */
  FamilyTable(List<CollectorUnit> units, Outcome[] outcomes, int expectedFamilies) {
    this.units = units;
    this.outcomes = outcomes;
    // Most families occupy one name; counters three, histograms five.
    this.claims = new HashMap<>(Math.max(16, expectedFamilies * 2));
    this.families = new ArrayList<>(expectedFamilies + 4);
    this.served = new int[outcomes.length][];
    this.servedCount = new int[outcomes.length];
    this.skipped = new int[outcomes.length];
    this.firstSkipped = new String[outcomes.length];
  }

  /** Keeps {@code name} for the exporter's own series: a collector's family that takes it is left out. */
  void reserve(String name) {
    String[] names = {name};
    claims.put(name, new Claim(names, -1, EXPORTER, null));
  }

  /** Adds the families of collector {@code c}, whose outcome succeeded. */
  void add(int c) {
    Outcome outcome = outcomes[c];
    MetricSnapshots snapshots = outcome.snapshots();
    String[][] occupied = outcome.occupied();
    served[c] = new int[occupied.length];
    for (int f = 0; f < occupied.length; f++) {
      String[] names = occupied[f];
      if (isFree(names)) {
        claim(c, names, snapshots.get(f));
      } else {
        contest(c, names, snapshots.get(f));
      }
    }
  }

  /** The families of the scrape, in no particular order; the caller may add to the list. */
  List<MetricSnapshot> families() {
    if (evicted > 0) {
      families.removeIf(Objects::isNull);
      evicted = 0;
    }
    return families;
  }

  /** Collector {@code c}'s outcome, made {@link Outcome.Kind#PARTIAL} if families of it were left out. */
  Outcome outcome(int c) {
    Outcome outcome = outcomes[c];
    int n = skipped[c];
    if (n == 0 || !outcome.succeeded()) {
      return outcome;
    }
    String more = n == 1 ? "" : " (and " + (n - 1) + (n == 2 ? " more family)" : " more families)");
    return outcome.partial(n, firstSkipped[c] + more);
  }

  /** Hashes of the names of the families collector {@code c} has in this scrape. */
  int[] served(int c) {
    int[] hashes = served[c];
    if (hashes == null) {
      return NONE;
    }
    return servedCount[c] == hashes.length ? hashes : Arrays.copyOf(hashes, servedCount[c]);
  }

  private boolean isFree(String[] names) {
    for (String name : names) {
      if (claims.containsKey(name)) {
        return false;
      }
    }
    return true;
  }

  private void claim(int c, String[] names, MetricSnapshot snapshot) {
    Claim claim = new Claim(names, families.size(), c, snapshot);
    families.add(snapshot);
    for (String name : names) {
      claims.put(name, claim);
    }
    served[c][servedCount[c]++] = names[0].hashCode();
  }

  /** A family some of whose names are taken: merged, left out, or served instead of the holders'. */
  private void contest(int c, String[] names, MetricSnapshot snapshot) {
    List<Claim> against = new ArrayList<>(2);
    for (String name : names) {
      Claim claim = claims.get(name);
      if (claim != null && !against.contains(claim)) {
        against.add(claim);
      }
    }
    for (Claim claim : against) {
      if (claim.first == EXPORTER) {
        skip(c, ExpositionNames.type(snapshot) + " " + names[0] + " left out: " + claim.names[0] + " is one of the exporter's own series");
        return;
      }
    }
    Labels duplicate = null;
    Claim holder = against.get(0);
    if (against.size() == 1 && sameFamily(holder, names[0], snapshot)) {
      duplicate = duplicate(holder.snapshot, snapshot);
      if (duplicate == null) {
        merge(holder, c, snapshot);
        return;
      }
    }
    boolean mineBefore = units.get(c).served(names[0].hashCode());
    boolean theirsBefore = false;
    for (Claim claim : against) {
      theirsBefore |= servedBefore(claim);
    }
    if (mineBefore && !theirsBefore) {
      for (Claim claim : against) {
        String why = conflict(claim.snapshot, claim.names, snapshot, names, who(c), duplicate)
            + ", which had it in the previous scrape";
        evict(claim, why);
      }
      claim(c, names, snapshot);
    } else {
      skip(c, conflict(snapshot, names, holder.snapshot, holder.names, holders(holder), duplicate));
    }
  }

  private static boolean sameFamily(Claim claim, String family, MetricSnapshot snapshot) {
    MetricSnapshot held = claim.snapshot;
    if (!claim.names[0].equals(family) || held.getClass() != snapshot.getClass() || !mergeable(held)) {
      return false;
    }
    if (held instanceof HistogramSnapshot
        && ((HistogramSnapshot) held).isGaugeHistogram() != ((HistogramSnapshot) snapshot).isGaugeHistogram()) {
      return false;
    }
    Unit a = held.getMetadata().getUnit();
    Unit b = snapshot.getMetadata().getUnit();
    return a == null || b == null || a.equals(b);
  }

  /** A label set both families have, or null. */
  private static Labels duplicate(MetricSnapshot a, MetricSnapshot b) {
    List<? extends DataPointSnapshot> small = a.getDataPoints();
    List<? extends DataPointSnapshot> large = b.getDataPoints();
    if (small.size() > large.size()) {
      List<? extends DataPointSnapshot> swap = small;
      small = large;
      large = swap;
    }
    if (small.size() == 1) {
      // The usual merge: one unlabelled series of ours beside a target's series.
      Labels only = small.get(0).getLabels();
      for (DataPointSnapshot point : large) {
        if (only.equals(point.getLabels())) {
          return only;
        }
      }
      return null;
    }
    Set<Labels> seen = new HashSet<>(small.size() * 2);
    for (DataPointSnapshot point : small) {
      seen.add(point.getLabels());
    }
    for (DataPointSnapshot point : large) {
      if (seen.contains(point.getLabels())) {
        return point.getLabels();
      }
    }
    return null;
  }

  private void merge(Claim claim, int c, MetricSnapshot snapshot) {
    claim.snapshot = merged(claim.snapshot, snapshot);
    families.set(claim.slot, claim.snapshot);
    int[] others = claim.others == null ? new int[1] : Arrays.copyOf(claim.others, claim.others.length + 1);
    others[others.length - 1] = c;
    claim.others = others;
    served[c][servedCount[c]++] = claim.names[0].hashCode();
  }

  private boolean servedBefore(Claim claim) {
    int hash = claim.names[0].hashCode();
    if (units.get(claim.first).served(hash)) {
      return true;
    }
    if (claim.others != null) {
      for (int other : claim.others) {
        if (units.get(other).served(hash)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Takes a family out of the exposition again, for every collector that had a part in it. */
  private void evict(Claim claim, String why) {
    families.set(claim.slot, null);
    evicted++;
    for (String name : claim.names) {
      claims.remove(name);
    }
    int hash = claim.names[0].hashCode();
    unserve(claim.first, hash, why);
    if (claim.others != null) {
      for (int other : claim.others) {
        unserve(other, hash, why);
      }
    }
  }

  private void unserve(int c, int hash, String why) {
    int[] hashes = served[c];
    for (int i = 0; i < servedCount[c]; i++) {
      if (hashes[i] == hash) {
        hashes[i] = hashes[--servedCount[c]];
        break;
      }
    }
    skip(c, why);
  }

  private void skip(int c, String why) {
    if (skipped[c]++ == 0) {
      firstSkipped[c] = why;
    }
  }

  /** One line: why family {@code mine} cannot be served beside {@code theirs}, which {@code holders} yield. */
  private static String conflict(
      MetricSnapshot mine, String[] myNames, MetricSnapshot theirs, String[] theirNames, String holders, Labels duplicate) {
    String type = ExpositionNames.type(mine);
    String theirType = ExpositionNames.type(theirs);
    String why;
    if (duplicate != null) {
      why = "its series " + duplicate + " is also yielded by " + holders; // escaped: one line
    } else if (!myNames[0].equals(theirNames[0])) {
      why = theirType + " " + theirNames[0] + " of " + holders + " also writes " + shared(myNames, theirNames);
    } else if (!type.equals(theirType)) {
      why = holders + " yields it as " + ("aeiou".indexOf(theirType.charAt(0)) >= 0 ? "an " : "a ") + theirType;
    } else {
      why = holders + " yields it in unit " + theirs.getMetadata().getUnit() + ", not " + mine.getMetadata().getUnit();
    }
    return type + " " + myNames[0] + " left out: " + why;
  }

  private static String shared(String[] mine, String[] theirs) {
    for (String name : mine) {
      for (String other : theirs) {
        if (name.equals(other)) {
          return name;
        }
      }
    }
    return mine[0];
  }

  private String who(int c) {
    CollectorUnit unit = units.get(c);
    return unit.reported() ? "collector \"" + unit.name() + "\"" : "the application registry";
  }

  private String holders(Claim claim) {
    StringBuilder out = new StringBuilder(who(claim.first));
    if (claim.others != null) {
      for (int other : claim.others) {
        out.append(" and ").append(who(other));
      }
    }
    return out.toString();
  }

  /** The snapshot types client_java's writers know; a merge rebuilds one of them. */
  private static boolean mergeable(MetricSnapshot snapshot) {
    return snapshot instanceof GaugeSnapshot || snapshot instanceof CounterSnapshot || snapshot instanceof HistogramSnapshot
        || snapshot instanceof SummarySnapshot || snapshot instanceof InfoSnapshot || snapshot instanceof StateSetSnapshot
        || snapshot instanceof UnknownSnapshot;
  }

  /**
   * One family with the series of both, under the first one's metadata (help, unit). The
   * constructors sort the series by labels, so the result does not depend on the order.
   */
  @SuppressWarnings("unchecked")
  private static MetricSnapshot merged(MetricSnapshot first, MetricSnapshot second) {
    List<DataPointSnapshot> points = new ArrayList<>(first.getDataPoints().size() + second.getDataPoints().size());
    points.addAll(first.getDataPoints());
    points.addAll(second.getDataPoints());
    Collection<?> all = points;
    if (first instanceof GaugeSnapshot) {
      return new GaugeSnapshot(first.getMetadata(), (Collection<GaugeDataPointSnapshot>) all);
    } else if (first instanceof CounterSnapshot) {
      return new CounterSnapshot(first.getMetadata(), (Collection<CounterDataPointSnapshot>) all);
    } else if (first instanceof HistogramSnapshot) {
      return new HistogramSnapshot(((HistogramSnapshot) first).isGaugeHistogram(), first.getMetadata(),
          (Collection<HistogramDataPointSnapshot>) all);
    } else if (first instanceof SummarySnapshot) {
      return new SummarySnapshot(first.getMetadata(), (Collection<SummaryDataPointSnapshot>) all);
    } else if (first instanceof InfoSnapshot) {
      return new InfoSnapshot(first.getMetadata(), (Collection<InfoDataPointSnapshot>) all);
    } else if (first instanceof StateSetSnapshot) {
      return new StateSetSnapshot(first.getMetadata(), (Collection<StateSetDataPointSnapshot>) all);
    }
    return new UnknownSnapshot(first.getMetadata(), (Collection<UnknownDataPointSnapshot>) all);
  }
}
