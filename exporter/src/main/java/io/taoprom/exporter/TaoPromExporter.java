package io.taoprom.exporter;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.http.ExporterSite;
import io.taoprom.exporter.http.HttpLimits;
import io.taoprom.exporter.http.MetricsServer;
import io.taoprom.exporter.http.Route;
import io.taoprom.exporter.scrape.CollectorHealth;
import io.taoprom.exporter.scrape.Failures;
import io.taoprom.exporter.scrape.IsolatingCollector;
import io.taoprom.exporter.scrape.KnownFamily;
import io.taoprom.exporter.scrape.ScrapeRequest;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.exporter.web.WebConfigFile;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * TaoProm's {@code /metrics} server: the collector plugins found on the class path (or given),
 * each isolated under the scrape deadline, plus whatever the application registers in
 * {@link #registry()}, in Prometheus text, OpenMetrics or protobuf.
 *
 * <pre>{@code
 * try (TaoPromExporter exporter = TaoPromExporter.builder()
 *     .port(7091)
 *     .disable("filesystem")
 *     .config(CollectorConfig.of(Map.of("textfile.directory", List.of("/var/lib/taoprom"))))
 *     .buildAndStart()) {
 *   NeuronMetrics neuron = NeuronMetrics.register(exporter.registry());
 *   neuron.recordRequest("Challenge", "success", Duration.ofMillis(840));
 *   ...
 * } catch (ExporterStartException e) {
 *   System.err.println(e.getMessage());   // port 7091 is already in use; choose another ...
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code /metrics} (with {@code collect[]=NAME} / {@code exclude[]=NAME}),
 * {@code /-/healthy}, {@code /-/ready}, a landing page at {@code /} and the {@link Builder#route
 * routes} (and {@link Builder#routePrefix prefix routes}) added. Every client is bounded
 * ({@link HttpLimits}); with {@link Builder#webConfig a web config} the endpoint speaks TLS, asks
 * for client certificates or basic auth, and follows changes to the file. The server answers as
 * soon as {@link Builder#buildAndStart()} returns; collectors are built in the background and
 * {@link #ready()} says when they are.
 */
public final class TaoPromExporter implements AutoCloseable {

  /** The port Bittensor neurons have used for Prometheus. */
  public static final int DEFAULT_PORT = 7091;

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter");

  private final PluginCatalog catalog;
  private final Map<String, Boolean> enabled;
  private final Map<String, String> selection;
  private final Map<String, String> descriptions = new LinkedHashMap<>();
  private final PrometheusRegistry registry;
  private final BuildInfo build;
  private final IsolatingCollector isolating;
  private final MetricsServer server;
  private final Duration scrapeTimeout;
  private final CollectorConfig config;
  private final String telemetryPath;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TaoPromExporter(Builder b, PluginCatalog catalog, Map<String, Boolean> enabled, MetricsServer server) {
    this.catalog = catalog;
    this.enabled = enabled;
    this.registry = b.registry != null ? b.registry : new PrometheusRegistry();
    this.build = BuildInfo.load();
    this.server = server;
    this.scrapeTimeout = b.scrapeTimeout;
    this.config = b.config;
    this.telemetryPath = b.telemetryPath;
    Map<String, String> selection = new LinkedHashMap<>();
    IsolatingCollector.Builder isolated = IsolatingCollector.builder()
        .registry(registry)
        .buildInfo(build.version(), build.revision())
        .defaultTimeout(b.scrapeTimeout);
    for (Map.Entry<String, CollectorPlugin> entry : catalog.byName().entrySet()) {
      String name = entry.getKey();
      CollectorPlugin plugin = entry.getValue();
      descriptions.put(name, describe(plugin));
      Availability availability = catalog.availability(plugin, b.config);
      if (!enabled.get(name)) {
        selection.put(name, "disabled; the exporter was started without it");
      } else if (!availability.available()) {
        selection.put(name, "unavailable: " + availability.reason());
      } else {
        selection.put(name, "");
        CollectorConfig config = b.config;
        isolated.collectorFactory(name, () -> plugin.create(config), nodeExporterCompatible(plugin));
      }
    }
    this.selection = Collections.unmodifiableMap(selection);
    this.isolating = isolated.build();
  }

  private static boolean nodeExporterCompatible(CollectorPlugin plugin) {
    try {
      return plugin.nodeExporterCompatible();
    } catch (RuntimeException | LinkageError e) {
      return false; // a plugin that cannot say is served under taoprom's names only
    }
  }

  // Read once: the landing page must not depend on a plugin answering the same way twice.
  private static String describe(CollectorPlugin plugin) {
    try {
      String description = plugin.description();
      return description == null ? "" : description;
    } catch (RuntimeException | LinkageError e) {
      return "(description failed: " + Failures.oneLine(e) + ")";
    }
  }

  /** Where the scrapes are served: {@code /metrics} unless {@link Builder#telemetryPath} chose another path. */
  public String telemetryPath() {
    return telemetryPath;
  }

  /** A builder: every plugin on the class path, port 7091, all interfaces. */
  public static Builder builder() {
    return new Builder();
  }

  /** The port listened on; the one chosen when built with port 0. */
  public int port() {
    return server.port();
  }

  /** The address listened on. */
  public InetSocketAddress address() {
    return server.address();
  }

  /** Whether the endpoint speaks TLS (a web config with {@code tls_server_config}). */
  public boolean secure() {
    return server.secure();
  }

  /**
   * The registry for the application's own metrics (neuron requests, chain registration):
   * served on every scrape beside the collectors, under the same deadline and name checks.
   */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** The plugins this exporter knows of, including those that are off. */
  public PluginCatalog catalog() {
    return catalog;
  }

  /** Every known plugin with its state, in catalog order. */
  public List<CollectorStatus> collectors() {
    Map<String, CollectorHealth> health = isolating.health();
    List<CollectorStatus> statuses = new ArrayList<>();
    for (Map.Entry<String, CollectorPlugin> entry : catalog.byName().entrySet()) {
      String name = entry.getKey();
      CollectorPlugin plugin = entry.getValue();
      CollectorHealth h = health.get(name);
      statuses.add(new CollectorStatus(
          name,
          descriptions.get(name),
          enabled.get(name),
          catalog.availability(plugin, config),
          h == null ? Optional.empty() : h.lastSuccess(),
          h == null ? Optional.empty() : h.lastDuration(),
          h == null ? Optional.empty() : h.lastError()));
    }
    return statuses;
  }

  /** True once every enabled collector has been built or has failed to build. */
  public boolean ready() {
    return isolating.ready();
  }

  /** Waits until {@link #ready()}, at most {@code timeout}; returns whether it is. */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return isolating.awaitReady(timeout);
  }

  /**
   * The families served besides those of the collectors {@code collectors} leaves out, without
   * their series, with who yields each: the exporter's own series, the application registry's,
   * and each included collector's from its last successful collection (one not yet collected is
   * collected once first). For a source of outside families that must not take a name another
   * serves; the push route checks each push against {@code knownFamilies(name -> !name.equals("push"))}.
   */
  public List<KnownFamily> knownFamilies(Predicate<String> collectors) {
    return isolating.knownFamilies(Objects.requireNonNull(collectors, "collectors"));
  }

  /** One scrape of every enabled collector and the registry, as {@code /metrics} would serve it. */
  public MetricSnapshots scrape() {
    return isolating.scrape(ScrapeRequest.all(scrapeTimeout));
  }

  /** Stops the server and the collectors, and closes collectors that are {@link AutoCloseable}. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.close();
      isolating.close();
    }
  }

  @Override
  public String toString() {
    return "TaoPromExporter[" + server.address() + "]";
  }

  private final class Site implements ExporterSite {
    @Override
    public MetricSnapshots scrape(ScrapeRequest request) {
      return isolating.scrape(request);
    }

    @Override
    public boolean ready() {
      return isolating.ready();
    }

    @Override
    public String landingPage() {
      return LandingPage.render(build, telemetryPath, collectors(), catalog.failures(), ready());
    }

    @Override
    public String telemetryPath() {
      return telemetryPath;
    }

    @Override
    public Map<String, String> collectorSelection() {
      return selection;
    }
  }

  /** Chooses plugins, address and options; {@link #buildAndStart()} binds and serves. */
  public static final class Builder {
    private String host;
    private int port = DEFAULT_PORT;
    private PluginCatalog catalog;
    private final List<CollectorPlugin> added = new ArrayList<>();
    private final Map<String, Boolean> switches = new LinkedHashMap<>();
    private boolean disableDefaults;
    private CollectorConfig config = CollectorConfig.empty();
    private PrometheusRegistry registry;
    private Duration scrapeTimeout = IsolatingCollector.DEFAULT_TIMEOUT;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, Route> prefixRoutes = new LinkedHashMap<>();
    private HttpLimits limits = HttpLimits.DEFAULTS;
    private WebConfigFile web;
    private String telemetryPath = TelemetryPath.DEFAULT;

    private Builder() {}

    /**
     * Serves the scrapes at {@code path} instead of {@code /metrics} (node_exporter's
     * {@code --web.telemetry-path}); {@code /}, {@code /-/healthy} and {@code /-/ready} stay.
     *
     * @throws IllegalArgumentException when the path is not one {@link TelemetryPath} accepts
     */
    public Builder telemetryPath(String path) {
      this.telemetryPath = TelemetryPath.check(path);
      return this;
    }

    /** The address to listen on: an IP address or host name; null, empty or {@code *} for every interface (the default). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** The port; 0 picks a free one (see {@link TaoPromExporter#port()}). Default 7091. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is out of range; use 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /** The plugins to choose from; by default those discovered on the context class loader. */
    public Builder catalog(PluginCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /** Adds a plugin beside the catalog's, and enables it. */
    public Builder plugin(CollectorPlugin plugin) {
      added.add(Objects.requireNonNull(plugin, "plugin"));
      switches.put(plugin.name(), true);
      return this;
    }

    /** Turns a collector on ({@code --collector.NAME}); the last of enable/disable for a name wins. */
    public Builder enable(String name) {
      switches.put(Objects.requireNonNull(name, "name"), true);
      return this;
    }

    /** Turns a collector off ({@code --no-collector.NAME}). */
    public Builder disable(String name) {
      switches.put(Objects.requireNonNull(name, "name"), false);
      return this;
    }

    /** Only collectors named with {@link #enable} run ({@code --collector.disable-defaults}). */
    public Builder disableDefaults() {
      this.disableDefaults = true;
      return this;
    }

    /** The plugin options ({@code textfile.directory}, ...), handed to every plugin's {@code create}. */
    public Builder config(CollectorConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Serve the application metrics of this registry instead of a fresh one. */
    public Builder registry(PrometheusRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * Also serves {@code handler} at exactly {@code path} (GET and HEAD; an exception becomes a
     * 500 and the server keeps serving). For pages beside {@code /metrics}, such as the CLI's
     * service-discovery endpoint: {@code builder.route("/sd", sd.handler())}.
     */
    public Builder route(String path, Route handler) {
      routes.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * Also serves {@code handler} at every path that starts with {@code prefix}, with the methods
     * the handler names ({@link Route#methods()}): for an API under a path, such as the push API's
     * {@code builder.routePrefix("/metrics/job", push.route(...))}. A route at an exact path, or
     * under a longer prefix, wins.
     */
    public Builder routePrefix(String prefix, Route handler) {
      prefixRoutes.put(Objects.requireNonNull(prefix, "prefix"), Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /**
     * The bounds on clients: read-header and idle timeouts, connections, request size, worker
     * threads ({@link HttpLimits#DEFAULTS} unless set).
     */
    public Builder httpLimits(HttpLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Serves with the TLS, basic auth, headers and rate limit of a web config file, as node_exporter's
     * {@code --web.config.file}, and follows changes to the file while serving (a change that makes
     * it invalid is logged and the last good one kept).
     *
     * <pre>{@code
     * builder.webConfig(WebConfigFile.load(Path.of("/etc/taoprom/web.yml")));
     * }</pre>
     */
    public Builder webConfig(WebConfigFile web) {
      this.web = Objects.requireNonNull(web, "web");
      return this;
    }

    /** The collectors' deadline when Prometheus sends no scrape timeout header; 10 s unless set. */
    public Builder scrapeTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("scrape timeout must be positive: " + timeout);
      }
      this.scrapeTimeout = timeout;
      return this;
    }

    /**
     * Binds the address, starts serving, and starts building the enabled collectors in the
     * background.
     *
     * @throws ExporterStartException when the address cannot be resolved or bound (one line)
     * @throws IllegalArgumentException when enable/disable names an unknown collector, or an
     *     added plugin's name is taken
     * @throws IllegalStateException when the class path holds an older client_java than TaoProm's
     *     (a BOM imported before {@code taoprom-bom} pinned it), naming the fix
     */
    public TaoPromExporter buildAndStart() throws ExporterStartException {
      ClientJavaVersions.check(TaoPromExporter.class.getClassLoader());
      PluginCatalog base = catalog != null ? catalog : PluginCatalog.discover(defaultLoader());
      PluginCatalog chosen = added.isEmpty() ? base : base.plus(added);
      Map<String, Boolean> enabled = new LinkedHashMap<>();
      for (Map.Entry<String, CollectorPlugin> entry : chosen.byName().entrySet()) {
        enabled.put(entry.getKey(), !disableDefaults && enabledByDefault(entry.getValue()));
      }
      for (Map.Entry<String, Boolean> entry : switches.entrySet()) {
        if (!enabled.containsKey(entry.getKey())) {
          throw new IllegalArgumentException(unknownCollector(entry.getKey(), chosen));
        }
        enabled.put(entry.getKey(), entry.getValue());
      }
      chosen.failures().forEach(line -> LOG.log(Level.WARNING, "collector plugin not loaded: " + line));
      for (Map.Entry<String, CollectorPlugin> entry : chosen.byName().entrySet()) {
        Availability availability = chosen.availability(entry.getValue(), config);
        if (Boolean.TRUE.equals(switches.get(entry.getKey())) && !availability.available()) {
          LOG.log(Level.WARNING, "collector \"" + entry.getKey() + "\" was asked for but is unavailable: " + availability.reason());
        }
      }
      InetSocketAddress address = ListenAddresses.resolve(host, port);
      MetricsServer server;
      try {
        server = MetricsServer.bind(address, limits, web);
      } catch (IOException | RuntimeException e) {
        throw new ExporterStartException(ListenAddresses.bindFailure(e, host, port), e);
      }
      TaoPromExporter exporter;
      try {
        routes.forEach(server::route);
        if (routes.containsKey(telemetryPath)) {
          throw new IllegalArgumentException("the telemetry path " + telemetryPath + " is also a route's; choose another");
        }
        prefixRoutes.forEach(server::routePrefix);
        exporter = new TaoPromExporter(this, chosen, Collections.unmodifiableMap(enabled), server);
        server.start(exporter.new Site(), scrapeTimeout);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return exporter;
    }

    private static boolean enabledByDefault(CollectorPlugin plugin) {
      try {
        return plugin.enabledByDefault();
      } catch (RuntimeException | LinkageError e) {
        return false; // answered at discovery; a plugin that now throws is not trusted to run by default
      }
    }

    private static ClassLoader defaultLoader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : TaoPromExporter.class.getClassLoader();
    }

    private static String unknownCollector(String name, PluginCatalog catalog) {
      String known = catalog.plugins().isEmpty() ? "none" : String.join(", ", catalog.names());
      String message = "unknown collector \"" + name + "\"; known collectors: " + known;
      if (!catalog.failures().isEmpty()) {
        message += " (" + catalog.failures().size() + " plugin(s) could not be loaded: " + catalog.failures().get(0) + ")";
      }
      return message;
    }
  }
}
