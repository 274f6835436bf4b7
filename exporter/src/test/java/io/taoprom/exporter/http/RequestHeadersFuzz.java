package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.List;

/**
 * The request headers the endpoint reads itself (Jetty parses the rest): any
 * {@code X-Prometheus-Scrape-Timeout-Seconds} gives a deadline from 10 ms to an hour or the default,
 * any {@code Accept-Encoding} a yes or no for gzip, never an exception.
 */
class RequestHeadersFuzz {

  private static final Duration DEFAULT = Duration.ofSeconds(10);

  @FuzzTest(maxDuration = "10s")
  void timeoutAndAcceptEncodingNeverThrowAndStayInRange(FuzzedDataProvider data) {
    String timeout = data.consumeString(64);
    Duration d = MetricsEndpoint.timeout(timeout, DEFAULT);
    assertThat(d.equals(DEFAULT) || d.compareTo(Duration.ofMillis(10)) >= 0 && d.compareTo(Duration.ofHours(1)) <= 0)
        .as("deadline %s for %s", d, timeout).isTrue();
    MetricsEndpoint.acceptsGzip(List.of(data.consumeString(256), data.consumeRemainingAsString()));
  }
}
