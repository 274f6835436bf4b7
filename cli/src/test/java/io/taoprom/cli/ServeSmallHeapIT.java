package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code taoprom serve} keeps answering with a 32 MiB heap: a few hundred scrapes in each
 * format, with {@code -XX:+ExitOnOutOfMemoryError} so that running out of heap fails the test
 * instead of leaving a half-dead server.
 */
class ServeSmallHeapIT {

  @Test
  void servesHundredsOfScrapesWithA32MiBHeap() throws Exception {
    try (ServeProcess serve = ServeProcess.start(List.of("-Xmx32m", "-XX:+ExitOnOutOfMemoryError"), List.of())) {
      String[][] formats = {
        {"Accept", "text/plain"},
        {"Accept", "application/openmetrics-text;version=1.0.0"},
        {"Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"},
        {"Accept-Encoding", "gzip"},
      };
      for (int i = 0; i < 300; i++) {
        String[] header = formats[i % formats.length];
        HttpResponse<byte[]> r = serve.getBytes("/metrics", header);
        assertThat(r.statusCode()).as("scrape %d with %s: %s", i, header[1], serve.stderr()).isEqualTo(200);
        assertThat(r.body().length).isGreaterThan(1000);
      }
      HttpResponse<String> last = serve.get("/metrics");
      assertThat(last.body()).contains("node_cpu_seconds_total{")
          .doesNotContain("taoprom_scrape_collector_success{collector=\"cpu\"} 0");
      assertThat(serve.isAlive()).isTrue();
      assertThat(serve.stderr()).doesNotContain("OutOfMemoryError");
    }
  }
}
