package io.taoprom.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScrapePluginTest {

  @Test
  void parsesNameEqualsUrl() {
    assertThat(ScrapeTarget.parse("neuron=http://127.0.0.1:9101/metrics"))
        .isEqualTo(new ScrapeTarget("neuron", URI.create("http://127.0.0.1:9101/metrics")));
    assertThat(ScrapeTarget.parse(" vllm.0 = https://localhost:8000/metrics?x=1 ").uri().getQuery()).isEqualTo("x=1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "neuron|option scrape.target 'neuron' is not NAME=URL; for example neuron=http://127.0.0.1:9101/metrics",
        "=http://127.0.0.1:9101/metrics|option scrape.target '=http://127.0.0.1:9101/metrics' has no NAME before '='",
        "my neuron=http://127.0.0.1:1/|option scrape.target 'my neuron=http://127.0.0.1:1/' has the name 'my neuron'",
        "n=ftp://127.0.0.1/metrics|option scrape.target 'n=ftp://127.0.0.1/metrics' needs an http:// or https:// URL",
        "n=127.0.0.1:9101/metrics|option scrape.target 'n=127.0.0.1:9101/metrics' needs an http:// or https:// URL",
        "n=http://|option scrape.target 'n=http://' has no valid URL after '='",
        "n=http:///metrics|option scrape.target 'n=http:///metrics' has a URL without a host",
        "n=http://a b/|option scrape.target 'n=http://a b/' has no valid URL after '='",
      })
  void badTargetsAreRefusedByCreateNamingTheValue(String value, String message) {
    CollectorConfig config = CollectorConfig.of(Map.of("scrape.target", List.of(value)));

    assertThatThrownBy(() -> new ScrapePlugin().create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void aNameGivenTwiceIsRefused() {
    CollectorConfig config =
        CollectorConfig.of(Map.of("scrape.target", List.of("a=http://127.0.0.1:1/", "a=http://127.0.0.1:2/")));

    assertThatThrownBy(() -> new ScrapePlugin().create(config))
        .hasMessage("option scrape.target 'a=http://127.0.0.1:2/': the name 'a' is given twice");
  }

  @Test
  void readsDurations() {
    assertThat(ScrapePlugin.duration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(ScrapePlugin.duration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ScrapePlugin.duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ScrapePlugin.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ScrapePlugin.duration("3")).isEqualTo(Duration.ofSeconds(3));
    for (String bad : List.of("", "s", "-1s", "0s", "fast", "1h", "11m", "1e3ms")) {
      assertThatThrownBy(() -> ScrapePlugin.duration(bad))
          .as(bad)
          .hasMessage("option scrape.timeout '" + bad + "' is not a duration between 1ms and 10m, such as 5s or 500ms");
    }
  }

  @Test
  void idleWithoutTargets() throws Exception {
    assertThat(new ScrapePlugin().create(CollectorConfig.empty()).collect()).isEmpty();
  }

  @Test
  void theSeriesLimitIsAWholeNumberNamedInItsError() {
    for (String bad : List.of("0", "-5", "many", "1e5", "10000001")) {
      CollectorConfig config = CollectorConfig.of(Map.of(
          "scrape.target", List.of("a=http://127.0.0.1:1/"), "scrape.max-series", List.of(bad)));
      assertThatThrownBy(() -> new ScrapePlugin().create(config))
          .as(bad)
          .hasMessage("option scrape.max-series '" + bad + "' is not a number of series from 1 to 10000000");
    }
    assertThat(new ScrapePlugin().options()).anySatisfy(o -> {
      assertThat(o.name()).isEqualTo("scrape.max-series");
      assertThat(o.defaultValue()).hasValue("120000");
    });
  }
}
