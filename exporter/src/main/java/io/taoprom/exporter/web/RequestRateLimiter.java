package io.taoprom.exporter.web;

/**
 * {@code rate_limit} as a token bucket: {@code burst} tokens, one back every {@code interval}; a
 * request without a token gets 429. Thread-safe.
 */
final class RequestRateLimiter {

  private final long intervalNanos;
  private final int burst;
  private double tokens;
  private long last;

  RequestRateLimiter(RateLimit limit) {
    this.intervalNanos = limit.interval().toNanos();
    this.burst = limit.burst();
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes a token if there is one. */
  synchronized boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) / (double) intervalNanos);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
