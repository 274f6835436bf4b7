package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Puts the families of several sources (collectors, files, scrape targets) together into one
 * exposition, family by family. For each family added:
 *
 * <ul>
 *   <li>When none of the sample names it writes is taken ({@link ExpositionNames}), it is served
 *       as it is: a few lookups by name, the whole cost when nothing clashes.
 *   <li>When another source already serves a family of the same name and type (a histogram and
 *       a gauge histogram are two types), in the same unit or with no unit on one side (and, if
 *       {@link Builder#sameHelp}, with the same help text or none on one side), and the two have
 *       no label set in common, they become one family with the series of both, under the first
 *       one's help and unit.
 *   <li>Anything else is a conflict (another type, unit or help, a series both yield, sample
 *       names that collide such as a gauge {@code x_total} beside a counter {@code x}): one of
 *       the two is left out, never the source. The one added later loses, unless the
 *       {@link History} says it served the family in the previous scrape and none of the
 *       holders did: then the holders lose, so a served family does not change hands because
 *       another source starts yielding its name.
 *   <li>{@link #reserve Reserved} names (the caller's own series) are never merged with.
 * </ul>
 *
 * <p>Every left-out family is {@linkplain #leftOut() reported} in one line that names it, why
 * and who holds it, with outside names and label values escaped and cut short.
 *
 * <pre>{@code
 * FamilyMerger merger = FamilyMerger.builder().sameHelp(true).build();
 * merger.reserve("node_textfile_scrape_error", "the textfile collector");
 * int a = merger.source("/var/lib/taoprom/a.prom");
 * families.forEach(f -> merger.add(a, f));
 * MetricSnapshots served = new MetricSnapshots(merger.families());
 * }</pre>
 *
 * <p>Not thread-safe: one merger per scrape.
 */
public final class FamilyMerger {

  /** Whether a source served a family (by name) in the previous scrape. */
  @FunctionalInterface
  public interface History {
    /** No history: the family added first keeps its names. */
    History NONE = (source, family) -> false;

    boolean servedBefore(int source, String family);
  }

  /**
   * A family left out.
   *
   * @param source the source it came from, as {@link #source(String)} was given it, escaped and cut short
   * @param family its name, cut short
   * @param reason one line: {@code gauge jobs left out: /x/a.prom yields it as a counter}
   */
  public record LeftOut(String source, String family, String reason) {
    @Override
    public String toString() {
      return source + ": " + reason;
    }
  }

  /** A family merged from many files names the first few in a reason, then counts the rest. */
  private static final int MAX_HOLDERS_SHOWN = 3;

  private final boolean sameHelp;
  private final History history;
  private final BiFunction<String, List<String>, String> defaultHelp;
  private final Map<String, Claim> claims;
  private final List<Claim> order;
  private final List<String> sources = new ArrayList<>();
  private final List<LeftOut> leftOut = new ArrayList<>();
  private int[] skipped = new int[4];
  private String[] firstSkipped = new String[4];
  private boolean built;
  private String[][] served;

  private FamilyMerger(Builder b) {
    this.sameHelp = b.sameHelp;
    this.history = b.history;
    this.defaultHelp = b.defaultHelp;
    this.claims = new HashMap<>(Math.max(16, b.expectedFamilies * 2));
    this.order = new ArrayList<>(b.expectedFamilies);
  }

  /** A merger where the family added first keeps a contested name and any help text may merge. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Registers a source; its description names it in the reasons of {@link #leftOut()}
   * ({@code collector "host"}, {@code /var/lib/taoprom/a.prom}, {@code neuron}), escaped and cut
   * short there, and is passed as it is to the {@link Builder#defaultHelp default help}.
   *
   * @return the source's number, for {@link #add} and {@link #served}
   */
  public int source(String description) {
    sources.add(Objects.requireNonNull(description, "description"));
    int n = sources.size();
    if (n > skipped.length) {
      skipped = Arrays.copyOf(skipped, n * 2);
      firstSkipped = Arrays.copyOf(firstSkipped, n * 2);
    }
    return n - 1;
  }

  /**
   * Keeps {@code name} for the caller's own series: a family that writes it is left out with
   * {@code NAME is one of OWNER's own series}.
   */
  public void reserve(String name, String owner) {
    reserve(GaugeSnapshot.builder().name(name).build(), owner);
  }

  /**
   * Keeps the name of {@code family} and every sample name its type writes ({@code x_total} and
   * {@code x_created} of a counter {@code x}) for {@code owner}: a family that writes one of them
   * is left out, as for {@link #reserve(String, String)}. Its series are not looked at, nor kept.
   */
  public void reserve(MetricSnapshot family, String owner) {
    Objects.requireNonNull(owner, "owner");
    String name = family.getMetadata().getName();
    if (!claims.containsKey(name)) {
      claims.put(name, new Claim(name, Claim.RESERVED, owner, ExpositionNames.shape(family)));
    }
  }

  /**
   * Adds one family of {@code source}.
   *
   * @return whether it is served for now (a family added later may still take it out again)
   */
  public boolean add(int source, MetricSnapshot family) {
    if (built) {
      throw new IllegalStateException("families() was called: this merger is done");
    }
    Objects.checkIndex(source, sources.size());
    String name = family.getMetadata().getName();
    List<ExpositionNames.Collision> collisions = ExpositionNames.collisions(family, this::held);
    if (collisions.isEmpty()) {
      claim(source, name, family);
      return true;
    }
    List<Claim> against = new ArrayList<>(collisions.size());
    for (ExpositionNames.Collision c : collisions) {
      against.add(claims.get(c.holder().getMetadata().getName()));
    }
    for (Claim claim : against) {
      if (claim.first == Claim.RESERVED) {
        skip(source, name, ExpositionNames.type(family) + " " + Describe.name(name) + " left out: "
            + Describe.name(claim.name) + " is one of " + claim.owner + "'s own series");
        return false;
      }
    }
    Claim holder = against.get(0);
    String shared = collisions.get(0).name();
    Labels duplicate = null;
    if (against.size() == 1 && holder.name.equals(name) && Conflicts.mismatch(holder.snapshot, family, sameHelp) == null) {
      duplicate = holder.sharedSeries(family);
      if (duplicate == null) {
        holder.merge(source, family);
        return true;
      }
    }
    boolean mineBefore = history.servedBefore(source, name);
    boolean theirsBefore = false;
    for (Claim claim : against) {
      theirsBefore |= claim.servedBefore(history);
    }
    if (mineBefore && !theirsBefore) {
      for (int i = 0; i < against.size(); i++) {
        Claim claim = against.get(i);
        evict(claim, Conflicts.reason(claim.snapshot, family, who(source), duplicate, collisions.get(i).name(), sameHelp)
            + ", which had it in the previous scrape");
      }
      claim(source, name, family);
      return true;
    }
    skip(source, name, Conflicts.reason(family, holder.snapshot, holders(holder), duplicate, shared, sameHelp));
    return false;
  }

  /** The family taken under {@code name}, for {@link ExpositionNames#collisions}. */
  private MetricSnapshot held(String name) {
    Claim claim = claims.get(name);
    return claim == null ? null : claim.snapshot;
  }

  private void claim(int source, String name, MetricSnapshot family) {
    Claim claim = new Claim(name, source, null, family);
    claims.put(name, claim);
    order.add(claim);
  }

  /** Takes a family out of the exposition again, for every source that had a part in it. */
  private void evict(Claim claim, String why) {
    claim.evicted = true;
    claims.remove(claim.name);
    skip(claim.first, claim.name, why);
    if (claim.others != null) {
      for (int other : claim.others) {
        skip(other, claim.name, why);
      }
    }
  }

  private void skip(int source, String family, String why) {
    if (skipped[source]++ == 0) {
      firstSkipped[source] = why;
    }
    leftOut.add(new LeftOut(who(source), Describe.name(family), why));
  }

  private String holders(Claim claim) {
    StringBuilder out = new StringBuilder(who(claim.first));
    if (claim.others != null) {
      int shown = Math.min(claim.others.length, MAX_HOLDERS_SHOWN - 1);
      for (int i = 0; i < shown; i++) {
        out.append(" and ").append(who(claim.others[i]));
      }
      if (shown < claim.others.length) {
        out.append(" and ").append(claim.others.length - shown).append(" more");
      }
    }
    return out.toString();
  }

  /** A source's description as messages show it. */
  private String who(int source) {
    return Describe.source(sources.get(source));
  }

  /**
   * The merged families, in the order their names were first taken. Ends the merge: nothing can
   * be added after.
   */
  public List<MetricSnapshot> families() {
    built = true;
    List<MetricSnapshot> out = new ArrayList<>(order.size() + 4);
    for (Claim claim : order) {
      if (!claim.evicted) {
        out.add(build(claim));
      }
    }
    return out;
  }

  private MetricSnapshot build(Claim claim) {
    String help = claim.snapshot.getMetadata().getHelp();
    boolean fillHelp = help == null && defaultHelp != null;
    if (claim.more == null && !fillHelp) {
      return claim.snapshot;
    }
    List<String> from = new ArrayList<>(1 + (claim.others == null ? 0 : claim.others.length));
    from.add(sources.get(claim.first));
    if (claim.others != null) {
      for (int other : claim.others) {
        from.add(sources.get(other));
      }
    }
    List<MetricSnapshot> parts = new ArrayList<>(from.size());
    parts.add(claim.snapshot);
    if (claim.more != null) {
      parts.addAll(claim.more);
    }
    return Snapshots.join(parts, fillHelp ? defaultHelp.apply(claim.name, List.copyOf(from)) : help);
  }

  /**
   * The names of {@code source}'s families in the merged exposition, sorted, for the
   * {@link History} of the next scrape; after {@link #families()}.
   */
  public String[] served(int source) {
    Objects.checkIndex(source, sources.size());
    if (served == null) {
      served = servedBySource();
    }
    return served[source];
  }

  private String[][] servedBySource() {
    int[] counts = new int[sources.size()];
    for (Claim claim : order) {
      if (!claim.evicted) {
        counts[claim.first]++;
        if (claim.others != null) {
          for (int other : claim.others) {
            counts[other]++;
          }
        }
      }
    }
    String[][] names = new String[counts.length][];
    for (int s = 0; s < counts.length; s++) {
      names[s] = new String[counts[s]];
      counts[s] = 0;
    }
    for (Claim claim : order) {
      if (!claim.evicted) {
        names[claim.first][counts[claim.first]++] = claim.name;
        if (claim.others != null) {
          for (int other : claim.others) {
            names[other][counts[other]++] = claim.name;
          }
        }
      }
    }
    for (String[] list : names) {
      Arrays.sort(list);
    }
    return names;
  }

  /** How many of {@code source}'s families were left out. */
  public int skipped(int source) {
    Objects.checkIndex(source, sources.size());
    return skipped[source];
  }

  /** Why the first of {@code source}'s left-out families was left out, or null when none was. */
  public String firstSkipped(int source) {
    Objects.checkIndex(source, sources.size());
    return firstSkipped[source];
  }

  /** Every family left out so far, in the order it happened. */
  public List<LeftOut> leftOut() {
    return List.copyOf(leftOut);
  }

  /** Options of a {@link FamilyMerger}. */
  public static final class Builder {
    private boolean sameHelp;
    private History history = History.NONE;
    private BiFunction<String, List<String>, String> defaultHelp;
    private int expectedFamilies = 16;

    private Builder() {}

    /**
     * Families whose help texts differ (both given) are not merged: node_exporter's textfile
     * rule. Off unless set: the first help text is served.
     */
    public Builder sameHelp(boolean sameHelp) {
      this.sameHelp = sameHelp;
      return this;
    }

    /** Who served what in the previous scrape, to keep a contested family with its holder. */
    public Builder history(History history) {
      this.history = Objects.requireNonNull(history, "history");
      return this;
    }

    /** The help text for a family that has none, from its name and its sources' descriptions. */
    public Builder defaultHelp(BiFunction<String, List<String>, String> defaultHelp) {
      this.defaultHelp = Objects.requireNonNull(defaultHelp, "defaultHelp");
      return this;
    }

    /** How many families to expect, to size the tables once. */
    public Builder expectedFamilies(int expectedFamilies) {
      this.expectedFamilies = Math.max(0, expectedFamilies);
      return this;
    }

    public FamilyMerger build() {
      return new FamilyMerger(this);
    }
  }
}
