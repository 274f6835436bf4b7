package io.taoprom.metrics.scrape;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.SeriesLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code scrape} plugin: merges other processes' {@code /metrics} into TaoProm's, so that the
 * endpoint registered on chain also carries, say, a Python neuron's prometheus_client metrics.
 * Every merged sample gets {@code source="NAME"}; each target gets
 * {@code taoprom_scrape_target_up{source}} and {@code taoprom_scrape_target_duration_seconds{source}}.
 * It serves nothing until given a target:
 *
 * <pre>{@code
 * taoprom serve --scrape.target neuron=http://127.0.0.1:9101/metrics \
 *               --scrape.target vllm=http://127.0.0.1:8000/metrics --scrape.timeout 3s
 * }</pre>
 */
public final class ScrapePlugin implements CollectorPlugin {

  static final String TIMEOUT = "scrape.timeout";
  static final String MAX_SERIES = "scrape.max-series";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  @Override
  public String name() {
    return "scrape";
  }

  @Override
  public String description() {
    return "Merges the /metrics of local processes given by option scrape.target (idle without it)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.repeatable(
            ScrapeTarget.OPTION,
            "NAME=URL",
            "Merge this endpoint's metrics, labelled source=NAME (scrape collector); repeatable"),
        CollectorOption.single(
            TIMEOUT,
            "DURATION",
            "Longest wait for a scrape target, within the scrape's own deadline (e.g. 5s, 500ms)",
            "5s"),
        CollectorOption.single(
            MAX_SERIES,
            "N",
            "Most series the scrape collector serves, all targets together; a target that would pass it is left out",
            Integer.toString(ExpositionReader.DEFAULT_MAX_SERIES)));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    List<ScrapeTarget> targets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String value : config.values(ScrapeTarget.OPTION)) {
      ScrapeTarget target = ScrapeTarget.parse(value);
      if (!names.add(target.name())) {
        throw new IllegalArgumentException(
            "option " + ScrapeTarget.OPTION + " '" + value + "': the name '" + target.name() + "' is given twice");
      }
      targets.add(target);
    }
    Duration timeout = config.value(TIMEOUT).map(ScrapePlugin::duration).orElse(DEFAULT_TIMEOUT);
    return new ScrapeCollector(targets, timeout, SeriesLimit.parse(config, MAX_SERIES));
  }

  /** {@code 5s}, {@code 500ms}, {@code 1.5s}, {@code 1m}, or a bare number of seconds. */
  static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    double factor;
    String number;
    if (v.endsWith("ms")) {
      factor = 1e6;
      number = v.substring(0, v.length() - 2);
    } else if (v.endsWith("s")) {
      factor = 1e9;
      number = v.substring(0, v.length() - 1);
    } else if (v.endsWith("m")) {
      factor = 60e9;
      number = v.substring(0, v.length() - 1);
    } else {
      factor = 1e9;
      number = v;
    }
    double nanos;
    try {
      nanos = Double.parseDouble(number) * factor;
    } catch (NumberFormatException e) {
      nanos = Double.NaN;
    }
    if (!(nanos >= 1e6 && nanos <= 600e9) || !number.matches("[0-9]*\\.?[0-9]+")) {
      throw new IllegalArgumentException(
          "option " + TIMEOUT + " '" + value + "' is not a duration between 1ms and 10m, such as 5s or 500ms");
    }
    return Duration.ofNanos((long) nanos);
  }
}
