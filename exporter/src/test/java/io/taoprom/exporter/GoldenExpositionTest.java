package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.core.metrics.Gauge;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole of {@code /metrics} for fixed plugins, byte for byte, in Prometheus text and
 * OpenMetrics. Only what cannot be fixed is replaced before comparing: the collectors'
 * durations (checked to be numbers first) and the build labels (checked against
 * {@link BuildInfo}).
 */
class GoldenExpositionTest {

  private static final Pattern DURATION = Pattern.compile(
      "(taoprom_scrape_collector_duration_seconds\\{collector=\"[a-z]+\"} )([0-9.E-]+)\n");

  private static TaoPromExporter exporter;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy(), new TestPlugins.Throws(), new TestPlugins.OffByDefault())))
        .buildAndStart();
    exporter.awaitReady(Duration.ofSeconds(10));
    Gauge.builder().name("taoprom_test_app_workers").help("Workers the application runs.").register(exporter.registry()).set(8);
    http = new Http(exporter.port());
  }

  @AfterAll
  static void stop() {
    exporter.close();
  }

  private static String normalized(String exposition) {
    Matcher m = DURATION.matcher(exposition);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertThat(Double.parseDouble(m.group(2))).isBetween(0.0, 5.0);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "<DURATION>\n"));
    }
    m.appendTail(out);
    BuildInfo build = BuildInfo.load();
    String labels = "java_version=\"" + System.getProperty("java.version") + "\",revision=\"" + build.revision()
        + "\",version=\"" + build.version() + "\"";
    assertThat(out.toString()).contains(labels);
    return out.toString().replace(labels, "<BUILD>");
  }

  @Test
  void prometheusText() {
    assertThat(normalized(http.text("/metrics"))).isEqualTo("""
        # HELP taoprom_build_info A metric with a constant '1' value labeled by version, revision and java_version from which taoprom was built.
        # TYPE taoprom_build_info gauge
        taoprom_build_info{<BUILD>} 1.0
        # HELP taoprom_scrape_collector_duration_seconds taoprom: Duration of a collector scrape.
        # TYPE taoprom_scrape_collector_duration_seconds gauge
        taoprom_scrape_collector_duration_seconds{collector="healthy"} <DURATION>
        taoprom_scrape_collector_duration_seconds{collector="throws"} <DURATION>
        # HELP taoprom_scrape_collector_skipped_families taoprom: Metric families of a collector left out of the scrape because another collector yields their names.
        # TYPE taoprom_scrape_collector_skipped_families gauge
        taoprom_scrape_collector_skipped_families{collector="healthy"} 0.0
        taoprom_scrape_collector_skipped_families{collector="throws"} 0.0
        # HELP taoprom_scrape_collector_success taoprom: Whether a collector succeeded.
        # TYPE taoprom_scrape_collector_success gauge
        taoprom_scrape_collector_success{collector="healthy"} 1.0
        taoprom_scrape_collector_success{collector="throws"} 0.0
        # HELP taoprom_test_app_workers Workers the application runs.
        # TYPE taoprom_test_app_workers gauge
        taoprom_test_app_workers 8.0
        # HELP taoprom_test_healthy_events_total Test counter.
        # TYPE taoprom_test_healthy_events_total counter
        taoprom_test_healthy_events_total 3.0
        # HELP taoprom_test_healthy_value Test gauge taoprom_test_healthy_value.
        # TYPE taoprom_test_healthy_value gauge
        taoprom_test_healthy_value{shard="a"} 1.0
        """);
  }

  @Test
  void openMetrics() {
    assertThat(normalized(http.text("/metrics", "Accept", "application/openmetrics-text; version=1.0.0"))).isEqualTo("""
        # TYPE taoprom_build_info gauge
        # HELP taoprom_build_info A metric with a constant '1' value labeled by version, revision and java_version from which taoprom was built.
        taoprom_build_info{<BUILD>} 1.0
        # TYPE taoprom_scrape_collector_duration_seconds gauge
        # HELP taoprom_scrape_collector_duration_seconds taoprom: Duration of a collector scrape.
        taoprom_scrape_collector_duration_seconds{collector="healthy"} <DURATION>
        taoprom_scrape_collector_duration_seconds{collector="throws"} <DURATION>
        # TYPE taoprom_scrape_collector_skipped_families gauge
        # HELP taoprom_scrape_collector_skipped_families taoprom: Metric families of a collector left out of the scrape because another collector yields their names.
        taoprom_scrape_collector_skipped_families{collector="healthy"} 0.0
        taoprom_scrape_collector_skipped_families{collector="throws"} 0.0
        # TYPE taoprom_scrape_collector_success gauge
        # HELP taoprom_scrape_collector_success taoprom: Whether a collector succeeded.
        taoprom_scrape_collector_success{collector="healthy"} 1.0
        taoprom_scrape_collector_success{collector="throws"} 0.0
        # TYPE taoprom_test_app_workers gauge
        # HELP taoprom_test_app_workers Workers the application runs.
        taoprom_test_app_workers 8.0
        # TYPE taoprom_test_healthy_events counter
        # HELP taoprom_test_healthy_events Test counter.
        taoprom_test_healthy_events_total 3.0
        # TYPE taoprom_test_healthy_value gauge
        # HELP taoprom_test_healthy_value Test gauge taoprom_test_healthy_value.
        taoprom_test_healthy_value{shard="a"} 1.0
        # EOF
        """);
  }
}
