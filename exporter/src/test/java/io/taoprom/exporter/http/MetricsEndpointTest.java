package io.taoprom.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {

  private static final Duration DEFAULT = Duration.ofSeconds(10);

  @Test
  void theDeadlineLeavesAMarginOfAQuarterAtMostHalfASecond() {
    assertThat(MetricsEndpoint.timeout("10", DEFAULT)).isEqualTo(Duration.ofMillis(9500));
    assertThat(MetricsEndpoint.timeout("1", DEFAULT)).isEqualTo(Duration.ofMillis(750));
    assertThat(MetricsEndpoint.timeout(" 0.2 ", DEFAULT)).isEqualTo(Duration.ofMillis(150));
    assertThat(MetricsEndpoint.timeout("60", DEFAULT)).isEqualTo(Duration.ofMillis(59500));
    assertThat(MetricsEndpoint.timeout("0.001", DEFAULT)).isEqualTo(Duration.ofMillis(10));
    assertThat(MetricsEndpoint.timeout("1e9", DEFAULT)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aMissingOrNonsenseHeaderGivesTheDefault() {
    for (String header : new String[] {null, "", "soon", "-3", "0", "NaN", "Infinity"}) {
      assertThat(MetricsEndpoint.timeout(header, DEFAULT)).as(String.valueOf(header)).isEqualTo(DEFAULT);
    }
  }

  @Test
  void gzipOnlyWhenAcceptedWithAPositiveQuality() {
    assertThat(MetricsEndpoint.acceptsGzip(null)).isFalse();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("gzip"))).isTrue();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("deflate, GZIP;q=0.5"))).isTrue();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("identity", "x-gzip"))).isTrue();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("gzip;q=0"))).isFalse();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("gzip;q=nonsense"))).isFalse();
    assertThat(MetricsEndpoint.acceptsGzip(List.of("br, deflate"))).isFalse();
    // Found by RequestHeadersFuzz: an empty coding before a parameter threw (a 500).
    assertThat(MetricsEndpoint.acceptsGzip(List.of(";", ";q=1, gzip", ",;,"))).isTrue();
    assertThat(MetricsEndpoint.acceptsGzip(List.of(";"))).isFalse();
  }
}
