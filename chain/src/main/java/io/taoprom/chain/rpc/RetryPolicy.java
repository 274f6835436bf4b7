package io.taoprom.chain.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently to retry after a transport failure, as a value.
 *
 * <p>The defaults are the Python original's {@code retry(delay=1, tries=3, backoff=2,
 * max_delay=4)}: three attempts in all, waiting 1 s before the second and 2 s before the third;
 * further attempts (if configured) wait 4 s, 4 s, ... With a jitter of {@code j} each delay is
 * drawn uniformly from {@code [d·(1-j), d·(1+j)]}, so that many clients that lost the same node
 * do not come back in lock step.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.defaults().withMaxAttempts(6).withJitter(0.2);
 * RetryPolicy never = RetryPolicy.none();
 * }</pre>
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param firstDelay the wait before the second attempt
 * @param multiplier the factor each further wait grows by, at least 1
 * @param maxDelay the longest wait
 * @param jitter the relative spread of each wait, 0 (none) to 1
 */
public record RetryPolicy(
    int maxAttempts, Duration firstDelay, double multiplier, Duration maxDelay, double jitter) {

  public RetryPolicy {
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (firstDelay.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " is shorter than firstDelay " + firstDelay);
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number >= 1, got " + multiplier);
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
    }
  }

  /** 3 attempts, 1 s first delay, ×2, at most 4 s, no jitter. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(4), 0.0);
  }

  /** A single attempt: failures surface at once. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
  }

  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, firstDelay, multiplier, maxDelay, jitter);
  }

  public RetryPolicy withFirstDelay(Duration delay) {
    Duration max = maxDelay.compareTo(delay) < 0 ? delay : maxDelay;
    return new RetryPolicy(maxAttempts, delay, multiplier, max, jitter);
  }

  public RetryPolicy withMultiplier(double factor) {
    return new RetryPolicy(maxAttempts, firstDelay, factor, maxDelay, jitter);
  }

  public RetryPolicy withMaxDelay(Duration delay) {
    return new RetryPolicy(maxAttempts, firstDelay, multiplier, delay, jitter);
  }

  public RetryPolicy withJitter(double spread) {
    return new RetryPolicy(maxAttempts, firstDelay, multiplier, maxDelay, spread);
  }

  /** Whether another attempt follows a failed attempt number {@code attempt} (1-based). */
  public boolean allowsAttemptAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * The wait before attempt number {@code attempt} (2 or more), without jitter: {@code
   * min(maxDelay, firstDelay · multiplier^(attempt-2))}.
   */
  public Duration nominalDelayBefore(int attempt) {
    if (attempt < 2) {
      throw new IllegalArgumentException("the first attempt has no delay; asked for " + attempt);
    }
    double nanos = firstDelay.toNanos() * Math.pow(multiplier, attempt - 2);
    long capped = (long) Math.min(nanos, (double) maxDelay.toNanos());
    return Duration.ofNanos(capped);
  }

  /** The wait before attempt number {@code attempt}, with jitter drawn from {@code random}. */
  public Duration delayBefore(int attempt, RandomGenerator random) {
    Duration nominal = nominalDelayBefore(attempt);
    if (jitter == 0.0 || nominal.isZero()) {
      return nominal;
    }
    double factor = 1.0 - jitter + 2.0 * jitter * random.nextDouble();
    return Duration.ofNanos((long) (nominal.toNanos() * factor));
  }
}
