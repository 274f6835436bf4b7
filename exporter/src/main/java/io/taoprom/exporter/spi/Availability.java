package io.taoprom.exporter.spi;

import java.util.Objects;

/**
 * Whether a {@link CollectorPlugin} can work on this machine, and if not, the one-line reason
 * shown by {@code taoprom collectors} and the landing page.
 *
 * @param available true when the plugin can be created here
 * @param reason why it cannot, empty when it can
 */
public record Availability(boolean available, String reason) {

  /** A plugin that can run here. */
  public static final Availability AVAILABLE = new Availability(true, "");

  public Availability {
    Objects.requireNonNull(reason, "reason");
    if (!available && reason.isBlank()) {
      throw new IllegalArgumentException("an unavailable plugin must say why");
    }
  }

  /** A plugin that cannot run here, for the given reason (one line, no stack trace). */
  public static Availability unavailable(String reason) {
    return new Availability(false, reason);
  }
}
