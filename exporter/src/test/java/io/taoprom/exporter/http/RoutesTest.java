package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.ScrapeRequest;
import io.taoprom.exporter.web.WebConfigFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Routes beside the built-in pages: exact and prefix routes, the methods each takes, what a route
 * learns of a request (raw path, client address, body), and the deadline on a body it reads.
 */
class RoutesTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** A site with nothing to scrape, always ready. */
  private static final ExporterSite SITE = new ExporterSite() {
    @Override
    public MetricSnapshots scrape(ScrapeRequest request) {
      return MetricSnapshots.of();
    }

    @Override
    public boolean ready() {
      return true;
    }

    @Override
    public String landingPage() {
      return "<html></html>";
    }

    @Override
    public Map<String, String> collectorSelection() {
      return Map.of();
    }
  };

  /** A PUT/POST/DELETE route that echoes what it learned. */
  private static final class Echo implements Route {
    final AtomicReference<RouteRequest> last = new AtomicReference<>();

    @Override
    public Set<String> methods() {
      return Set.of("PUT", "POST", "DELETE");
    }

    @Override
    public RouteResponse handle(RouteRequest request) throws IOException {
      last.set(request);
      byte[] body;
      try (InputStream in = request.body().open()) {
        body = in.readNBytes(1 << 16);
      }
      return RouteResponse.text(201, request.method() + " " + request.rawPath() + " " + request.path() + " from "
          + request.remoteAddress().map(InetAddress::getHostAddress).orElse("?") + ": " + new String(body, StandardCharsets.UTF_8));
    }
  }

  private static MetricsServer start(HttpLimits limits) throws IOException {
    MetricsServer server = MetricsServer.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), limits, null);
    return server;
  }

  private static HttpResponse<String> send(int port, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPrefixRouteGetsItsMethodsTheRawPathTheClientAndTheBody() throws Exception {
    Echo echo = new Echo();
    try (MetricsServer server = start(HttpLimits.DEFAULTS)) {
      server.routePrefix("/metrics/job", echo);
      server.start(SITE, Duration.ofSeconds(5));

      HttpResponse<String> put = send(server.port(), "PUT", "/metrics/job/a%20b/x/./1", "x 1\n");
      assertThat(put.statusCode()).isEqualTo(201);
      assertThat(put.body()).isEqualTo("PUT /metrics/job/a%20b/x/./1 /metrics/job/a%20b/x/1 from 127.0.0.1: x 1\n");
      assertThat(echo.last.get().header("Content-Length")).contains("4");

      HttpResponse<String> get = send(server.port(), "GET", "/metrics/job/a", null);
      assertThat(get.statusCode()).isEqualTo(405);
      assertThat(get.headers().firstValue("Allow")).contains("DELETE, POST, PUT");
      assertThat(get.body()).isEqualTo("method GET not allowed at this path; use DELETE, POST, PUT\n");

      assertThat(send(server.port(), "GET", "/metrics", null).statusCode()).isEqualTo(200);
      assertThat(send(server.port(), "PUT", "/metrics", "x").statusCode()).isEqualTo(405);
      assertThat(send(server.port(), "DELETE", "/metrics/job@base64/YQ", null).body()).startsWith("DELETE /metrics/job@base64/YQ ");
    }
  }

  @Test
  void anExactRouteThenTheLongestPrefixWinsAndGetRoutesAnswerHeadButNotPost() throws Exception {
    try (MetricsServer server = start(HttpLimits.DEFAULTS)) {
      server.route("/api/exact", request -> RouteResponse.text(200, "exact\n"));
      server.routePrefix("/api", request -> RouteResponse.text(200, "short\n"));
      server.routePrefix("/api/long", request -> RouteResponse.text(200, "long\n"));
      server.start(SITE, Duration.ofSeconds(5));

      assertThat(send(server.port(), "GET", "/api/exact", null).body()).isEqualTo("exact\n");
      assertThat(send(server.port(), "GET", "/api/longer/x", null).body()).isEqualTo("long\n");
      assertThat(send(server.port(), "GET", "/api/other", null).body()).isEqualTo("short\n");
      HttpResponse<String> head = send(server.port(), "HEAD", "/api/exact", null);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      HttpResponse<String> post = send(server.port(), "POST", "/api/exact", "x");
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }
  }

  @Test
  void builtInPathsCannotBeTakenByAPrefix() throws Exception {
    try (MetricsServer server = start(HttpLimits.DEFAULTS)) {
      for (String prefix : new String[] {"/", "/metric", "/metrics", "/-", "/-/x", "sd"}) {
        assertThatThrownBy(() -> server.routePrefix(prefix, request -> RouteResponse.text(200, "no\n"))).as(prefix)
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot add a route under");
      }
      server.routePrefix("/metrics/job", request -> RouteResponse.text(200, "yes\n"));
      assertThatThrownBy(() -> server.routePrefix("/metrics/job", request -> RouteResponse.text(200, "again\n")))
          .hasMessage("a route under /metrics/job exists already");
    }
  }

  @Test
  void theWebConfigsBasicAuthCoversPrefixRoutesBeforeTheyReadAnything(@TempDir Path dir) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  neuron: " + OpenBSDBCrypt.generate("2y", "secret".toCharArray(), salt, 4) + "\n");
    Echo echo = new Echo();
    try (MetricsServer server = MetricsServer.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0),
        HttpLimits.DEFAULTS, WebConfigFile.load(web))) {
      server.routePrefix("/metrics/job", echo);
      server.start(SITE, Duration.ofSeconds(5));

      HttpResponse<String> anonymous = send(server.port(), "PUT", "/metrics/job/a", "x 1\n");
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Basic");
      assertThat(echo.last.get()).isNull();

      String credentials = Base64.getEncoder().encodeToString("neuron:secret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> authenticated = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
          + "/metrics/job/a")).header("Authorization", "Basic " + credentials)
          .PUT(HttpRequest.BodyPublishers.ofString("x 1\n")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(authenticated.statusCode()).isEqualTo(201);
      assertThat(authenticated.body()).isEqualTo("PUT /metrics/job/a /metrics/job/a from 127.0.0.1: x 1\n");
    }
  }

  @Test
  void aBodyThatDoesNotArriveInTimeClosesTheConnectionAndTheServerKeepsServing() throws Exception {
    Echo echo = new Echo();
    try (MetricsServer server = start(HttpLimits.DEFAULTS.withReadHeaderTimeout(Duration.ofMillis(500)))) {
      server.routePrefix("/metrics/job", echo);
      server.start(SITE, Duration.ofSeconds(5));

      long start = System.nanoTime();
      try (Socket socket = new Socket("127.0.0.1", server.port())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("PUT /metrics/job/slow HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten.")
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        byte[] answer = socket.getInputStream().readAllBytes(); // returns once the server closes
        assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("201");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(send(server.port(), "POST", "/metrics/job/fast", "ok").statusCode()).isEqualTo(201);
    }
  }
}
