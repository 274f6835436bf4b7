package io.taoprom.metrics.host;

import io.taoprom.exporter.spi.Availability;
import java.util.Locale;

/**
 * The availability of a collector that reads what only Linux has (sysfs classes such as
 * {@code /sys/class/hwmon}). On Linux it is available even where the hardware is absent: such a
 * collector then serves nothing and succeeds, as the issue asks ("those that find nothing on a
 * machine emit nothing there").
 *
 * <pre>{@code
 * public Availability availability() {
 *   return LinuxOnly.availability("/sys/class/hwmon");
 * }
 * }</pre>
 */
public final class LinuxOnly {

  private LinuxOnly() {}

  /** Available on Linux; elsewhere unavailable, saying that {@code reads} is Linux's. */
  public static Availability availability(String reads) {
    String os = System.getProperty("os.name", "");
    return os.toLowerCase(Locale.ROOT).startsWith("linux")
        ? Availability.AVAILABLE
        : Availability.unavailable("reads " + reads + ", which only Linux has; this is " + os);
  }
}
