package io.taoprom.metrics.host;

import io.taoprom.exporter.spi.Availability;
import java.util.Locale;

/**
 * Availability of a collector that reads Linux-only kernel files and has no portable fallback
 * (node_exporter's storage, RAID and NFS collectors). On Linux it is available whether or not the
 * machine has the hardware or kernel feature: a collector that finds nothing emits nothing.
 *
 * <pre>{@code
 * public Availability availability() {
 *   return LinuxOnly.availability("/proc/mdstat");
 * }
 * }</pre>
 */
public final class LinuxOnly {

  private LinuxOnly() {}

  /** Whether this JVM runs on Linux. */
  public static boolean isLinux() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
  }

  /** Available on Linux; elsewhere unavailable because {@code source} is a Linux kernel file. */
  public static Availability availability(String source) {
    return isLinux()
        ? Availability.AVAILABLE
        : Availability.unavailable("reads " + source + ", which only Linux has");
  }
}
