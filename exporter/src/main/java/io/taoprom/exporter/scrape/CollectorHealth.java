package io.taoprom.exporter.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one collector has fared so far: whether it was built, when it last succeeded, how long
 * its last collection took and, if its last collection failed, why.
 *
 * @param state whether the collector is still being built, built, or could not be built
 * @param lastSuccess when a scrape last included its series
 * @param lastDuration how long its last collection took (or had taken when it was given up)
 * @param lastError why the last scrape left it out, or left some of its families out (they
 *     conflict with another collector's: it was served without them); empty when all of it
 *     was included
 */
public record CollectorHealth(
    State state, Optional<Instant> lastSuccess, Optional<Duration> lastDuration, Optional<String> lastError) {

  public CollectorHealth {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    Objects.requireNonNull(lastDuration, "lastDuration");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** The life cycle of a collector inside the exporter. */
  public enum State {
    /** {@code CollectorPlugin.create} is still running. */
    STARTING,
    /** Built; scraped on every request that selects it. */
    RUNNING,
    /** {@code create} failed; reported as failing on every scrape. */
    FAILED_TO_START
  }
}
