package io.taoprom.chainmetrics.metagraph;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.chain.ChainClient;
import io.taoprom.untrusted.Excerpt;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code metagraph} collector: reads the selected subnets' neurons from chain in the
 * background, at most once per block, and serves the last snapshot on every scrape at once. A
 * scrape never waits on the chain: when the node is down, answers garbage or changes runtime, the
 * last snapshot stays served, {@code bittensor_metagraph_last_refresh_timestamp_seconds} shows
 * its age, {@link #reason()} (also logged) says why, and the next poll recovers by itself (a new
 * runtime version's metadata is read with the first block it executed).
 *
 * <pre>{@code
 * MetagraphCollector metagraph = new MetagraphCollector(MetagraphSettings.parse(config));
 * metagraph.connect(subtensor.chain());       // starts polling
 * registry.register(metagraph);               // or through the exporter's plugin catalog
 * }</pre>
 *
 * <p>Served (one neuron shown):
 *
 * <pre>
 * bittensor_neuron_info{coldkey="5Gr…",hotkey="5F…",netuid="1",uid="0"} 1.0
 * bittensor_neuron_incentive_ratio{hotkey="5F…",netuid="1",uid="0"} 0.5
 * bittensor_subnet_neurons{netuid="1"} 256.0
 * bittensor_metagraph_block 4123456.0
 * bittensor_metagraph_last_refresh_timestamp_seconds 1.7650704E9
 * </pre>
 */
public final class MetagraphCollector implements MultiCollector, AutoCloseable {

  /** Bittensor's target block time: how often the best block is looked at. */
  public static final Duration BLOCK_TIME = Duration.ofSeconds(12);

  private static final System.Logger LOG = System.getLogger("io.taoprom.chainmetrics.metagraph");

  private final MetagraphSettings settings;
  private final Clock clock;
  private final ScheduledExecutorService poller;
  private final boolean polling;
  private final AtomicReference<MetagraphReader> reader = new AtomicReference<>();
  private final Object refreshLock = new Object();
  private volatile MetagraphSnapshot snapshot;
  private volatile boolean lastSucceeded;
  private volatile String reason = "not connected to a chain yet";
  private List<String> loggedNotes = List.of(); // guarded by refreshLock

  /** A collector that polls every {@link #BLOCK_TIME} once {@link #connect connected}. */
  public MetagraphCollector(MetagraphSettings settings) {
    this(settings, Clock.systemUTC(), BLOCK_TIME);
  }

  /** Tests: another clock, another poll interval (or none: {@link Duration#ZERO}, refreshed by hand). */
  MetagraphCollector(MetagraphSettings settings, Clock clock, Duration interval) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "taoprom-metagraph");
      t.setDaemon(true);
      return t;
    });
    this.polling = !interval.isZero();
    if (polling) {
      poller.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Reads from {@code chain} from now on (the first refresh starts at once, in the background). */
  public void connect(ChainClient chain) {
    reader.set(new MetagraphReader(Objects.requireNonNull(chain, "chain"), settings, clock));
    if (polling) {
      poller.execute(this::refresh);
    }
  }

  /**
   * One poll: reads the metagraph if the best block moved since the last snapshot. Never throws:
   * a failure keeps the last snapshot and becomes the {@link #reason()}.
   */
  void refresh() {
    synchronized (refreshLock) {
      MetagraphReader r = reader.get();
      if (r == null) {
        return;
      }
      try {
        String best = r.bestHash();
        MetagraphSnapshot last = snapshot;
        if (last != null && lastSucceeded && best.equals(last.blockHash())) {
          return; // at most once per block
        }
        MetagraphSnapshot read = r.read(best);
        snapshot = read;
        if (!lastSucceeded && last != null) {
          LOG.log(Level.INFO, "metagraph: reading the chain again, at block " + read.block());
        }
        lastSucceeded = true;
        reason = read.notes().isEmpty() ? "" : String.join("; ", read.notes());
        if (!read.notes().equals(loggedNotes)) {
          read.notes().forEach(n -> LOG.log(Level.WARNING, "metagraph: " + n));
          loggedNotes = read.notes();
        }
      } catch (RuntimeException e) {
        MetagraphSnapshot last = snapshot;
        String why = "refresh failed: " + Excerpt.of(String.valueOf(e.getMessage()), 240)
            + (last == null ? "; nothing read yet" : "; serving the snapshot of block " + last.block() + " read at " + last.readAt());
        if (lastSucceeded || !why.equals(reason)) {
          LOG.log(Level.WARNING, "metagraph: " + why);
        }
        lastSucceeded = false;
        reason = why;
      }
    }
  }

  /**
   * Why the served series are what they are, in one line: empty when the last refresh succeeded
   * and the runtime had every field; else what was left out, or why the refresh failed and which
   * snapshot is served instead.
   */
  public String reason() {
    return reason;
  }

  /**
   * The last snapshot's families, at once.
   *
   * @throws IllegalStateException before the first refresh succeeded (the exporter reports the
   *     collector as failing, with {@link #reason()})
   */
  @Override
  public MetricSnapshots collect() {
    MetagraphSnapshot s = snapshot;
    if (s == null) {
      throw new IllegalStateException("no metagraph read yet: " + reason);
    }
    return MetagraphFamilies.render(s, lastSucceeded);
  }

  /** The snapshot served now; null before the first refresh succeeded. */
  MetagraphSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
