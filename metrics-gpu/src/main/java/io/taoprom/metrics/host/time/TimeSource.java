package io.taoprom.metrics.host.time;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;

/** Where the {@code time} collector reads the clock, the time zone and the boot time from. */
interface TimeSource {

  /** The system clock now. */
  Instant now();

  /** The system time zone. */
  ZoneId zone();

  /** When the system booted, in seconds since the epoch. */
  long bootTimeSeconds() throws IOException;
}
