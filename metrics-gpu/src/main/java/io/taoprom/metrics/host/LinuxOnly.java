package io.taoprom.metrics.host;

import io.taoprom.exporter.spi.Availability;
import java.util.Locale;

/**
 * The availability of a collector that reads what only Linux has ({@code /proc/vmstat},
 * {@code /proc/pressure}, {@code adjtimex(2)}, ...) and has no portable fallback. On Linux it is
 * available whether or not the kernel has the feature: a collector that finds nothing emits
 * nothing, as node_exporter's do.
 *
 * <pre>{@code
 * public Availability availability() {
 *   return LinuxOnly.availability("vmstat");
 * }
 * }</pre>
 */
public final class LinuxOnly {

  private LinuxOnly() {}

  /** Whether this JVM runs on Linux. */
  public static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  /** Available on Linux; elsewhere unavailable with a reason that names what is missing. */
  public static Availability availability(String what) {
    return isLinux()
        ? Availability.AVAILABLE
        : Availability.unavailable(what + " is Linux-only (this is " + System.getProperty("os.name", "?") + ")");
  }
}
