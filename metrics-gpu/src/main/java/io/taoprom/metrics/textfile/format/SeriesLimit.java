package io.taoprom.metrics.textfile.format;

import io.taoprom.exporter.spi.CollectorConfig;

/** The {@code --textfile.max-series} and {@code --scrape.max-series} options. */
public final class SeriesLimit {

  private SeriesLimit() {}

  /**
   * The option's value, or {@link ExpositionReader#DEFAULT_MAX_SERIES} when it is not given.
   *
   * @throws IllegalArgumentException naming the option when it is not a whole number from 1 to 10,000,000
   */
  public static int parse(CollectorConfig config, String option) {
    String value = config.value(option).orElse(null);
    if (value == null) {
      return ExpositionReader.DEFAULT_MAX_SERIES;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= 10_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("option " + option + " '" + value + "' is not a number of series from 1 to 10000000");
  }

  /**
   * The reason an input was refused for its series, for a log line: {@code has more than 120000
   * series (option textfile.max-series)}, or, when the inputs before it took part of the limit,
   * {@code has more than the 39 series that the files before it left of the 100 of option textfile.max-series}.
   *
   * @param left what was left of the limit for this input
   * @param others what the inputs are called in the plural ("files", "targets")
   */
  public static String reason(InputLimitException e, int left, int max, String option, String others) {
    if (e.limit() != InputLimitException.Limit.SERIES || left >= max) {
      return e.getMessage();
    }
    String known = e.atLeast() > 0
        ? "has at least " + e.atLeast() + " series, more than the " + Math.max(0, left)
        : "has more than the " + Math.max(0, left) + " series";
    return known + " that the " + others + " before it left of the " + max + " of option " + option;
  }
}
