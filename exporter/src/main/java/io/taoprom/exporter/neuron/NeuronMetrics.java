package io.taoprom.exporter.neuron;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application metrics of a JVM neuron (validator or miner), behind the same endpoint as
 * the host and GPU metrics. Register once, then record from any thread:
 *
 * <pre>{@code
 * NeuronMetrics neuron = NeuronMetrics.register(exporter.registry());
 * neuron.setNeuronInfo(27, "5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX", "validator", "2.1.0");
 *
 * long start = System.nanoTime();
 * Outcome outcome = queryMiner(...);
 * neuron.recordRequest("Challenge", "success", Duration.ofNanos(System.nanoTime() - start));
 *
 * neuron.setMinerScore(12, "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw", 0.82);
 * }</pre>
 *
 * <p>Series on {@code /metrics}:
 *
 * <pre>
 * taoprom_neuron_requests_total{synapse="Challenge",outcome="success"} 41.0
 * taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="1.0"} 37
 * taoprom_neuron_request_duration_seconds_sum{synapse="Challenge"} 29.3
 * taoprom_neuron_request_duration_seconds_count{synapse="Challenge"} 41
 * taoprom_validator_miner_score{hotkey="5HGj…",uid="12"} 0.82
 * taoprom_neuron_info{hotkey="5F3s…",netuid="27",role="validator",version="2.1.0"} 1
 * </pre>
 *
 * <p>Keep label values bounded: {@code synapse} is the synapse class name, {@code outcome} one
 * of a few words ({@link #SUCCESS}, {@link #TIMEOUT}, {@link #ERROR}, {@link #BLACKLISTED} or
 * your own); one score series exists per miner uid, and a uid whose hotkey changes (the miner
 * was replaced) loses its old series.
 */
public final class NeuronMetrics {

  /** {@code taoprom_neuron_requests_total{synapse,outcome}}. */
  public static final String REQUESTS_TOTAL = "taoprom_neuron_requests_total";

  /** {@code taoprom_neuron_request_duration_seconds{synapse}} (histogram). */
  public static final String REQUEST_DURATION_SECONDS = "taoprom_neuron_request_duration_seconds";

  /** {@code taoprom_validator_miner_score{uid,hotkey}}. */
  public static final String MINER_SCORE = "taoprom_validator_miner_score";

  /** {@code taoprom_neuron_info{netuid,hotkey,role,version}}, value 1. */
  public static final String NEURON_INFO = "taoprom_neuron_info";

  /** Outcome of a request answered in time. */
  public static final String SUCCESS = "success";

  /** Outcome of a request that timed out. */
  public static final String TIMEOUT = "timeout";

  /** Outcome of a request that failed otherwise. */
  public static final String ERROR = "error";

  /** Outcome of a request refused by the blacklist. */
  public static final String BLACKLISTED = "blacklisted";

  /**
   * Bucket bounds in seconds: fine below a second for local work, then around the 12 s
   * default timeout of a Bittensor dendrite call, up to two minutes for slow synapses.
   */
  static final double[] DURATION_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 12, 20, 30, 60, 120};

  private final Counter requests;
  private final Histogram duration;
  private final Gauge minerScore;
  private final Info info;
  private final Map<Integer, String> hotkeyByUid = new ConcurrentHashMap<>();

  private NeuronMetrics(PrometheusRegistry registry) {
    requests = Counter.builder()
        .name(REQUESTS_TOTAL)
        .help("Requests handled or sent by this neuron, by synapse and outcome.")
        .labelNames("synapse", "outcome")
        .register(registry);
    duration = Histogram.builder()
        .name(REQUEST_DURATION_SECONDS)
        .help("How long requests took, by synapse.")
        .unit(Unit.SECONDS)
        .labelNames("synapse")
        .classicOnly()
        .classicUpperBounds(DURATION_BUCKETS)
        .register(registry);
    minerScore = Gauge.builder()
        .name(MINER_SCORE)
        .help("The score this validator gives each miner.")
        .labelNames("uid", "hotkey")
        .register(registry);
    info = Info.builder()
        .name(NEURON_INFO)
        .help("The neuron this process runs: subnet, hotkey, role and version.")
        .labelNames("netuid", "hotkey", "role", "version")
        .register(registry);
  }

  /**
   * Registers the four families in {@code registry} (usually {@code exporter.registry()}).
   *
   * @throws IllegalArgumentException when they are already registered there
   */
  public static NeuronMetrics register(PrometheusRegistry registry) {
    return new NeuronMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /** Counts one request and records how long it took. */
  public void recordRequest(String synapse, String outcome, Duration took) {
    recordRequest(synapse, outcome, took.toNanos() / 1e9);
  }

  /** Counts one request and records how long it took, in seconds. */
  public void recordRequest(String synapse, String outcome, double seconds) {
    Objects.requireNonNull(synapse, "synapse");
    Objects.requireNonNull(outcome, "outcome");
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("request duration must be a finite number of seconds >= 0: " + seconds);
    }
    requests.labelValues(synapse, outcome).inc();
    duration.labelValues(synapse).observe(seconds);
  }

  /** Sets the score of miner {@code uid}; the uid's series under a previous hotkey is removed. */
  public void setMinerScore(int uid, String hotkey, double score) {
    Objects.requireNonNull(hotkey, "hotkey");
    if (uid < 0) {
      throw new IllegalArgumentException("uid must be >= 0: " + uid);
    }
    String id = Integer.toString(uid);
    synchronized (hotkeyByUid) {
      String previous = hotkeyByUid.put(uid, hotkey);
      if (previous != null && !previous.equals(hotkey)) {
        minerScore.remove(id, previous);
      }
      minerScore.labelValues(id, hotkey).set(score);
    }
  }

  /** Removes miner {@code uid}'s score (it was deregistered). */
  public void removeMinerScore(int uid) {
    synchronized (hotkeyByUid) {
      String previous = hotkeyByUid.remove(uid);
      if (previous != null) {
        minerScore.remove(Integer.toString(uid), previous);
      }
    }
  }

  /** Says which neuron this process runs; replaces what was set before. */
  public void setNeuronInfo(int netuid, String hotkey, String role, String version) {
    if (netuid < 0) {
      throw new IllegalArgumentException("netuid must be >= 0: " + netuid);
    }
    info.setLabelValues(Integer.toString(netuid),
        Objects.requireNonNull(hotkey, "hotkey"), Objects.requireNonNull(role, "role"), Objects.requireNonNull(version, "version"));
  }
}
