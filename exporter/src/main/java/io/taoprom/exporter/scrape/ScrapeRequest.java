package io.taoprom.exporter.scrape;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One scrape's time budget and choice of collectors, as the HTTP layer derived them from the
 * {@code X-Prometheus-Scrape-Timeout-Seconds} header and the {@code collect[]} /
 * {@code exclude[]} parameters.
 *
 * <pre>{@code
 * isolating.scrape(new ScrapeRequest(Duration.ofMillis(750), name -> !name.equals("textfile")));
 * }</pre>
 *
 * @param timeout how long collectors may take; those still running then are left out
 * @param selected which collectors (by name) take part; application metrics always do
 */
public record ScrapeRequest(Duration timeout, Predicate<String> selected) {

  public ScrapeRequest {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(selected, "selected");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("scrape timeout must be positive: " + timeout);
    }
  }

  /** Every collector, with the given time budget. */
  public static ScrapeRequest all(Duration timeout) {
    return new ScrapeRequest(timeout, name -> true);
  }
}
