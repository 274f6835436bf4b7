package io.taoprom.exporter.web;

import java.time.Duration;

/**
 * {@code rate_limit}: at most one request per {@code interval} on average, with bursts of up to
 * {@code burst}; requests beyond get 429. exporter-toolkit's token bucket.
 *
 * @param interval time for one token to come back (zero: no limit)
 * @param burst tokens the bucket holds
 */
public record RateLimit(Duration interval, int burst) {

  public RateLimit {
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
    if (burst < 0) {
      throw new IllegalArgumentException("burst must not be negative: " + burst);
    }
  }
}
