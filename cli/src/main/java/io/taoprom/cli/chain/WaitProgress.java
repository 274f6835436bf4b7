package io.taoprom.cli.chain;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.chain.rpc.RequestOutcome;
import io.taoprom.chain.rpc.RpcListener;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Says on stderr what a command is waiting for when the node takes longer than {@value
 * #FIRST_LINE_SECONDS} s, and again every {@value #REPEAT_SECONDS} s while it still waits:
 *
 * <pre>
 * time=... level=info source=taoprom.status msg="waiting for ws://10.0.0.5:9944: no answer to chain_getHeader for 4 s (attempt 2 of 3)…"
 * time=... level=info source=taoprom.status msg="waiting for ws://10.0.0.5:9944: no WebSocket handshake for 2 s (attempt 1 of 3)…"
 * </pre>
 *
 * Only ever stderr: what a command prints on stdout ({@code targets}' JSON, {@code --json}) stays
 * clean. It learns what is in flight as an {@link RpcListener} of the client.
 */
public final class WaitProgress implements RpcListener, AutoCloseable {

  static final int FIRST_LINE_SECONDS = 2;
  static final int REPEAT_SECONDS = 5;

  private record InFlight(String method, int attempt, int maxAttempts, long started) {}

  private final ConsoleLog log;
  private final String prefix;
  private final URI node;
  private final boolean connectionless;
  private final LongSupplier nanos;
  private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private volatile boolean connected;
  private InFlight reported; // guarded by this
  private long reportedAt;   // guarded by this

  private WaitProgress(PrintWriter err, String command, URI node, LongSupplier nanos, boolean tick) {
    this.log = ConsoleLog.to(err, command);
    this.prefix = "waiting for " + node + ": ";
    this.node = node;
    this.connectionless = node.getScheme() != null && node.getScheme().toLowerCase(Locale.ROOT).startsWith("http");
    this.nanos = nanos;
    if (tick) {
      this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "taoprom-chain-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    } else {
      this.ticker = null;
    }
  }

  /** Progress lines of {@code command} (a log source such as {@code taoprom.status}) about {@code node}, on {@code err}. */
  public static WaitProgress start(PrintWriter err, String command, URI node) {
    return new WaitProgress(err, command, node, System::nanoTime, true);
  }

  /** For tests: no thread; {@link #tick()} is called by hand with the given clock. */
  static WaitProgress manual(PrintWriter err, String command, URI node, LongSupplier nanos) {
    return new WaitProgress(err, command, node, nanos, false);
  }

  @Override
  public void onAttempt(String method, int attempt, int maxAttempts) {
    inFlight.put(ids.incrementAndGet(), new InFlight(method, attempt, maxAttempts, nanos.getAsLong()));
  }

  @Override
  public void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {
    inFlight.entrySet().stream()
        .filter(e -> e.getValue().method().equals(method) && e.getValue().attempt() == attempt)
        .min(Map.Entry.comparingByKey())
        .ifPresent(e -> inFlight.remove(e.getKey()));
  }

  @Override
  public void onConnected(URI endpoint) {
    connected = true;
  }

  @Override
  public void onDisconnected(URI endpoint, Throwable cause) {
    connected = false;
  }

  /** Prints a line when the oldest request in flight has waited long enough since the last one. */
  void tick() {
    InFlight oldest = inFlight.values().stream().min(Comparator.comparingLong(InFlight::started)).orElse(null);
    if (oldest == null) {
      return;
    }
    long now = nanos.getAsLong();
    long waited = now - oldest.started();
    if (waited < TimeUnit.SECONDS.toNanos(FIRST_LINE_SECONDS)) {
      return;
    }
    synchronized (this) {
      if (oldest.equals(reported) && now - reportedAt < TimeUnit.SECONDS.toNanos(REPEAT_SECONDS)) {
        return;
      }
      reported = oldest;
      reportedAt = now;
    }
    String what = connected || connectionless ? "no answer to " + oldest.method() : "no WebSocket handshake";
    log.info(prefix + what + " for " + TimeUnit.NANOSECONDS.toSeconds(waited) + " s (attempt " + oldest.attempt()
        + " of " + oldest.maxAttempts() + ")…");
  }

  /** The node this reports on. */
  public URI node() {
    return node;
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
