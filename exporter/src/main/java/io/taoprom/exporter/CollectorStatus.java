package io.taoprom.exporter;

import io.taoprom.exporter.spi.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One collector plugin as a running exporter sees it, for the landing page and
 * {@code taoprom collectors}.
 *
 * <pre>{@code
 * for (CollectorStatus c : exporter.collectors()) {
 *   System.out.printf("%-12s %-12s %s%n", c.name(), c.state(), c.lastError().orElse(""));
 * }
 * }</pre>
 *
 * @param name the plugin's name ({@code cpu})
 * @param description the plugin's one-line description
 * @param enabled whether the user (or the plugin's default) turned it on
 * @param availability whether it can run on this machine, and if not why
 * @param lastSuccess when a scrape last included its series; empty if never
 * @param lastDuration how long its last collection took; empty if never scraped
 * @param lastError why the last scrape left it out (or why it could not be created); empty when it was included
 */
public record CollectorStatus(
    String name,
    String description,
    boolean enabled,
    Availability availability,
    Optional<Instant> lastSuccess,
    Optional<Duration> lastDuration,
    Optional<String> lastError) {

  public CollectorStatus {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(availability, "availability");
    Objects.requireNonNull(lastSuccess, "lastSuccess");
    Objects.requireNonNull(lastDuration, "lastDuration");
    Objects.requireNonNull(lastError, "lastError");
  }

  /** Whether scrapes run it: enabled and available here. */
  public boolean active() {
    return enabled && availability.available();
  }

  /**
   * One word for its state: {@code disabled}, {@code unavailable} (enabled, but it cannot run
   * here), {@code failing} (its last scrape left it out), or {@code enabled}.
   */
  public String state() {
    if (!enabled) {
      return "disabled";
    } else if (!availability.available()) {
      return "unavailable";
    } else if (lastError.isPresent()) {
      return "failing";
    }
    return "enabled";
  }
}
