package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.ExpositionNames;
import io.taoprom.exporter.spi.ScrapeDeadline;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One collector inside the {@link IsolatingCollector}: how it is built, the collection now in
 * flight, and how it fared.
 *
 * <p>At most one collection of a unit runs at a time. A scrape that finds one in flight that
 * is still within the deadline of the scrape that started it shares its result (two
 * Prometheus servers scraping at once cost one collection); one that finds a collection past
 * its deadline reports the collector as failed at once instead of starting another. So a hung
 * collector holds one thread, never one per scrape.
 */
final class CollectorUnit {

  private final String name;
  private final boolean reported;
  private final boolean nodeExporter;
  private final Callable<? extends MultiCollector> factory;
  private final CompletableFuture<MultiCollector> created = new CompletableFuture<>();
  private final FailureLog log;

  private Call current; // guarded by this
  private volatile Health health = new Health(null, -1, null);
  // The family names this collector had in its last scrape, sorted: who keeps a contested name.
  private volatile String[] served = new String[0];
  // The families of its last successful collection without their series, sorted by name; and
  // whether any scrape has judged it yet. What outside sources are checked against.
  private volatile MetricSnapshot[] shapes = new MetricSnapshot[0];
  private volatile boolean judged;

  /** A collection in flight, with the deadline of the scrape that started it. */
  record Call(CompletableFuture<Outcome> result, long startNanos, long deadlineNanos) {}

  private record Health(Instant lastSuccess, long lastDurationNanos, String lastError) {}

  CollectorUnit(String name, boolean reported, boolean nodeExporter, Callable<? extends MultiCollector> factory,
      long logIntervalNanos) {
    this.name = name;
    this.reported = reported;
    this.nodeExporter = nodeExporter;
    this.factory = factory;
    this.log = new FailureLog(name, logIntervalNanos);
  }

  String name() {
    return name;
  }

  /** Whether the unit gets success and duration series and answers to collect[]; the application registry does not. */
  boolean reported() {
    return reported;
  }

  /** Whether the unit's health is also served under node_exporter's names. */
  boolean nodeExporter() {
    return nodeExporter;
  }

  /** Builds the collector on the executor; scrapes wait for it within their deadline. */
  void start(Executor executor) {
    try {
      executor.execute(this::create);
    } catch (RejectedExecutionException e) {
      created.completeExceptionally(e);
    }
  }

  private void create() {
    try {
      MultiCollector collector = factory.call();
      if (collector == null) {
        throw new IllegalStateException("create() returned null");
      }
      created.complete(collector);
    } catch (Throwable t) { // NOPMD: a plugin's Error must not take the exporter down either
      created.completeExceptionally(t);
    }
  }

  boolean isCreated() {
    return created.isDone();
  }

  /** Blocks until the collector is built or failed to build, or the time is up. */
  boolean awaitCreated(long timeoutNanos) throws InterruptedException {
    try {
      created.get(timeoutNanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }

  /** The collector, once built; used to close it. */
  Optional<MultiCollector> collector() {
    return created.isDone() && !created.isCompletedExceptionally() ? Optional.of(created.join()) : Optional.empty();
  }

  /**
   * Starts a collection for a scrape ending at {@code deadlineNanos}, or joins the one in
   * flight, or (when the one in flight is overdue) returns an already failed call.
   */
  Call call(Executor executor, long nowNanos, long deadlineNanos) {
    synchronized (this) {
      Call inFlight = current;
      if (inFlight != null && !inFlight.result().isDone()) {
        if (inFlight.deadlineNanos() - nowNanos > 0) {
          return inFlight;
        }
        long running = nowNanos - inFlight.startNanos();
        String what = created.isDone() ? "its previous collection is still running" : "create() is still running";
        Outcome overdue = Outcome.failure(Outcome.Kind.STILL_RUNNING, what + " after " + seconds(running) + "; not started again", running);
        return new Call(CompletableFuture.completedFuture(overdue), nowNanos, deadlineNanos);
      }
      CompletableFuture<Outcome> result;
      if (created.isCompletedExceptionally()) {
        result = CompletableFuture.completedFuture(creationFailure());
      } else {
        try {
          result = created.handleAsync(
              (collector, failure) -> failure != null ? creationFailure() : collect(collector, deadlineNanos), executor);
        } catch (RejectedExecutionException e) {
          result = CompletableFuture.completedFuture(Outcome.failure(Outcome.Kind.THREW, "the exporter is shutting down", 0));
        }
      }
      current = new Call(result, nowNanos, deadlineNanos);
      return current;
    }
  }

  private Outcome creationFailure() {
    Throwable cause = created.handle((c, t) -> t).join();
    Throwable reason = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    return Outcome.failure(Outcome.Kind.NOT_STARTED, "could not be created: " + Failures.oneLine(reason), 0, reason);
  }

  private Outcome collect(MultiCollector collector, long deadlineNanos) {
    long start = System.nanoTime();
    try {
      MetricSnapshots snapshots = ScrapeDeadline.runWith(deadlineNanos, collector::collect);
      if (snapshots == null) {
        return Outcome.failure(Outcome.Kind.INVALID, "collect() returned null", System.nanoTime() - start);
      }
      ExpositionNames.check(snapshots);
      return Outcome.success(snapshots, System.nanoTime() - start);
    } catch (ExpositionNames.InvalidNamesException e) {
      return Outcome.failure(Outcome.Kind.INVALID, e.getMessage(), System.nanoTime() - start);
    } catch (Throwable t) { // NOPMD: isolation is the point; the failure is reported, not rethrown
      return Outcome.failure(Outcome.Kind.THREW, "threw " + Failures.oneLine(t), System.nanoTime() - start, t);
    }
  }

  /**
   * Lets go of a finished call once its scrape has taken what it needs: a finished call's outcome
   * holds the collector's whole output, which would otherwise stay reachable until the next
   * scrape, beside the output that scrape builds (twice a large textfile's worth of heap).
   */
  void release(Call call) {
    synchronized (this) {
      if (current == call && call.result().isDone()) {
        current = null;
      }
    }
  }

  /**
   * Remembers how the collector fared in a scrape and which families it had there (their names,
   * sorted), and logs a failure (rate-limited).
   */
  void record(Outcome outcome, String[] servedFamilies, long nowNanos) {
    Health before = health;
    // A partial outcome was served, so it is a success, but why families were left out is shown.
    health = outcome.succeeded()
        ? new Health(Instant.now(), outcome.durationNanos(), outcome.error())
        : new Health(before.lastSuccess(), outcome.durationNanos(), outcome.error());
    served = servedFamilies;
    if (outcome.succeeded()) {
      shapes = shapes(outcome.snapshots(), shapes);
    }
    judged = true;
    log.record(outcome, nowNanos);
  }

  /**
   * The shapes of {@code families}, sorted by name, reusing those of {@code previous} that are
   * unchanged: a collector yields the same families scrape after scrape, so this allocates little.
   */
  private static MetricSnapshot[] shapes(MetricSnapshots families, MetricSnapshot[] previous) {
    MetricSnapshot[] out = new MetricSnapshot[families.size()];
    int i = 0;
    for (MetricSnapshot family : families) {
      MetricSnapshot before = find(previous, family.getMetadata().getName());
      out[i++] = before != null && sameShape(before, family) ? before : ExpositionNames.shape(family);
    }
    Arrays.sort(out, BY_NAME);
    return out;
  }

  private static final Comparator<MetricSnapshot> BY_NAME = Comparator.comparing(f -> f.getMetadata().getName());

  private static MetricSnapshot find(MetricSnapshot[] sorted, String name) {
    int lo = 0;
    int hi = sorted.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = sorted[mid].getMetadata().getName().compareTo(name);
      if (c == 0) {
        return sorted[mid];
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  private static boolean sameShape(MetricSnapshot a, MetricSnapshot b) {
    return a.getClass() == b.getClass()
        && (!(a instanceof HistogramSnapshot) || ((HistogramSnapshot) a).isGaugeHistogram() == ((HistogramSnapshot) b).isGaugeHistogram())
        && Objects.equals(a.getMetadata().getUnit(), b.getMetadata().getUnit())
        && Objects.equals(a.getMetadata().getHelp(), b.getMetadata().getHelp());
  }

  /** The families of the last successful collection, without series, sorted by name; empty before one. */
  MetricSnapshot[] shapes() {
    return shapes;
  }

  /** Whether a scrape has judged this collector yet (succeeded or not). */
  boolean judged() {
    return judged;
  }

  /** Whether a family of this name was among this collector's in its last scrape. */
  boolean served(String family) {
    return Arrays.binarySearch(served, family) >= 0;
  }

  CollectorHealth health() {
    Health h = health;
    CollectorHealth.State state = !created.isDone()
        ? CollectorHealth.State.STARTING
        : created.isCompletedExceptionally() ? CollectorHealth.State.FAILED_TO_START : CollectorHealth.State.RUNNING;
    Optional<String> error = Optional.ofNullable(h.lastError());
    if (error.isEmpty() && state == CollectorHealth.State.FAILED_TO_START) {
      error = Optional.of(creationFailure().error());
    }
    return new CollectorHealth(
        state,
        Optional.ofNullable(h.lastSuccess()),
        h.lastDurationNanos() < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(h.lastDurationNanos())),
        error);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }
}
