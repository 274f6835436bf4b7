package io.taoprom.metrics.push;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.taoprom.exporter.exposition.FamilyMerger;
import io.taoprom.exporter.scrape.KnownFamily;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push groups put together into the families the push collector serves, with the exporter's
 * one family merge ({@link FamilyMerger}): families of one name from several groups are served as
 * one when their types agree and they share no series (a job pushed from two instances), and a
 * push whose families would be left out, by a clash with another group, with a collector's family
 * or with the push collector's own timestamps, is refused with the merge's reason. The families of
 * the groups already held are added first, so a refused push never costs them anything.
 */
final class GroupMerge {

  static final String OWNER = "the push collector";
  private static final Pattern LEFT_OUT = Pattern.compile(" left out: ", Pattern.LITERAL);

  private GroupMerge() {}

  /**
   * The merge of {@code held} and then {@code candidate}, checked against {@code known}.
   *
   * @param families what the groups serve together, or null when the candidate is refused or a
   *     held group lost a family to a known one (then serve {@link #served} instead, which leaves
   *     such a contest to the exporter)
   * @param refusal why the candidate cannot be served as pushed, or null
   */
  record Result(List<MetricSnapshot> families, String refusal) {}

  /** Checks {@code candidate} against the held groups, the known families and the push timestamps. */
  static Result check(Collection<PushedGroup> held, PushedGroup candidate, List<KnownFamily> known) {
    FamilyMerger merger = FamilyMerger.builder().expectedFamilies(expected(held) + candidate.families().size()).build();
    for (KnownFamily family : known) {
      merger.reserve(family.shape(), family.owner());
    }
    reserveOwn(merger);
    int heldSkipped = addAll(merger, held);
    int c = merger.source(describe(candidate));
    for (PushedGroup.Pushed pushed : candidate.families()) {
      if (!merger.add(c, pushed.family())) {
        return new Result(null, refusal(merger.firstSkipped(c)));
      }
    }
    // Without a history the family added later is the one left out: the candidate's, never a held one.
    return new Result(heldSkipped == 0 ? merger.families() : null, null);
  }

  /** What the groups serve together, without judging them against any other source. */
  static List<MetricSnapshot> served(Collection<PushedGroup> groups) {
    FamilyMerger merger = FamilyMerger.builder().expectedFamilies(expected(groups)).build();
    reserveOwn(merger);
    addAll(merger, groups);
    return merger.families();
  }

  private static void reserveOwn(FamilyMerger merger) {
    merger.reserve(PushGroups.PUSH_TIME, OWNER);
    merger.reserve(PushGroups.PUSH_FAILURE_TIME, OWNER);
  }

  /** Adds every family of {@code groups}, one source each; returns how many were left out. */
  private static int addAll(FamilyMerger merger, Collection<PushedGroup> groups) {
    int skipped = 0;
    for (PushedGroup group : groups) {
      int source = merger.source(describe(group));
      for (PushedGroup.Pushed pushed : group.families()) {
        merger.add(source, pushed.family());
      }
      skipped += merger.skipped(source);
    }
    return skipped;
  }

  private static int expected(Collection<PushedGroup> groups) {
    int n = 0;
    for (PushedGroup group : groups) {
      n += group.families().size();
    }
    return n;
  }

  private static String describe(PushedGroup group) {
    return "push group " + group.key();
  }

  /** {@code gauge x: collector "loadavg" yields it as ...}: a merge's or parse's reason, in a push's words. */
  static String refusal(String reason) {
    return LEFT_OUT.matcher(reason).replaceFirst(Matcher.quoteReplacement(": "));
  }
}
