package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The exporter with every plugin of this module's test {@code META-INF/services}, discovered
 * for real: the healthy one is served, each broken one is left out and reported, and the
 * scrape answers 200 within the timeout Prometheus sends although one collector hangs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationTest {

  private static TaoPromExporter exporter;
  private static Http http;

  @BeforeAll
  static void start() throws Exception {
    exporter = TaoPromExporter.builder()
        .host("127.0.0.1")
        .port(0)
        .catalog(PluginCatalog.discover(IsolationTest.class.getClassLoader()))
        .buildAndStart();
    assertThat(exporter.awaitReady(Duration.ofSeconds(10))).isTrue();
    http = new Http(exporter.port());
    // Warm up the client, the server and the writers without touching the hung collector, so
    // that the timed scrape below measures the deadline, not class loading.
    http.get("/metrics?collect[]=healthy");
  }

  @AfterAll
  static void stop() {
    TestPlugins.Hangs.RELEASE.countDown();
    exporter.close();
  }

  @Test
  @Order(1)
  void theScrapeAnswersWithinTheTimeoutWithHealthySeriesAndFailuresReported() {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.get("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "2");
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    String text = Http.body(response);

    assertThat(response.statusCode()).isEqualTo(200);
    // Collectors get 1.5 s of the 2 s: the answer comes before Prometheus would give up.
    assertThat(tookMillis).as("answer time with a 2 s scrape timeout and a hung collector").isLessThan(2000);
    assertThat(text)
        .contains("taoprom_test_healthy_value{shard=\"a\"} 1.0\n")
        .contains("taoprom_test_healthy_events_total 3.0\n")
        .doesNotContain("taoprom_test_healthy_value{shard=\"a\"} 2.0") // the clashing plugin's copy
        .contains("taoprom_test_clashes_own 1.0\n")                     // left out in part, not whole
        .doesNotContain("taoprom_test_invalid")
        .doesNotContain("taoprom_test_hangs_value")
        .doesNotContain("taoprom_test_optional_value");
    Map<String, String> success = series(text, "taoprom_scrape_collector_success");
    assertThat(success).containsExactlyInAnyOrderEntriesOf(Map.of("process", "1.0",
        "healthy", "1.0", "throws", "0.0", "hangs", "0.0", "clashes", "1.0", "invalid", "0.0", "createfails", "0.0"));
    assertThat(series(text, "taoprom_scrape_collector_skipped_families")).containsEntry("clashes", "1.0").containsEntry("healthy", "0.0");
    assertThat(series(text, "taoprom_scrape_collector_duration_seconds")).containsOnlyKeys(success.keySet());
    double hangSeconds = Double.parseDouble(series(text, "taoprom_scrape_collector_duration_seconds").get("hangs"));
    assertThat(hangSeconds).isBetween(1.45, 2.0);
    assertThat(text).containsPattern("taoprom_build_info\\{java_version=\"[^\"]+\",revision=\"[^\"]+\",version=\"[^\"]+\"} 1.0\n");
  }

  @Test
  @Order(2)
  void aHungCollectorIsNotStartedAgainAndHoldsOneThread() {
    long threadsBefore = collectorThreads();
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      String text = http.text("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "1");
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
      assertThat(series(text, "taoprom_scrape_collector_success")).containsEntry("hangs", "0.0").containsEntry("healthy", "1.0");
    }
    assertThat(TestPlugins.Hangs.CALLS.get()).isEqualTo(1);
    long threadsAfter = collectorThreads();
    // The collectors share at most four threads; the hung one holds one more, once: five scrapes
    // that each started it again, or gave each collector a thread, would need more than five.
    assertThat(threadsBefore).as("collector threads after the first scrape").isLessThanOrEqualTo(4 + 1);
    assertThat(threadsAfter).as("collector threads after five more scrapes").isLessThanOrEqualTo(4 + 1);
  }

  private static long collectorThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("taoprom-collector-")).count();
  }

  @Test
  @Order(3)
  void statusAndLandingPageSayWhyEachCollectorIsLeftOut() {
    Map<String, CollectorStatus> status = exporter.collectors().stream()
        .collect(Collectors.toMap(CollectorStatus::name, Function.identity()));
    assertThat(status.get("healthy").state()).isEqualTo("enabled");
    assertThat(status.get("healthy").lastSuccess()).isPresent();
    assertThat(status.get("throws").lastError()).hasValue("threw IllegalStateException: scrape failed on purpose");
    assertThat(status.get("hangs").lastError()).get().asString().contains("still running");
    assertThat(status.get("clashes").lastError())
        .hasValue("gauge taoprom_test_healthy_value left out: its series {shard=\"a\"} is also yielded by collector \"healthy\"");
    assertThat(status.get("invalid").lastError()).hasValue("invalid metric name \"taoprom-test-invalid\"");
    assertThat(status.get("createfails").lastError())
        .hasValue("could not be created: IOException: no such device on purpose");
    assertThat(status.get("nativelib").state()).isEqualTo("unavailable");
    assertThat(status.get("optional").state()).isEqualTo("disabled");
    assertThat(status.get("throws").state()).isEqualTo("failing");

    String page = http.text("/");
    assertThat(page)
        .contains("<td title=\"Two good series.\">healthy</td><td>enabled</td>")
        .contains("threw IllegalStateException: scrape failed on purpose")
        .contains("its series {shard=&quot;a&quot;} is also yielded by collector &quot;healthy&quot;")
        .contains("availability check failed: NoClassDefFoundError: org/example/NativeBinding")
        .contains("<td title=\"\">optional</td><td>disabled</td>")
        .contains("Plugins that could not be loaded")
        .contains("constructor failed on purpose");
  }

  /** The values of one family by its {@code collector} label. */
  static Map<String, String> series(String text, String family) {
    return text.lines()
        .filter(line -> line.startsWith(family + "{collector=\""))
        .collect(Collectors.toMap(
            line -> line.substring(family.length() + "{collector=\"".length(), line.indexOf("\"}")),
            line -> line.substring(line.lastIndexOf(' ') + 1)));
  }
}
