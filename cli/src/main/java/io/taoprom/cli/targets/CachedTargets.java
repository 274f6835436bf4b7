package io.taoprom.cli.targets;

import io.taoprom.chain.discovery.SubnetTargets;
import io.taoprom.cli.ConsoleText;
import io.taoprom.exporter.http.Route;
import io.taoprom.exporter.http.RouteRequest;
import io.taoprom.exporter.http.RouteResponse;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The targets of {@code /sd}: read from chain in the background once per refresh interval (a
 * block, about 12 s), and served from memory, so a Prometheus server polling {@code /sd} never
 * waits on the chain and never makes TaoProm read it more than once per interval however many
 * servers poll. While the chain is unreachable, {@code /sd} keeps answering with the last good
 * targets (header {@code X-TaoProm-SD-Stale: true}); before the first good read it answers 503,
 * which Prometheus treats as "keep what you had".
 *
 * <pre>{@code
 * CachedTargets sd = new CachedTargets(() -> discovery.discover(List.of(27)), Duration.ofSeconds(12));
 * sd.start();
 * exporterBuilder.route("/sd", sd.handler());
 * }</pre>
 */
public final class CachedTargets implements AutoCloseable {

  /** A good read: the targets, their JSON, and when they were read. */
  public record Snapshot(SubnetTargets targets, byte[] json, Instant readAt) {}

  private static final System.Logger LOG = System.getLogger("io.taoprom.cli.targets");

  private final Supplier<SubnetTargets> source;
  private final Duration interval;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private volatile Snapshot last;
  private volatile String lastError;
  private volatile boolean failing;
  private volatile boolean started;

  /**
   * @param source reads the targets from chain; may throw (the failure is kept, not propagated)
   * @param interval time between the end of one read and the start of the next
   */
  public CachedTargets(Supplier<SubnetTargets> source, Duration interval) {
    this(source, interval, Clock.systemUTC());
  }

  CachedTargets(Supplier<SubnetTargets> source, Duration interval, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive: " + interval);
    }
    this.interval = interval;
    this.clock = clock;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "taoprom-sd-refresh");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts reading: the first read at once, then every interval after the previous one ended. */
  public void start() {
    started = true;
    // Fixed delay, not rate: a slow chain (retries, timeouts) must not pile reads up.
    scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One read now, on the calling thread; keeps the result if it succeeded.
   *
   * @return whether it succeeded
   */
  public boolean refresh() {
    try {
      SubnetTargets t = source.get();
      last = new Snapshot(t, t.toJson().getBytes(StandardCharsets.UTF_8), clock.instant());
      lastError = null;
      if (failing) {
        LOG.log(Level.INFO, "service discovery: reading the chain works again; /sd serves "
            + t.groups().size() + " target(s)");
      }
      failing = false;
      return true;
    } catch (RuntimeException e) { // NOPMD: any failure of the chain must leave /sd serving
      lastError = oneLine(e);
      if (!failing) {
        // Logged on the change only: a node down for an hour must not write 300 lines.
        LOG.log(Level.WARNING, "service discovery: cannot read the chain (" + lastError + "); /sd "
            + (last != null ? "keeps serving the targets read at " + last.readAt() : "answers 503 until a read succeeds"));
      }
      failing = true;
      return false;
    }
  }

  /** The last good read, if any. */
  public Optional<Snapshot> current() {
    return Optional.ofNullable(last);
  }

  /** Whether the latest read failed (the served targets, if any, are older than one interval). */
  public boolean stale() {
    return failing;
  }

  /** Why the latest read failed, or null. */
  public String lastError() {
    return lastError;
  }

  /** The {@code /sd} handler: the last good targets as {@code application/json}. */
  public Route handler() {
    return this::handle;
  }

  private RouteResponse handle(RouteRequest request) {
    Snapshot s = last;
    if (s == null) {
      // The chain's error text is outside text: oneLine escaped and cut it short (ConsoleText).
      String why = lastError != null ? "cannot read the chain: " + lastError
          : started ? "the first read of the chain is still running" : "not started";
      return RouteResponse.text(503, "service discovery has no targets yet: " + why + "\n")
          .withHeader("Cache-Control", "no-store");
    }
    RouteResponse answer = RouteResponse.of(200, "application/json", s.json())
        .withHeader("Cache-Control", "no-store")
        .withHeader("X-TaoProm-SD-Read-At", s.readAt().toString());
    return failing ? answer.withHeader("X-TaoProm-SD-Stale", "true") : answer;
  }

  /** How much of a failure the log line and the 503 body quote. */
  static final int ERROR_CHARS = 500;

  private static String oneLine(Throwable e) {
    return ConsoleText.of(e, ERROR_CHARS);
  }

  /** Stops refreshing; the handler keeps answering from memory. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
