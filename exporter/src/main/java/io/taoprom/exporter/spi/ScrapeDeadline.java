package io.taoprom.exporter.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The deadline of the scrape a collector is running for, so that a collector which waits on
 * something slow (a local HTTP endpoint, a file on a network mount) can give up in time
 * instead of being cut off and reported as failed.
 *
 * <p>The exporter sets it on the thread that calls {@code MultiCollector.collect()}; outside a
 * scrape (a unit test calling the collector directly) it is empty.
 *
 * <pre>{@code
 * public MetricSnapshots collect() {
 *   Duration budget = ScrapeDeadline.remaining().orElse(Duration.ofSeconds(5));
 *   HttpRequest request = HttpRequest.newBuilder(target).timeout(budget).build();
 *   ...
 * }
 * }</pre>
 */
public final class ScrapeDeadline {

  // Holds System.nanoTime() of the deadline; a thread-local because MultiCollector.collect()
  // takes no arguments and the SPI must stay that small.
  private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

  private ScrapeDeadline() {}

  /**
   * Time left until the current scrape's deadline (zero once it has passed), or empty when
   * the current thread is not collecting for a scrape.
   */
  public static Optional<Duration> remaining() {
    long[] deadline = DEADLINE.get();
    if (deadline == null) {
      return Optional.empty();
    }
    long left = deadline[0] - System.nanoTime();
    return Optional.of(Duration.ofNanos(Math.max(0, left)));
  }

  /**
   * Runs {@code body} with the given deadline (a {@link System#nanoTime()} value) visible to
   * {@link #remaining()}. Used by the exporter; plugins only read the deadline.
   */
  public static <T, E extends Exception> T runWith(long deadlineNanos, Body<T, E> body) throws E {
    long[] previous = DEADLINE.get();
    DEADLINE.set(new long[] {deadlineNanos});
    try {
      return body.run();
    } finally {
      if (previous == null) {
        DEADLINE.remove();
      } else {
        DEADLINE.set(previous);
      }
    }
  }

  /**
   * Work done under a deadline.
   *
   * @param <T> the result
   * @param <E> what it may throw
   */
  @FunctionalInterface
  public interface Body<T, E extends Exception> {
    /** Does the work. */
    T run() throws E;
  }
}
