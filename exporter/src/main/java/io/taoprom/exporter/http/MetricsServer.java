package io.taoprom.exporter.http;

import io.taoprom.exporter.web.AccessPolicy;
import io.taoprom.exporter.web.PasswordChecks;
import io.taoprom.exporter.web.WebConfigException;
import io.taoprom.exporter.web.WebConfigFile;
import io.taoprom.exporter.web.WebConfigWatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The HTTP side of the exporter, on Jetty 12's core API (no servlets):
 *
 * <ul>
 *   <li>{@code /metrics} — the scrape ({@link MetricsEndpoint});
 *   <li>{@code /-/healthy} — 200 {@code OK} while the server runs;
 *   <li>{@code /-/ready} — 200 {@code OK} once the collectors are built, 503 before;
 *   <li>{@code /} — the landing page; and the {@link #route routes} and {@link #routePrefix
 *       prefix routes} added.
 * </ul>
 *
 * <p>Jetty rather than the JDK's server because a client that sends part of a request holds no
 * thread here, only a connection, and connections are bounded and timed out
 * ({@link HttpLimits}); docs/design.md has the measurements. With a web config it serves TLS,
 * basic auth and the configured headers, and follows changes to the file. A handler that throws
 * unexpectedly answers 500 with a short body and logs the error once (then at most once a
 * minute); the server keeps serving.
 *
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.bind(new InetSocketAddress(0), HttpLimits.DEFAULTS, null)) {
 *   server.start(site, Duration.ofSeconds(10));
 *   System.out.println("http://localhost:" + server.port() + "/metrics");
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {

  /** How often the web config and the files it names are looked at for changes. */
  static final Duration WEB_CONFIG_POLL = Duration.ofSeconds(1);

  static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

  static {
    // Without this property Jetty's MemoryUtils starts the platform MBean server (JMX, JFR's
    // commands, locale data: about 0.15 s of start-up here) to learn whether object references are
    // compressed, for nothing but padding. They are below a 32 GiB heap: 64-byte lines, 4-byte refs.
    if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
      System.setProperty(REFERENCES_PER_CACHE_LINE, Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
    }
  }

  private final Server server;
  private final Scheduler scheduler;
  private final Duration writeTimeout;
  private final Duration bodyTimeout;
  private final ServerConnector connector;
  private final HeaderDeadline deadline;
  private final TlsConnectorFactory tls;
  private final PasswordChecks checks = new PasswordChecks();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, Route> prefixRoutes = new ConcurrentHashMap<>();
  private final WebConfigFile initialWeb;
  private volatile AccessPolicy policy;
  private WebConfigWatcher watcher;
  private boolean started;

  private MetricsServer(Server server, Scheduler scheduler, HttpLimits limits, ServerConnector connector,
      HeaderDeadline deadline, TlsConnectorFactory tls, WebConfigFile web) {
    this.server = server;
    this.scheduler = scheduler;
    this.writeTimeout = limits.writeTimeout();
    // A request body a route reads (a push) gets as long as a request header does.
    this.bodyTimeout = limits.readHeaderTimeout();
    this.connector = connector;
    this.deadline = deadline;
    this.tls = tls;
    this.initialWeb = web;
    this.policy = web == null ? AccessPolicy.OPEN : AccessPolicy.of(web.config(), checks);
  }

  /**
   * Initialises, on a daemon thread of its own, the Jetty classes whose start-up work is heaviest
   * (the MIME table asks the JDK for every available locale: about 75 ms here), so that a caller
   * who will bind soon can have that happen while it parses its command line. Harmless to skip.
   */
  public static void warmUp() {
    Thread warm = new Thread(() -> {
      try {
        Class.forName("org.eclipse.jetty.http.MimeTypes", true, MetricsServer.class.getClassLoader());
        new HttpConfiguration();
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        // only a head start: binding does the same work if this failed
      }
    }, "taoprom-http-warm-up");
    warm.setDaemon(true);
    warm.start();
  }

  /** {@link #bind(InetSocketAddress, HttpLimits, WebConfigFile)} with the default limits, plain HTTP. */
  public static MetricsServer bind(InetSocketAddress address) throws IOException {
    return bind(address, HttpLimits.DEFAULTS, null);
  }

  /**
   * Binds {@code address} (port 0: any free port) without serving yet, so that a caller learns of
   * a port in use before it starts anything else.
   *
   * @param web the web config (TLS, basic auth, headers), or null for plain HTTP without auth
   * @throws IOException when the address cannot be bound ({@link java.net.BindException} as the
   *     cause for a port in use or an address not on this machine)
   */
  public static MetricsServer bind(InetSocketAddress address, HttpLimits limits, WebConfigFile web) throws IOException {
    Objects.requireNonNull(limits, "limits");
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 2, 60_000);
    threads.setName("taoprom-http");
    threads.setDaemon(true);
    threads.setReservedThreads(0);
    ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler("taoprom-http-timer", true);
    // Heap buffers, few of them kept: bounded by -Xmx, and no direct memory retained outside it.
    ArrayByteBufferPool buffers = new ArrayByteBufferPool(0, 4096, 65536, 32, 4L << 20, 1L << 20);
    Server server = new Server(threads, scheduler, buffers);
    server.setStopTimeout(0);

    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setSendDateHeader(true);
    http.setUseInputDirectByteBuffers(false);
    http.setUseOutputDirectByteBuffers(false);
    HttpConnectionFactory plain = new HttpConnectionFactory(http);
    TlsConnectorFactory tls = null;
    ServerConnector connector;
    if (web != null && web.tls().isPresent()) {
      tls = new TlsConnectorFactory(web.tls().get());
      connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, plain.getProtocol()), plain);
    } else {
      connector = new ServerConnector(server, 1, 1, plain);
    }
    boolean wildcard = address.getAddress() == null || address.getAddress().isAnyLocalAddress();
    connector.setHost(wildcard ? null : address.getAddress().getHostAddress());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.idleTimeout().toMillis());
    connector.setAcceptQueueSize(256);
    connector.setReuseAddress(true);
    HeaderDeadline deadline = new HeaderDeadline(limits.readHeaderTimeout(), scheduler, threads);
    connector.addBean(deadline);
    server.addConnector(connector);

    // At the limit Jetty stops accepting, and closes connections idle for busyIdleTimeout.
    NetworkConnectionLimit limit = new NetworkConnectionLimit(connectionBound(limits.maxConnections()), connector);
    limit.setEndPointIdleTimeout(limits.busyIdleTimeout().toMillis());
    server.addBean(limit);
    server.setErrorHandler(new PlainErrorHandler(limits.maxRequestHeaderBytes()));
    connector.open();
    return new MetricsServer(server, scheduler, limits, connector, deadline, tls, web);
  }

  /**
   * {@code configured}, or less where the process may not open that many files: a connection is
   * a file descriptor, and an accept that fails for want of one fails again at once. A reserve of
   * 256 is left for the JVM, the jars and the collectors.
   */
  static int connectionBound(int configured) {
    long files = openFileLimit();
    return files > 0 && files - 256 < configured ? (int) Math.max(16, files - 256) : configured;
  }

  // /proc/self/limits rather than the management beans, whose classes cost start-up time.
  private static long openFileLimit() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
          return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable: no bound from here
    }
    return -1;
  }

  /**
   * Starts answering requests for {@code site}.
   *
   * @param defaultTimeout the collectors' deadline when Prometheus sends no timeout header
   */
  public synchronized void start(ExporterSite site, Duration defaultTimeout) {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    Router router = new Router(site, defaultTimeout, routes, prefixRoutes, () -> policy);
    server.setHandler(new SiteHandler(router, scheduler, writeTimeout, bodyTimeout));
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("the HTTP server did not start: " + e, e);
    }
    if (initialWeb != null) {
      watcher = WebConfigWatcher.start(initialWeb, this::apply, WEB_CONFIG_POLL);
    }
  }

  /**
   * Serves {@code handler} at exactly {@code path} (e.g. the CLI's {@code /sd}), with the handler's
   * {@link Route#methods() methods} (GET and HEAD unless it says otherwise), and the same auth and
   * 500-on-error guard as the built-in pages. Built-in paths cannot be replaced.
   */
  public void route(String path, Route handler) {
    if (!path.startsWith("/") || path.equals("/") || path.equals("/metrics") || path.startsWith("/-/")) {
      throw new IllegalArgumentException("cannot add a route at " + path + "; choose a path of your own, such as /sd");
    }
    if (routes.putIfAbsent(path, Objects.requireNonNull(handler, "handler")) != null) {
      throw new IllegalArgumentException("a route at " + path + " exists already");
    }
  }

  /**
   * Serves {@code handler} at every path that starts with {@code prefix} (the push API's
   * {@code /metrics/job}), with the handler's {@link Route#methods() methods}, auth and the
   * 500-on-error guard. A route at an exact path, and a longer prefix, win over it; built-in paths
   * cannot be taken.
   */
  public void routePrefix(String prefix, Route handler) {
    if (!prefix.startsWith("/") || "/metrics".startsWith(prefix) || prefix.startsWith("/-/") || "/-/".startsWith(prefix)) {
      throw new IllegalArgumentException("cannot add a route under " + prefix
          + "; choose a prefix that no built-in path starts with, such as /metrics/job");
    }
    if (prefixRoutes.putIfAbsent(prefix, Objects.requireNonNull(handler, "handler")) != null) {
      throw new IllegalArgumentException("a route under " + prefix + " exists already");
    }
  }

  /**
   * Takes a changed web config into use: new connections get its TLS settings, every request from
   * now on its users, headers and rate limit.
   *
   * @throws WebConfigException when it turns TLS on or off, which needs a restart
   */
  public void apply(WebConfigFile next) throws WebConfigException {
    boolean nextTls = next.tls().isPresent();
    if (nextTls != (tls != null)) {
      throw new WebConfigException(next.path() + ": tls_server_config " + (nextTls ? "was added" : "was removed")
          + "; turning TLS on or off needs a restart of taoprom");
    }
    AccessPolicy nextPolicy = AccessPolicy.of(next.config(), checks);
    if (tls != null) {
      try {
        tls.replace(next.tls().get());
      } catch (Exception e) {
        throw new WebConfigException(next.path() + ": tls_server_config: the new TLS settings cannot be used ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    policy = nextPolicy;
  }

  /** Whether this server speaks TLS. */
  public boolean secure() {
    return tls != null;
  }

  /** The port listened on; the chosen one when started with port 0. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The address listened on. */
  public InetSocketAddress address() {
    String host = connector.getHost();
    return host == null ? new InetSocketAddress(port()) : new InetSocketAddress(host, port());
  }

  /** Connections closed so far because their request header did not arrive in time. */
  public long slowHeaderCloses() {
    return deadline.closedConnections();
  }

  /** Stops listening at once and ends the server's threads. */
  @Override
  public void close() {
    if (watcher != null) {
      watcher.close();
    }
    try {
      server.stop();
    } catch (Exception e) {
      // stopping at once: connections are dropped, nothing to report
    }
    connector.close();
  }
}
