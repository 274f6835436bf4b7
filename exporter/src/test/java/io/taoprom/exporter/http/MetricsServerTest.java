package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.scrape.ScrapeRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The server against a site that misbehaves: a 500 with a short body, and it keeps serving. */
class MetricsServerTest {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A site whose scrape and landing page throw until told otherwise, and which records the request. */
  static final class Site implements ExporterSite {
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicReference<ScrapeRequest> lastRequest = new AtomicReference<>();

    @Override
    public MetricSnapshots scrape(ScrapeRequest request) {
      lastRequest.set(request);
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("bug on purpose");
      }
      return MetricSnapshots.of();
    }

    @Override
    public boolean ready() {
      return false;
    }

    @Override
    public String landingPage() {
      throw new OutOfMemoryError("Java heap space (on purpose)");
    }

    @Override
    public Map<String, String> collectorSelection() {
      return Map.of("a", "");
    }
  }

  @Test
  void unexpectedErrorsBecomeShort500sAndTheServerKeepsServing() throws Exception {
    Site site = new Site();
    site.failuresLeft.set(3);
    try (MetricsServer server = MetricsServer.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      server.start(site, Duration.ofSeconds(10));
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> failed = get(server.port(), "/metrics");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("internal error serving /metrics: IllegalStateException (see the exporter's log)\n");
      }
      assertThat(get(server.port(), "/metrics").statusCode()).isEqualTo(200);
      HttpResponse<String> landing = get(server.port(), "/");
      assertThat(landing.statusCode()).isEqualTo(500);
      assertThat(landing.body()).doesNotContain("\tat ");
      assertThat(get(server.port(), "/-/ready").statusCode()).isEqualTo(503);
      assertThat(get(server.port(), "/-/healthy").body()).isEqualTo("OK");
    }
  }

  @Test
  void theScrapeTimeoutHeaderSetsTheCollectorsDeadline() throws Exception {
    Site site = new Site();
    try (MetricsServer server = MetricsServer.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      server.start(site, Duration.ofSeconds(10));
      get(server.port(), "/metrics", MetricsEndpoint.TIMEOUT_HEADER, "2");
      assertThat(site.lastRequest.get().timeout()).isEqualTo(Duration.ofMillis(1500));
      get(server.port(), "/metrics");
      assertThat(site.lastRequest.get().timeout()).isEqualTo(Duration.ofSeconds(10));
      get(server.port(), "/metrics?collect[]=a");
      assertThat(site.lastRequest.get().selected().test("a")).isTrue();
      assertThat(site.lastRequest.get().selected().test("b")).isFalse();
    }
  }
}
