package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TaoPromExporter.Builder#telemetryPath}: the scrapes move, the rest of the site stays. */
class TelemetryPathTest {

  @Test
  void scrapesMoveToThePathAndTheLandingPageLinksThere() throws Exception {
    try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy()))).telemetryPath("/node/metrics").buildAndStart()) {
      exporter.awaitReady(Duration.ofSeconds(10));
      Http http = new Http(exporter.port());
      assertThat(exporter.telemetryPath()).isEqualTo("/node/metrics");
      var scrape = http.get("/node/metrics");
      assertThat(scrape.statusCode()).isEqualTo(200);
      assertThat(Http.body(scrape)).contains("taoprom_test_healthy_events_total", "taoprom_scrape_collector_success{collector=\"healthy\"} 1");
      var old = http.get("/metrics");
      assertThat(old.statusCode()).isEqualTo(404);
      assertThat(Http.body(old)).startsWith("not found; the metrics are at /node/metrics");
      assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(http.get("/-/ready").statusCode()).isEqualTo(200);
      assertThat(Http.body(http.get("/"))).contains("<a href=\"node/metrics\">/node/metrics</a>").doesNotContain("href=\"metrics\"");
    }
  }

  @Test
  void theDefaultIsMetrics() throws Exception {
    try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy()))).buildAndStart()) {
      assertThat(exporter.telemetryPath()).isEqualTo("/metrics");
      assertThat(Http.body(new Http(exporter.port()).get("/"))).contains("<a href=\"metrics\">/metrics</a>");
    }
  }

  @Test
  void onlyPlainAbsolutePathsOutsideTheExportersOwn() {
    assertThat(TelemetryPath.check("/a.b/c_d~e-f")).isEqualTo("/a.b/c_d~e-f");
    for (String bad : new String[] {"metrics", "/", "/metrics/", "//metrics", "/a/../metrics", "/a/./b", "/x?y", "/x y",
        "/m%20", "/\u001b[2J", "/" + "a".repeat(300)}) {
      assertThatThrownBy(() -> TelemetryPath.check(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not a path such as /metrics").hasMessageNotContaining("\u001b");
    }
    assertThatThrownBy(() -> TelemetryPath.check("/-/metrics")).hasMessage("telemetry path /-/metrics is under /-/, where"
        + " /-/healthy and /-/ready are; choose another, such as /metrics");
    assertThatThrownBy(() -> TaoPromExporter.builder().telemetryPath("/..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRouteCannotTakeTheTelemetryPath() {
    assertThatThrownBy(() -> TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()))
        .telemetryPath("/sd").route("/sd", request -> { throw new IllegalStateException("not called"); }).buildAndStart())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the telemetry path /sd is also a route's; choose another");
  }
}
