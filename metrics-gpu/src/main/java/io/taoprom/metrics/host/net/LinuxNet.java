package io.taoprom.metrics.host.net;

import io.taoprom.exporter.spi.Availability;
import java.util.Locale;

/**
 * The availability of a network collector: each reads what only Linux has ({@code /proc/net},
 * {@code /sys/class/net}, ...) and has no portable fallback. On Linux it is available whether or
 * not the machine has the feature (bonding, InfiniBand, IPVS): a collector that finds nothing
 * emits nothing there, and succeeds.
 *
 * <pre>{@code
 * public Availability availability() {
 *   return LinuxNet.availability("/proc/net/arp");
 * }
 * }</pre>
 */
public final class LinuxNet {

  private LinuxNet() {}

  /** Whether this JVM runs on Linux. */
  public static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  /** Available on Linux; elsewhere unavailable, naming what the collector would read. */
  public static Availability availability(String reads) {
    return isLinux()
        ? Availability.AVAILABLE
        : Availability.unavailable(
            "reads " + reads + ", which only Linux has (this is " + System.getProperty("os.name", "?") + ")");
  }

  /**
   * A boolean option's value: {@code true}/{@code false} (also {@code yes}/{@code no},
   * {@code on}/{@code off}), as the other plugins read theirs.
   *
   * @throws IllegalArgumentException naming the option when the value is none of these
   */
  public static boolean parseBoolean(String option, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(
          "--" + option + " must be true or false, got '" + value + "'");
    };
  }
}
