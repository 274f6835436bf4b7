package io.taoprom.exporter.scrape;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs collectors the way node_exporter does: concurrently, each under the scrape's deadline,
 * each judged on its own. A collector that throws, is still running at the deadline, or
 * yields invalid names is left out of that scrape and reported; the scrape itself always
 * succeeds. Every selected collector gets {@code taoprom_scrape_collector_success{collector}}
 * (1 or 0), {@code taoprom_scrape_collector_duration_seconds{collector}} and
 * {@code taoprom_scrape_collector_skipped_families{collector}} (node_exporter's collectors also
 * {@code node_scrape_collector_success} and {@code _duration_seconds}), and every scrape carries
 * {@code taoprom_build_info{version,revision,java_version} 1}.
 *
 * <pre>{@code
 * try (IsolatingCollector isolating = IsolatingCollector.builder()
 *     .collectorFactory("queue", QueueCollector::new)
 *     .registry(applicationRegistry)
 *     .buildInfo("1.0.0", "abc1234")
 *     .build()) {
 *   MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(Duration.ofSeconds(5)));
 * }
 * }</pre>
 *
 * <p>Collectors are built on the collector threads when the instance is built, so a slow
 * {@code create} (OSHI's first call) delays no one; a scrape that arrives earlier waits for it
 * within its deadline. When two collectors yield the same family (name and type) with
 * different series, the family is served once with the series of both; when they yield a name
 * in ways that cannot be served together (another type, the same series, colliding sample
 * names), only that family of one of them is left out, and counted in its
 * {@code skipped_families} (see {@code FamilyTable} for who keeps it). One collection per
 * collector at a time, on a few shared threads named {@code taoprom-collector-N}; a collection
 * that runs long gets its thread replaced for the others, so a hung collector holds one thread
 * and delays no one (see {@code CollectorThreads}).
 */
public final class IsolatingCollector implements MultiCollector, AutoCloseable {

  /** {@code taoprom_scrape_collector_success{collector}}: 1 when the collector's series are in the scrape. */
  public static final String SUCCESS_METRIC = "taoprom_scrape_collector_success";

  /** {@code taoprom_scrape_collector_duration_seconds{collector}}: how long its collection took. */
  public static final String DURATION_METRIC = "taoprom_scrape_collector_duration_seconds";

  /**
   * {@code taoprom_scrape_collector_skipped_families{collector}}: how many of the collector's
   * families this scrape left out because another collector yields their names in a way that
   * cannot be served beside them.
   */
  public static final String SKIPPED_METRIC = "taoprom_scrape_collector_skipped_families";

  /**
   * {@code node_scrape_collector_success{collector}}: {@link #SUCCESS_METRIC} again, under
   * node_exporter's name, for the collectors added as node_exporter's.
   */
  public static final String NODE_SUCCESS_METRIC = "node_scrape_collector_success";

  /** {@code node_scrape_collector_duration_seconds{collector}}: {@link #DURATION_METRIC} likewise. */
  public static final String NODE_DURATION_METRIC = "node_scrape_collector_duration_seconds";

  /** {@code taoprom_build_info{version,revision,java_version}}: always 1. */
  public static final String BUILD_INFO_METRIC = "taoprom_build_info";

  /** The deadline when Prometheus sends no {@code X-Prometheus-Scrape-Timeout-Seconds}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter.scrape");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final String REGISTRY_UNIT = "application registry";
  /**
   * How long one collection may run before its thread no longer counts as one of the shared
   * ones: a scrape's collections take well under a millisecond each, a slow one (OSHI's first
   * call, a textfile directory on a slow disk) tens of milliseconds.
   */
  private static final Duration STALL = Duration.ofMillis(50);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);
  /** The exporter's own series: no collector's family may take their names. */
  private static final List<String> OWN_METRICS = List.of(SUCCESS_METRIC, DURATION_METRIC, SKIPPED_METRIC,
      BUILD_INFO_METRIC, NODE_SUCCESS_METRIC, NODE_DURATION_METRIC);

  private final List<CollectorUnit> units;
  private final Map<String, Labels> labels = new HashMap<>();
  private final CollectorThreads executor;
  private final GaugeSnapshot buildInfo;
  private final Duration defaultTimeout;

  private IsolatingCollector(Builder b) {
    this.units = List.copyOf(b.units);
    this.defaultTimeout = b.defaultTimeout;
    for (CollectorUnit unit : units) {
      labels.put(unit.name(), Labels.of("collector", unit.name()));
    }
    this.buildInfo = GaugeSnapshot.builder()
        .name(BUILD_INFO_METRIC)
        .help("A metric with a constant '1' value labeled by version, revision and java_version from which taoprom was built.")
        .dataPoint(GaugeDataPointSnapshot.builder()
            .labels(Labels.of("version", b.version, "revision", b.revision, "java_version", System.getProperty("java.version", "unknown")))
            .value(1)
            .build())
        .build();
    // A few shared threads; one more for each collection stuck past STALL (see CollectorThreads).
    this.executor = new CollectorThreads(CollectorThreads.defaultParallelism(), STALL.toNanos(), KEEP_ALIVE.toNanos());
    units.forEach(unit -> unit.start(executor));
  }

  /** A builder; add collectors, then {@link Builder#build()} starts building them. */
  public static Builder builder() {
    return new Builder();
  }

  /** A scrape of every collector under the default deadline; lets the instance sit in a client_java registry. */
  @Override
  public MetricSnapshots collect() {
    return scrape(ScrapeRequest.all(defaultTimeout));
  }

  /** One scrape: the selected collectors and the application registry, isolated, under the request's deadline. */
  public MetricSnapshots scrape(ScrapeRequest request) {
    long start = System.nanoTime();
    long deadline = start + request.timeout().toNanos();
    List<CollectorUnit> chosen = new ArrayList<>(units.size());
    List<CollectorUnit.Call> calls = new ArrayList<>(units.size());
    for (CollectorUnit unit : units) {
      if (!unit.reported() || request.selected().test(unit.name())) {
        chosen.add(unit);
        calls.add(unit.call(executor, start, deadline));
      }
    }
    awaitAll(calls, deadline);
    long now = System.nanoTime();
    Outcome[] outcomes = new Outcome[chosen.size()];
    int expectedFamilies = 0;
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = outcomeOf(calls.get(i), request.timeout(), now);
      if (outcomes[i].succeeded()) {
        expectedFamilies += outcomes[i].snapshots().size();
      }
    }
    // Registration order (the application registry first): the order families are merged in.
    FamilyTable table = new FamilyTable(chosen, outcomes, expectedFamilies);
    for (String reserved : OWN_METRICS) {
      table.reserve(reserved);
    }
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i].succeeded()) {
        table.add(i);
      }
    }
    List<MetricSnapshot> families = table.families();
    GaugeSnapshot.Builder success = GaugeSnapshot.builder().name(SUCCESS_METRIC)
        .help("taoprom: Whether a collector succeeded.");
    GaugeSnapshot.Builder duration = GaugeSnapshot.builder().name(DURATION_METRIC)
        .help("taoprom: Duration of a collector scrape.");
    GaugeSnapshot.Builder skipped = GaugeSnapshot.builder().name(SKIPPED_METRIC)
        .help("taoprom: Metric families of a collector left out of the scrape because another collector yields their names.");
    // node_exporter's own help texts, so that a family served by both programs reads the same.
    GaugeSnapshot.Builder nodeSuccess = GaugeSnapshot.builder().name(NODE_SUCCESS_METRIC)
        .help("node_exporter: Whether a collector succeeded.");
    GaugeSnapshot.Builder nodeDuration = GaugeSnapshot.builder().name(NODE_DURATION_METRIC)
        .help("node_exporter: Duration of a collector scrape.");
    boolean anyReported = false;
    boolean anyNodeExporter = false;
    for (int i = 0; i < outcomes.length; i++) {
      CollectorUnit unit = chosen.get(i);
      Outcome outcome = table.outcome(i);
      unit.record(outcome, table.served(i), now);
      unit.release(calls.get(i));
      if (unit.reported()) {
        anyReported = true;
        Labels collector = labels.get(unit.name());
        success.dataPoint(GaugeDataPointSnapshot.builder().labels(collector).value(outcome.succeeded() ? 1 : 0).build());
        duration.dataPoint(GaugeDataPointSnapshot.builder().labels(collector).value(outcome.durationNanos() / 1e9).build());
        skipped.dataPoint(GaugeDataPointSnapshot.builder().labels(collector).value(outcome.skipped()).build());
        if (unit.nodeExporter()) {
          anyNodeExporter = true;
          nodeSuccess.dataPoint(GaugeDataPointSnapshot.builder().labels(collector).value(outcome.succeeded() ? 1 : 0).build());
          nodeDuration.dataPoint(GaugeDataPointSnapshot.builder().labels(collector).value(outcome.durationNanos() / 1e9).build());
        }
      }
    }
    if (anyReported) {
      families.add(success.build());
      families.add(duration.build());
      families.add(skipped.build());
    }
    if (anyNodeExporter) {
      families.add(nodeSuccess.build());
      families.add(nodeDuration.build());
    }
    families.add(buildInfo);
    return new MetricSnapshots(families);
  }

  private static void awaitAll(List<CollectorUnit.Call> calls, long deadline) {
    CompletableFuture<?>[] futures = new CompletableFuture<?>[calls.size()];
    for (int i = 0; i < futures.length; i++) {
      futures[i] = calls.get(i).result();
    }
    try {
      CompletableFuture.allOf(futures).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Judged one by one below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Outcome outcomeOf(CollectorUnit.Call call, Duration timeout, long now) {
    CompletableFuture<Outcome> result = call.result();
    if (!result.isDone()) {
      return Outcome.failure(Outcome.Kind.TIMED_OUT,
          "did not finish within the scrape deadline of " + CollectorUnit.seconds(timeout.toNanos()), now - call.startNanos());
    }
    try {
      return result.join();
    } catch (RuntimeException e) {
      Throwable cause = Failures.root(e);
      return Outcome.failure(Outcome.Kind.THREW, "could not run: " + Failures.oneLine(cause), now - call.startNanos(), cause);
    }
  }

  /**
   * The families this instance serves besides those of the collectors {@code collectors} leaves
   * out, without their series: the exporter's own, the application registry's, and each chosen
   * collector's from its last successful collection. A collector that no scrape has judged yet is
   * collected first, once, under the default deadline (so a caller before the first scrape still
   * learns its names); one that failed every time has none.
   *
   * @param collectors which collectors (by name) to include; the application registry always is
   */
  public List<KnownFamily> knownFamilies(Predicate<String> collectors) {
    List<CollectorUnit> chosen = new ArrayList<>(units.size());
    boolean unjudged = false;
    for (CollectorUnit unit : units) {
      if (!unit.reported() || collectors.test(unit.name())) {
        chosen.add(unit);
        unjudged |= !unit.judged();
      }
    }
    if (unjudged) {
      scrape(new ScrapeRequest(defaultTimeout, collectors));
    }
    List<KnownFamily> known = new ArrayList<>();
    for (String own : OWN_METRICS) {
      known.add(new KnownFamily("the exporter", GaugeSnapshot.builder().name(own).build()));
    }
    for (CollectorUnit unit : chosen) {
      String owner = unit.reported() ? "collector \"" + unit.name() + "\"" : "the application registry";
      for (MetricSnapshot shape : unit.shapes()) {
        known.add(new KnownFamily(owner, shape));
      }
    }
    return known;
  }

  /** True once every collector has been built or has failed to build. */
  public boolean ready() {
    for (CollectorUnit unit : units) {
      if (!unit.isCreated()) {
        return false;
      }
    }
    return true;
  }

  /** Waits until {@link #ready()}, at most {@code timeout}; returns whether it is. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (CollectorUnit unit : units) {
      if (!unit.awaitCreated(Math.max(0, deadline - System.nanoTime()))) {
        return false;
      }
    }
    return true;
  }

  /** The collectors' names, in registration order (the application registry is not one). */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (CollectorUnit unit : units) {
      if (unit.reported()) {
        names.add(unit.name());
      }
    }
    return names;
  }

  /** How each collector has fared, by name, in registration order. */
  public Map<String, CollectorHealth> health() {
    Map<String, CollectorHealth> health = new LinkedHashMap<>();
    for (CollectorUnit unit : units) {
      if (unit.reported()) {
        health.put(unit.name(), unit.health());
      }
    }
    return health;
  }

  /** How the application registry has fared (it has no success series of its own). */
  public Optional<CollectorHealth> registryHealth() {
    return units.stream().filter(u -> !u.reported()).findFirst().map(CollectorUnit::health);
  }

  /**
   * Stops the collector threads (interrupting collections in flight) and closes every
   * collector that implements {@link AutoCloseable}; a failing close is logged, not thrown.
   */
  @Override
  public void close() {
    executor.shutdownNow();
    for (CollectorUnit unit : units) {
      Optional<MultiCollector> collector = unit.collector();
      if (collector.isPresent() && collector.get() instanceof AutoCloseable) {
        try {
          ((AutoCloseable) collector.get()).close();
        } catch (Throwable t) { // NOPMD: one collector's close must not stop the others'
          LOG.log(System.Logger.Level.WARNING, "collector \"" + unit.name() + "\" failed to close: " + Failures.oneLine(t));
        }
      }
    }
  }

  /** Collects the collectors, the application registry and the build labels. */
  public static final class Builder {
    private final List<CollectorUnit> units = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private boolean hasRegistry;
    private String version = "unknown";
    private String revision = "unknown";
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration logInterval = Duration.ofMinutes(1);

    private Builder() {}

    /**
     * Adds a collector built by {@code factory} on a collector thread (so a slow one delays
     * nothing). {@code name} is its {@code collector} label.
     */
    public Builder collectorFactory(String name, Callable<? extends MultiCollector> factory) {
      return collectorFactory(name, factory, false);
    }

    /**
     * Adds a collector as {@link #collectorFactory(String, Callable)} does; when
     * {@code nodeExporter} is true it is node_exporter's collector of that name, and its success
     * and duration are also served as {@code node_scrape_collector_success} and
     * {@code node_scrape_collector_duration_seconds}, for the dashboards that read them.
     */
    public Builder collectorFactory(String name, Callable<? extends MultiCollector> factory, boolean nodeExporter) {
      Objects.requireNonNull(factory, "factory");
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("invalid collector name \"" + name + "\": use lower-case letters, digits and underscores");
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("collector \"" + name + "\" added twice");
      }
      units.add(new CollectorUnit(name, true, nodeExporter, factory, logInterval.toNanos()));
      return this;
    }

    /** Adds a ready-made collector. */
    public Builder collector(String name, MultiCollector collector) {
      Objects.requireNonNull(collector, "collector");
      return collectorFactory(name, () -> collector);
    }

    /**
     * Serves the application metrics registered in {@code registry} (the embedding
     * application's own, the chain client's) on every scrape, whatever {@code collect[]}
     * says, under the same deadline and name checks, but without success series.
     */
    public Builder registry(PrometheusRegistry registry) {
      Objects.requireNonNull(registry, "registry");
      if (hasRegistry) {
        throw new IllegalStateException("registry already set");
      }
      hasRegistry = true;
      MultiCollector scrape = registry::scrape;
      units.add(0, new CollectorUnit(REGISTRY_UNIT, false, false, () -> scrape, logInterval.toNanos()));
      return this;
    }

    /** The {@code version} and {@code revision} labels of {@code taoprom_build_info}. */
    public Builder buildInfo(String version, String revision) {
      this.version = Objects.requireNonNull(version, "version");
      this.revision = Objects.requireNonNull(revision, "revision");
      return this;
    }

    /** The deadline of {@link IsolatingCollector#collect()}; 10 s unless set. */
    public Builder defaultTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.defaultTimeout = timeout;
      return this;
    }

    /** How often the same failure of one collector is logged again; one minute unless set. Applies to collectors added after. */
    public Builder failureLogInterval(Duration interval) {
      this.logInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Builds the instance and starts building its collectors in the background. */
    public IsolatingCollector build() {
      return new IsolatingCollector(this);
    }
  }
}
