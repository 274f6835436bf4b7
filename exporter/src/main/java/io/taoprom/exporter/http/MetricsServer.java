package io.taoprom.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.taoprom.exporter.scrape.Failures;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the exporter, on the JDK's built-in server:
 *
 * <ul>
 *   <li>{@code /metrics} — the scrape ({@link MetricsEndpoint});
 *   <li>{@code /-/healthy} — 200 {@code OK} while the server runs;
 *   <li>{@code /-/ready} — 200 {@code OK} once the collectors are built, 503 before;
 *   <li>{@code /} — the landing page.
 * </ul>
 *
 * <p>The JDK server rather than client_java's {@code HTTPServer}, because the latter's scrape
 * handler sees neither the request headers (the scrape timeout) nor a way to answer 400 for a
 * bad {@code collect[]}; the exposition writers are client_java's all the same. A handler that
 * throws unexpectedly answers 500 with a short body and logs the error once (then at most
 * once a minute); the server keeps serving.
 *
 * <pre>{@code
 * try (MetricsServer server = MetricsServer.bind(new InetSocketAddress(0))) {
 *   server.start(site, Duration.ofSeconds(10));
 *   System.out.println("http://localhost:" + server.port() + "/metrics");
 * }
 * }</pre>
 */
public final class MetricsServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter.http");
  private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
  // Scrapes wait on collectors; a few threads let two Prometheus servers and a browser in at once.
  // -Dtaoprom.http.threads=N: the tuned-JDK-server candidate measured for docs/design.md.
  private static final int THREADS = Integer.getInteger("taoprom.http.threads", 4);
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  private final HttpServer server;
  private final ExecutorService executor;
  private volatile ExporterSite site;
  private volatile MetricsEndpoint metrics;
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();
  private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address} (port 0: any free port) without serving yet, so that a caller
   * learns of a port in use before it starts anything else.
   *
   * @throws IOException when the address cannot be bound ({@link java.net.BindException} for a
   *     port in use or an address not on this machine)
   */
  public static MetricsServer bind(InetSocketAddress address) throws IOException {
    // The JDK server leaves Nagle's algorithm on unless told otherwise, and with a chunked
    // answer that costs a delayed-ACK wait (about 40 ms) on every scrape. The property is read
    // once, when the JDK server's configuration loads, hence before the first server.
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
    HttpServer server = HttpServer.create(address, 0);
    AtomicInteger count = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
      Thread thread = new Thread(runnable, "taoprom-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    return new MetricsServer(server, executor);
  }

  /**
   * Starts answering requests for {@code site}.
   *
   * @param defaultTimeout the collectors' deadline when Prometheus sends no timeout header
   */
  public void start(ExporterSite site, Duration defaultTimeout) {
    if (this.site != null) {
      throw new IllegalStateException("already started");
    }
    this.site = site;
    this.metrics = new MetricsEndpoint(site, defaultTimeout);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Serves {@code handler} at exactly {@code path} (e.g. the CLI's {@code /sd}), with the same
   * GET/HEAD check and the same 500-on-error guard as the built-in pages. Built-in paths cannot
   * be replaced.
   */
  public void route(String path, HttpHandler handler) {
    if (!path.startsWith("/") || path.equals("/") || path.equals("/metrics") || path.startsWith("/-/")) {
      throw new IllegalArgumentException("cannot add a route at " + path + "; choose a path of your own, such as /sd");
    }
    if (routes.putIfAbsent(path, java.util.Objects.requireNonNull(handler, "handler")) != null) {
      throw new IllegalArgumentException("a route at " + path + " exists already");
    }
  }

  /** The port listened on; the chosen one when started with port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The address listened on. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops listening at once and ends the server's threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    try {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.line(exchange, 405, "method " + method + " not allowed; use GET");
        return;
      }
      switch (path) {
        case "/metrics":
          metrics.handle(exchange);
          break;
        case "/-/healthy":
          Responses.text(exchange, 200, "OK");
          break;
        case "/-/ready":
          if (site.ready()) {
            Responses.text(exchange, 200, "OK");
          } else {
            Responses.line(exchange, 503, "not ready: collectors are still starting");
          }
          break;
        case "/":
          Responses.html(exchange, 200, site.landingPage());
          break;
        default:
          HttpHandler route = routes.get(path);
          if (route != null) {
            route.handle(exchange);
          } else {
            Responses.line(exchange, 404, "not found; the metrics are at /metrics");
          }
      }
    } catch (IOException e) {
      // The client went away mid-answer; nothing to tell anyone.
      LOG.log(Level.DEBUG, "writing the answer to " + path + " failed: " + Failures.oneLine(e));
    } catch (Throwable t) { // NOPMD: a handler error must become a 500, never a dead server thread
      failed(exchange, path, t);
    } finally {
      exchange.close();
    }
  }

  private void failed(HttpExchange exchange, String path, Throwable t) {
    String key = path + " " + t.getClass().getName();
    long now = System.nanoTime();
    Long previous = lastLogged.get(key);
    if (previous == null) {
      LOG.log(Level.ERROR, "unexpected error serving " + path + ": " + Failures.oneLine(t), t);
      lastLogged.put(key, now);
    } else if (now - previous > LOG_INTERVAL_NANOS) {
      LOG.log(Level.ERROR, "unexpected error serving " + path + " (again): " + Failures.oneLine(t));
      lastLogged.put(key, now);
    }
    if (exchange.getResponseCode() == -1) {
      try {
        Responses.line(exchange, 500, "internal error serving " + path + ": " + t.getClass().getSimpleName() + " (see the exporter's log)");
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.DEBUG, "could not send the 500 answer: " + Failures.oneLine(e));
      }
    }
  }
}
