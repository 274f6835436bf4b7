package io.taoprom.chainmetrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import io.taoprom.chain.registration.RegistrationListener;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.rpc.RequestOutcome;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Maps what the chain client does, and what registration finds, to {@code taoprom_chain_*} series:
 *
 * <ul>
 *   <li>{@code taoprom_chain_rpc_requests_total{method,outcome}} — every attempt of every request
 *       ({@code outcome}: {@code success}, {@code rpc_error}, {@code transport_error},
 *       {@code timeout}, {@code protocol_error});
 *   <li>{@code taoprom_chain_rpc_retries_total} — attempts that followed a failed one;
 *   <li>{@code taoprom_chain_rpc_duration_seconds{method}} — histogram of attempt durations;
 *   <li>{@code taoprom_chain_block_number} — the latest block seen;
 *   <li>{@code taoprom_chain_registered} — 1 when chain holds this exporter's endpoint as it
 *       should be, 0 when not (not registered, outdated, or never checked);
 *   <li>{@code taoprom_chain_prometheus_info{netuid,hotkey,ip,port,version}} — what chain holds
 *       for the hotkey (absent when it holds nothing);
 *   <li>{@code taoprom_chain_last_registration_timestamp_seconds} — when a registration last
 *       succeeded (or was found up to date);
 *   <li>{@code taoprom_chain_registration_attempts_total{outcome}} — every registration check,
 *       by outcome ({@code registered}, {@code up_to_date}, {@code rate_limited}, {@code failed},
 *       {@code submitted}, {@code no_address}, {@code no_version}).
 * </ul>
 *
 * <p>It is both the chain client's {@link RpcListener} and the registration loop's {@link
 * RegistrationListener}: the SDK reports, this class counts.
 *
 * <pre>{@code
 * ChainMetrics metrics = ChainMetrics.register(exporter.registry());
 * Subtensor subtensor = Subtensor.builder().network("finney").listener(metrics).build();
 * metrics.chainHolds(27, hotkeySs58, subtensor.prometheusInfo(27, hotkey));
 * metrics.registrationAttempt("registered", true);
 * }</pre>
 *
 * <p>Listener calls come from the client's threads; every method here is cheap and thread-safe.
 */
public final class ChainMetrics implements RpcListener, RegistrationListener {

  /** Attempt durations: a local node answers in milliseconds, a remote one in tens to hundreds,
   *  and a finalization wait can take a minute. */
  static final double[] DURATION_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

  private final Counter requests;
  private final Counter retries;
  private final Histogram duration;
  private final Gauge block;
  private final Gauge registered;
  private final Info prometheusInfo;
  private final Gauge lastRegistration;
  private final Counter attempts;
  private String[] heldLabels; // guarded by prometheusInfo

  private ChainMetrics(PrometheusRegistry registry, boolean withRegistration) {
    requests = Counter.builder().name("taoprom_chain_rpc_requests_total")
        .help("JSON-RPC request attempts to the chain node, by method and outcome.")
        .labelNames("method", "outcome").register(registry);
    retries = Counter.builder().name("taoprom_chain_rpc_retries_total")
        .help("JSON-RPC request attempts that retried a failed one.").register(registry);
    duration = Histogram.builder().name("taoprom_chain_rpc_duration_seconds")
        .help("How long JSON-RPC request attempts took, by method.").unit(Unit.SECONDS)
        .labelNames("method").classicOnly().classicUpperBounds(DURATION_BUCKETS).register(registry);
    block = Gauge.builder().name("taoprom_chain_block_number")
        .help("The latest block number seen on chain.").register(registry);
    // Registration families only where serve registers: a 0 from an /sd-only exporter would read as "deregistered".
    PrometheusRegistry registrationRegistry = withRegistration ? registry : new PrometheusRegistry();
    registered = Gauge.builder().name("taoprom_chain_registered")
        .help("Whether chain holds this exporter's Prometheus endpoint as configured: 1 yes, 0 no.").register(registrationRegistry);
    prometheusInfo = Info.builder().name("taoprom_chain_prometheus_info")
        .help("The PrometheusInfo chain holds for this exporter's hotkey.")
        .labelNames("netuid", "hotkey", "ip", "port", "version").register(registrationRegistry);
    lastRegistration = Gauge.builder().name("taoprom_chain_last_registration_timestamp_seconds")
        .help("When registration last succeeded or found the endpoint up to date, in seconds since the epoch.")
        .unit(Unit.SECONDS).register(registrationRegistry);
    attempts = Counter.builder().name("taoprom_chain_registration_attempts_total")
        .help("Registration checks and submissions, by outcome.").labelNames("outcome").register(registrationRegistry);
    registered.set(0);
  }

  /**
   * Registers all the families in {@code registry} (usually {@code exporter.registry()}).
   *
   * @throws IllegalArgumentException when they are already registered there
   */
  public static ChainMetrics register(PrometheusRegistry registry) {
    return register(registry, true);
  }

  /**
   * Registers the RPC families, and the registration families only when {@code withRegistration}
   * (an exporter that only serves {@code /sd} has no registration to report).
   */
  public static ChainMetrics register(PrometheusRegistry registry, boolean withRegistration) {
    return new ChainMetrics(Objects.requireNonNull(registry, "registry"), withRegistration);
  }

  @Override
  public void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {
    requests.labelValues(method, outcome.name().toLowerCase(Locale.ROOT)).inc();
    duration.labelValues(method).observe(took.toNanos() / 1e9);
  }

  @Override
  public void onRetry(String method, int nextAttempt, Duration delay, Exception cause) {
    retries.inc();
  }

  @Override
  public void onBlock(long number) {
    block.set(number);
  }

  /** A block number learned other than through the listener (a header read by registration). */
  public void block(long number) {
    onBlock(number);
  }

  @Override
  public void onChainHolds(int netuid, String hotkeySs58, PrometheusInfo info) {
    chainHolds(netuid, hotkeySs58, info);
  }

  @Override
  public void onRound(RegistrationOutcome outcome) {
    registrationAttempt(outcome.name().toLowerCase(Locale.ROOT), outcome.isCurrent());
  }

  @Override
  public void onNoAddress(String reason) {
    registrationAttempt("no_address", false);
  }

  @Override
  public void onNoVersion(String reason) {
    registrationAttempt("no_version", false);
  }

  /**
   * What chain holds for the hotkey on {@code netuid}; null when it holds nothing (the info
   * series disappears).
   */
  public void chainHolds(int netuid, String hotkeySs58, PrometheusInfo info) {
    synchronized (prometheusInfo) {
      // One series at a time: setLabelValues replaces, so a changed ip or version never adds.
      if (info == null) {
        if (heldLabels != null) {
          prometheusInfo.remove(heldLabels);
          heldLabels = null;
        }
      } else {
        heldLabels = new String[] {Integer.toString(netuid), hotkeySs58, info.address().toString(),
            Integer.toString(info.port()), Long.toString(info.version())};
        prometheusInfo.setLabelValues(heldLabels);
      }
    }
  }

  /**
   * Records one registration attempt.
   *
   * @param outcome a short lowercase word ({@code registered}, {@code up_to_date}, {@code rate_limited}, …)
   * @param endpointCurrent whether chain now holds the endpoint as configured
   */
  public void registrationAttempt(String outcome, boolean endpointCurrent) {
    attempts.labelValues(Objects.requireNonNull(outcome, "outcome")).inc();
    registered.set(endpointCurrent ? 1 : 0);
    if (endpointCurrent) {
      lastRegistration.set(Instant.now().toEpochMilli() / 1000.0);
    }
  }
}
