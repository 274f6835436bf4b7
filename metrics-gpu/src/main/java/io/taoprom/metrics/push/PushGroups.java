package io.taoprom.metrics.push;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.untrusted.Excerpt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The pushed groups, with the Pushgateway's semantics: a PUT replaces a group's families, a POST
 * replaces only the families of the names it pushes, a DELETE removes the group; each group gets
 * {@code push_time_seconds} and {@code push_failure_time_seconds} with its grouping labels. A push
 * is checked whole before anything changes (the limits, then the family merge against the other
 * groups and what the collectors serve): a refused push changes nothing but the group's
 * {@code push_failure_time_seconds}. With an expiry, a group not pushed for that long is dropped.
 *
 * <p>Writes are serialised; what the collector serves is built when the groups change and read
 * without a lock, so a scrape never waits on a push.
 */
final class PushGroups {

  static final String PUSH_TIME = "push_time_seconds";
  static final String PUSH_FAILURE_TIME = "push_failure_time_seconds";
  // The Pushgateway's own help texts: alerts and dashboards written for it read the same here.
  static final String PUSH_TIME_HELP = "Last Unix time when changing this group in the Pushgateway succeeded.";
  static final String PUSH_FAILURE_TIME_HELP = "Last Unix time when changing this group in the Pushgateway failed.";

  /** A parsed PUT ({@code replace}) or POST, ready to be applied; its families are charged to {@code account}. */
  record Write(GroupingKey key, boolean replace, List<MetricSnapshot> families, HeapBudget.Account account) {}

  private record State(SortedMap<GroupingKey, PushedGroup> groups, int series, MetricSnapshots exposition) {}

  private final PushSettings settings;
  private final Clock clock;
  private final HeapBudget.Account account;
  private volatile State state = new State(Collections.emptySortedMap(), 0, MetricSnapshots.of());

  /**
   * @param account what pushes are charged to: each push to a part of it, held while the group
   *     holds its families
   */
  PushGroups(PushSettings settings, Clock clock, HeapBudget.Account account) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.account = Objects.requireNonNull(account, "account");
  }

  PushSettings settings() {
    return settings;
  }

  /** The account a push is charged to a part of. */
  HeapBudget.Account account() {
    return account;
  }

  /**
   * Applies a PUT or POST. On success the write's account stays charged for as long as any of its
   * families is held; on refusal it is refunded and only the failure time is recorded.
   *
   * @param known what the exporter serves besides the pushes: a pushed family may not take its names
   * @throws PushRefusal 413 for a limit, 400 for a family that cannot be served beside the others
   */
  synchronized void apply(Write write, List<KnownFamily> known) throws PushRefusal {
    long nowMillis = clock.millis();
    double now = nowMillis / 1000.0;
    SortedMap<GroupingKey, PushedGroup> groups = unexpired(state.groups(), nowMillis);
    PushedGroup old = groups.get(write.key());
    List<PushedGroup.Pushed> pushed = new ArrayList<>(write.families().size());
    for (MetricSnapshot family : write.families()) {
      String name = family.getMetadata().getName();
      // The Pushgateway's own timestamps "override any pushed metric by that name".
      if (!name.equals(PUSH_TIME) && !name.equals(PUSH_FAILURE_TIME)) {
        pushed.add(new PushedGroup.Pushed(family, write.account()));
      }
    }
    String timestamped = timestamped(write.families());
    List<PushedGroup.Pushed> families = old == null ? pushed : old.after(write.replace(), pushed);
    int series = PushedGroup.series(families);
    PushedGroup candidate = new PushedGroup(write.key(), families, series, now, old == null ? 0 : old.failureTime(), nowMillis);
    SortedMap<GroupingKey, PushedGroup> others = new TreeMap<>(groups);
    others.remove(write.key());
    String refusal = timestamped;
    int status = 400;
    if (refusal == null) {
      refusal = limits(old == null, others.size(), series, seriesOf(others) + (long) series);
      status = 413;
    }
    List<MetricSnapshot> merged = null;
    if (refusal == null) {
      GroupMerge.Result result = GroupMerge.check(others.values(), candidate, known);
      refusal = result.refusal();
      merged = result.families();
      status = 400;
    }
    if (refusal != null) {
      write.account().refundAll();
      if (old != null) {
        groups.put(write.key(), old.failed(now));
      } else if (groups.size() < settings.maxGroups()) {
        groups.put(write.key(), PushedGroup.failedOnly(write.key(), now, nowMillis));
      }
      commit(groups, null);
      throw new PushRefusal(status, "push to " + write.key() + " refused: " + refusal);
    }
    groups.put(write.key(), candidate);
    commit(groups, merged);
  }

  /** Removes a group (a DELETE); removing one that is not there is no error, as in the Pushgateway. */
  synchronized void delete(GroupingKey key) {
    SortedMap<GroupingKey, PushedGroup> groups = unexpired(state.groups(), clock.millis());
    groups.remove(key);
    commit(groups, null);
  }

  /** What the push collector serves now: every group's families and the two timestamps per group. */
  MetricSnapshots collect() {
    if (settings.expiry().isPresent() && anyExpired(state.groups(), clock.millis())) {
      synchronized (this) {
        commit(unexpired(state.groups(), clock.millis()), null);
      }
    }
    return state.exposition();
  }

  /** The groups held now, by key. */
  Map<GroupingKey, PushedGroup> groups() {
    return state.groups();
  }

  /** How many series the groups hold together. */
  int series() {
    return state.series();
  }

  /** Why the families cannot be pushed for their timestamps (the Pushgateway refuses them), or null. */
  private static String timestamped(List<MetricSnapshot> families) {
    for (MetricSnapshot family : families) {
      for (var point : family.getDataPoints()) {
        if (point.hasScrapeTimestamp()) {
          return "pushed metrics must not have timestamps (" + Excerpt.of(family.getMetadata().getName(), 120) + " has one)";
        }
      }
    }
    return null;
  }

  private String limits(boolean isNew, int others, int groupSeries, long totalSeries) {
    if (isNew && others >= settings.maxGroups()) {
      return "there are " + others + " push groups already, the most --" + PushSettings.MAX_GROUPS + " allows;"
          + " delete groups no longer pushed (DELETE /metrics/job/...), set --" + PushSettings.EXPIRY + ", or raise it";
    }
    if (groupSeries > settings.maxGroupSeries()) {
      return "the group would hold " + groupSeries + " series, more than --" + PushSettings.MAX_GROUP_SERIES + " "
          + settings.maxGroupSeries();
    }
    if (totalSeries > settings.maxSeries()) {
      return "the push groups would hold " + totalSeries + " series together, more than --" + PushSettings.MAX_SERIES
          + " " + settings.maxSeries() + "; delete groups no longer pushed, or raise it";
    }
    return null;
  }

  private static int seriesOf(Map<GroupingKey, PushedGroup> groups) {
    int n = 0;
    for (PushedGroup group : groups.values()) {
      n += group.series();
    }
    return n;
  }

  /** A copy of {@code groups} less those not pushed within the expiry. */
  private SortedMap<GroupingKey, PushedGroup> unexpired(SortedMap<GroupingKey, PushedGroup> groups, long nowMillis) {
    SortedMap<GroupingKey, PushedGroup> out = new TreeMap<>(groups);
    if (settings.expiry().isPresent()) {
      long oldest = nowMillis - settings.expiry().get().toMillis();
      out.values().removeIf(group -> group.touchedMillis() < oldest);
    }
    return out;
  }

  private boolean anyExpired(Map<GroupingKey, PushedGroup> groups, long nowMillis) {
    long oldest = nowMillis - settings.expiry().get().toMillis();
    for (PushedGroup group : groups.values()) {
      if (group.touchedMillis() < oldest) {
        return true;
      }
    }
    return false;
  }

  /**
   * Makes {@code groups} the state, with their exposition ({@code merged}, or merged anew when
   * null), and refunds the accounts of pushes none of whose families is held any more.
   */
  private void commit(SortedMap<GroupingKey, PushedGroup> groups, List<MetricSnapshot> merged) {
    List<MetricSnapshot> families = new ArrayList<>(merged != null ? merged : GroupMerge.served(groups.values()));
    if (!groups.isEmpty()) {
      GaugeSnapshot.Builder pushTime = GaugeSnapshot.builder().name(PUSH_TIME).help(PUSH_TIME_HELP);
      GaugeSnapshot.Builder failureTime = GaugeSnapshot.builder().name(PUSH_FAILURE_TIME).help(PUSH_FAILURE_TIME_HELP);
      for (PushedGroup group : groups.values()) {
        pushTime.dataPoint(GaugeDataPointSnapshot.builder().labels(group.key().labels()).value(group.pushTime()).build());
        failureTime.dataPoint(GaugeDataPointSnapshot.builder().labels(group.key().labels()).value(group.failureTime()).build());
      }
      families.add(pushTime.build());
      families.add(failureTime.build());
    }
    State before = state;
    state = new State(Collections.unmodifiableSortedMap(groups), seriesOf(groups), new MetricSnapshots(families));
    Set<HeapBudget.Account> kept = accounts(groups);
    for (HeapBudget.Account account : accounts(before.groups())) {
      if (!kept.contains(account)) {
        account.refundAll();
      }
    }
  }

  private static Set<HeapBudget.Account> accounts(Map<GroupingKey, PushedGroup> groups) {
    Set<HeapBudget.Account> accounts = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PushedGroup group : groups.values()) {
      for (PushedGroup.Pushed pushed : group.families()) {
        accounts.add(pushed.account());
      }
    }
    return accounts;
  }
}
