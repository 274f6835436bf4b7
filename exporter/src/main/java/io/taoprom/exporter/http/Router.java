package io.taoprom.exporter.http;

import io.taoprom.exporter.scrape.Failures;
import io.taoprom.exporter.web.AccessPolicy;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What every request goes through, whatever server carries it: the web config's policy (rate
 * limit, headers, basic auth), the method check (GET and HEAD, or a route's own methods), the
 * routes (exact paths first, then the longest prefix), and the guard that turns an unexpected
 * error into a short 500 logged once a minute at most.
 */
final class Router {

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter.http");
  private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

  private final ExporterSite site;
  private final MetricsEndpoint metrics;
  private final String telemetryPath;
  private final Map<String, Route> routes;
  private final Map<String, Route> prefixRoutes;
  private final Supplier<AccessPolicy> policy;
  private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  Router(ExporterSite site, Duration defaultTimeout, Map<String, Route> routes, Supplier<AccessPolicy> policy) {
    this(site, defaultTimeout, routes, Map.of(), policy);
  }

  /**
   * @param routes routes at exactly their path
   * @param prefixRoutes routes at every path that starts with their key
   */
  Router(ExporterSite site, Duration defaultTimeout, Map<String, Route> routes, Map<String, Route> prefixRoutes,
      Supplier<AccessPolicy> policy) {
    this.site = site;
    this.metrics = new MetricsEndpoint(site, defaultTimeout);
    this.telemetryPath = site.telemetryPath();
    this.routes = routes;
    this.prefixRoutes = prefixRoutes;
    this.policy = policy;
  }

  /**
   * Answers one request.
   *
   * @throws IOException only when writing to the client failed (it went away); nothing to answer then
   */
  void serve(Exchange exchange) throws IOException {
    String path = exchange.path();
    try {
      if (admitted(exchange)) {
        dispatch(exchange, path);
      }
    } catch (IOException e) {
      throw e;
    } catch (Throwable t) { // NOPMD: a handler error must become a 500, never a dead server thread
      failed(exchange, path, t);
    }
  }

  private boolean admitted(Exchange exchange) throws IOException {
    AccessPolicy p = policy.get();
    if (!p.admit()) {
      Responses.line(exchange, 429, "too many requests; the web config's rate_limit allows fewer");
      return false;
    }
    p.headers().forEach(exchange::setHeader);
    switch (p.authenticate(exchange.header("Authorization"))) {
      case ALLOWED:
        return true;
      case BUSY:
        exchange.setHeader("Retry-After", "1");
        Responses.line(exchange, 503, "too many password checks under way; try again");
        return false;
      default:
        exchange.setHeader("WWW-Authenticate", "Basic");
        Responses.line(exchange, 401, "401 Unauthorized");
        return false;
    }
  }

  private void dispatch(Exchange exchange, String path) throws IOException {
    String method = exchange.method();
    Route route = routeAt(path);
    if (route != null) {
      Set<String> methods = route.methods();
      if (methods.contains(method) || method.equals("HEAD") && methods.contains("GET")) {
        serveRoute(exchange, route, path);
      } else {
        String allowed = allowed(methods);
        exchange.setHeader("Allow", allowed);
        Responses.line(exchange, 405, "method " + Excerpt.of(method, 20) + " not allowed at this path; use " + allowed);
      }
      return;
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.setHeader("Allow", "GET, HEAD");
      Responses.line(exchange, 405, "method " + Excerpt.of(method, 20) + " not allowed; use GET");
      return;
    }
    if (path.equals(telemetryPath)) {
      metrics.handle(exchange);
      return;
    }
    switch (path) {
      case "/-/healthy" -> Responses.text(exchange, 200, "OK");
      case "/-/ready" -> {
        if (site.ready()) {
          Responses.text(exchange, 200, "OK");
        } else {
          Responses.line(exchange, 503, "not ready: collectors are still starting");
        }
      }
      case "/" -> Responses.html(exchange, 200, site.landingPage());
      default -> Responses.line(exchange, 404, "not found; the metrics are at " + telemetryPath);
    }
  }

  /** The route at {@code path}: its exact route, else the one of the longest prefix; null when none (or a built-in page). */
  private Route routeAt(String path) {
    if (path.equals(telemetryPath) || path.equals("/") || path.startsWith("/-/")) {
      return null;
    }
    Route exact = routes.get(path);
    if (exact != null) {
      return exact;
    }
    Route found = null;
    int longest = -1;
    for (Map.Entry<String, Route> entry : prefixRoutes.entrySet()) {
      String prefix = entry.getKey();
      if (prefix.length() > longest && path.startsWith(prefix)) {
        found = entry.getValue();
        longest = prefix.length();
      }
    }
    return found;
  }

  /** {@code GET, HEAD} or {@code DELETE, POST, PUT}: a route's methods for {@code Allow}, HEAD with GET. */
  static String allowed(Set<String> methods) {
    Set<String> all = new TreeSet<>(methods);
    if (all.contains("GET")) {
      all.add("HEAD");
    }
    return String.join(", ", all);
  }

  private static void serveRoute(Exchange exchange, Route route, String path) throws IOException {
    InetAddress remote = exchange.remoteAddress();
    RouteResponse answer = route.handle(new RouteRequest(exchange.method(), path, exchange.rawPath(),
        Optional.ofNullable(exchange.rawQuery()), exchange.allHeaders(), Optional.ofNullable(remote), exchange::body));
    answer.headers().forEach(exchange::setHeader);
    exchange.send(answer.status(), answer.contentType(), answer.body());
  }

  private void failed(Exchange exchange, String path, Throwable t) {
    String where = Excerpt.of(path, 80);
    String key = where + " " + t.getClass().getName();
    long now = System.nanoTime();
    Long previous = lastLogged.get(key);
    if (previous == null) {
      LOG.log(Level.ERROR, "unexpected error serving " + where + ": " + Failures.oneLine(t), t);
      lastLogged.put(key, now);
    } else if (now - previous > LOG_INTERVAL_NANOS) {
      LOG.log(Level.ERROR, "unexpected error serving " + where + " (again): " + Failures.oneLine(t));
      lastLogged.put(key, now);
    }
    if (!exchange.committed()) {
      try {
        Responses.line(exchange, 500, "internal error serving " + where + ": " + t.getClass().getSimpleName()
            + " (see the exporter's log)");
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.DEBUG, "could not send the 500 answer: " + Failures.oneLine(e));
      }
    }
  }
}
