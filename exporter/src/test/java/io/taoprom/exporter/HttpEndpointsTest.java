package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint over a real socket: negotiation, gzip, collector selection, errors. */
class HttpEndpointsTest {

  private static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
  private static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

  private static TaoPromExporter exporter;
  private static Http http;

  /** A second good plugin, so that collect[] and exclude[] have something to choose between. */
  static final class Second implements CollectorPlugin {
    @Override
    public String name() {
      return "second";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(TestPlugins.gauge("taoprom_test_second_value", 2));
    }
  }

  @BeforeAll
  static void start() throws Exception {
    exporter = TaoPromExporter.builder()
        .host("127.0.0.1")
        .port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy(), new Second(), new TestPlugins.OffByDefault(),
            new TestPlugins.MissingNativeLibrary())))
        .buildAndStart();
    exporter.awaitReady(java.time.Duration.ofSeconds(10));
    http = new Http(exporter.port());
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  @Test
  void textFormatByDefaultAndForNonsenseAcceptHeaders() {
    for (String accept : new String[] {null, "*/*", "garbage/;;;==,,", "application/openmetrics-text; escaping=bogus-but-not-om"}) {
      HttpResponse<byte[]> response = accept == null ? http.get("/metrics") : http.get("/metrics", "Accept", accept);
      assertThat(response.statusCode()).isEqualTo(200);
      if (accept == null || !accept.startsWith("application/openmetrics-text")) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(Http.body(response)).contains("# TYPE taoprom_test_healthy_events_total counter\n").doesNotContain("# EOF");
      }
    }
  }

  @Test
  void openMetricsWhenAskedAsPrometheusAsks() {
    HttpResponse<byte[]> response = http.get("/metrics", "Accept",
        "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(OPENMETRICS);
    String body = Http.body(response);
    assertThat(body).endsWith("# EOF\n").contains("# TYPE taoprom_test_healthy_events counter\n")
        .contains("taoprom_test_healthy_events_total 3.0\n");
  }

  @Test
  void protobufWhenAskedForAndItParses() throws IOException {
    HttpResponse<byte[]> response = http.get("/metrics", "Accept",
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited;q=0.7,text/plain;q=0.3");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
    List<String> names = new ArrayList<>();
    try (InputStream in = new ByteArrayInputStream(response.body())) {
      MetricFamily family;
      while ((family = MetricFamily.parseDelimitedFrom(in)) != null) {
        names.add(family.getName());
      }
    }
    assertThat(names).contains("taoprom_test_healthy_value", "taoprom_test_healthy_events_total",
        "taoprom_scrape_collector_success", "taoprom_build_info");
  }

  @Test
  void gzipWhenAcceptEncodingAllowsIt() throws IOException {
    HttpResponse<byte[]> response = http.get("/metrics", "Accept-Encoding", "deflate, gzip;q=0.8");
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(text).contains("taoprom_test_healthy_value{shard=\"a\"} 1.0\n");
    }
    HttpResponse<byte[]> refused = http.get("/metrics", "Accept-Encoding", "gzip;q=0, identity");
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(Http.body(refused)).contains("taoprom_test_healthy_value");
  }

  @Test
  void collectAndExcludeChooseCollectors() {
    String onlySecond = http.text("/metrics?collect[]=second");
    assertThat(onlySecond).contains("taoprom_test_second_value").doesNotContain("taoprom_test_healthy_value")
        .contains("taoprom_scrape_collector_success{collector=\"second\"} 1.0")
        .doesNotContain("collector=\"healthy\"");
    String encoded = http.text("/metrics?collect%5B%5D=healthy&collect%5B%5D=second");
    assertThat(encoded).contains("taoprom_test_second_value").contains("taoprom_test_healthy_value");
    String excluded = http.text("/metrics?exclude[]=healthy");
    assertThat(excluded).contains("taoprom_test_second_value").doesNotContain("taoprom_test_healthy_value");
    assertThat(http.get("/metrics?exclude[]=optional").statusCode()).as("excluding a disabled collector is harmless").isEqualTo(200);
  }

  @Test
  void badSelectionsAreOneLine400s() {
    assertBadRequest("/metrics?collect[]=nope",
        "unknown collector \"nope\" in collect[]; known collectors: healthy, second, optional, nativelib\n");
    assertBadRequest("/metrics?exclude[]=nope",
        "unknown collector \"nope\" in exclude[]; known collectors: healthy, second, optional, nativelib\n");
    assertBadRequest("/metrics?collect[]=healthy&exclude[]=second", "collect[] and exclude[] cannot be combined; use one of them\n");
    assertBadRequest("/metrics?collect[]=", "empty collector name in collect[]\n");
    assertBadRequest("/metrics?collect[]=optional",
        "collector \"optional\" in collect[] is not running: disabled; the exporter was started without it\n");
    assertBadRequest("/metrics?collect[]=nativelib",
        "collector \"nativelib\" in collect[] is not running: unavailable: availability check failed: "
            + "NoClassDefFoundError: org/example/NativeBinding\n");
    // An escape that does not decode is a 400; the exporter lives on.
    assertThat(http.raw("GET /metrics?collect[]=%zz HTTP/1.1")).startsWith("HTTP/1.1 400");
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
  }

  private static void assertBadRequest(String path, String body) {
    HttpResponse<byte[]> response = http.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(Http.body(response)).isEqualTo(body);
  }

  @Test
  void healthyReadyLandingAndTheRest() {
    HttpResponse<byte[]> healthy = http.get("/-/healthy");
    assertThat(healthy.statusCode()).isEqualTo(200);
    assertThat(Http.body(healthy)).isEqualTo("OK");
    HttpResponse<byte[]> ready = http.get("/-/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(Http.body(ready)).isEqualTo("OK");

    HttpResponse<byte[]> landing = http.get("/");
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(Http.body(landing)).contains("<a href=\"metrics\">/metrics</a>")
        .contains(">healthy</td><td>enabled</td>").contains(">second</td><td>enabled</td>")
        .contains(">optional</td><td>disabled</td>").contains(">nativelib</td><td>unavailable</td>");

    assertThat(http.get("/nope").statusCode()).isEqualTo(404);
    assertThat(http.get("/metricsx").statusCode()).isEqualTo(404);
    HttpResponse<byte[]> post = http.send("POST", "/metrics");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    HttpResponse<byte[]> head = http.send("HEAD", "/metrics");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void applicationMetricsInTheRegistryAreServed() {
    io.prometheus.metrics.core.metrics.Gauge.builder().name("taoprom_test_app_queue_depth").help("Test.")
        .register(exporter.registry()).set(4);
    assertThat(http.text("/metrics?collect[]=second")).contains("taoprom_test_app_queue_depth 4.0\n");
  }
}
