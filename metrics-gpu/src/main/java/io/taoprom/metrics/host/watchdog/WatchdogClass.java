package io.taoprom.metrics.host.watchdog;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code /sys/class/watchdog}: its devices are listed again on every read, so a watchdog
 * whose driver is loaded later (softdog, say) is seen.
 */
final class WatchdogClass {

  private static final String CLASS = "class/watchdog";

  /**
   * How Java reports the errors with which a driver refuses one attribute (EINVAL, EOPNOTSUPP,
   * ENODATA, ENODEV): the attribute is left out, as one it does not have. Anything else (EIO,
   * EACCES) fails the collector.
   */
  private static final Set<String> REFUSALS =
      Set.of("Invalid argument", "Operation not supported", "No data available", "No such device");

  /** Reads one attribute; the seam through which tests make a driver refuse. */
  @FunctionalInterface
  interface AttributeReader {
    Optional<String> read(String relative) throws IOException;
  }

  private final SysFs sys;
  private final AttributeReader reader;

  WatchdogClass(SysFs sys) {
    this(sys, sys::attribute);
  }

  WatchdogClass(SysFs sys, AttributeReader reader) {
    this.sys = sys;
    this.reader = reader;
  }

  /** Every watchdog device, in name order; empty where the class does not exist. */
  List<Watchdog> read() throws IOException {
    List<Watchdog> out = new ArrayList<>();
    for (String name : sys.list(CLASS)) {
      out.add(device(name));
    }
    return out;
  }

  private Watchdog device(String name) throws IOException {
    String dir = CLASS + "/" + name + "/";
    return new Watchdog(
        name,
        number(dir + "bootstatus"),
        text(dir + "options"),
        number(dir + "fw_version"),
        text(dir + "identity"),
        number(dir + "nowayout"),
        text(dir + "state"),
        text(dir + "status"),
        number(dir + "timeleft"),
        number(dir + "timeout"),
        number(dir + "pretimeout"),
        text(dir + "pretimeout_governor"),
        number(dir + "access_cs0"));
  }

  private String text(String attribute) throws IOException {
    try {
      return reader.read(attribute).orElse(null);
    } catch (IOException e) {
      if (refused(e)) {
        return null;
      }
      throw e;
    }
  }

  /**
   * An integer attribute, read as node_exporter reads it (Go's {@code ParseInt(s, 0, 64)}: a
   * {@code 0x}, {@code 0o}/{@code 0} or {@code 0b} prefix picks the base).
   */
  private Long number(String attribute) throws IOException {
    String value = text(attribute);
    if (value == null) {
      return null;
    }
    try {
      return parseInteger(value);
    } catch (NumberFormatException e) {
      throw MalformedFileException.quoting(sys.path(attribute), 1, "is not an integer", value);
    }
  }

  static long parseInteger(String value) {
    String digits = value;
    boolean negative = false;
    if (digits.startsWith("-") || digits.startsWith("+")) {
      negative = digits.charAt(0) == '-';
      digits = digits.substring(1);
    }
    int radix = 10;
    String lower = digits.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      digits = digits.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      digits = digits.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      digits = digits.substring(2);
    } else if (digits.length() > 1 && digits.charAt(0) == '0') {
      radix = 8;
      digits = digits.substring(1);
    }
    if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
      throw new NumberFormatException(value);
    }
    for (int i = 0; i < digits.length(); i++) {
      if (asciiDigit(digits.charAt(i)) >= radix) {
        throw new NumberFormatException(value);
      }
    }
    return Long.parseLong((negative ? "-" : "") + digits, radix);
  }

  /** The value of an ASCII digit or letter (Character.digit would take other scripts' digits). */
  private static int asciiDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    return Integer.MAX_VALUE;
  }

  private static boolean refused(IOException e) {
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return reason != null && REFUSALS.contains(reason);
  }
}
