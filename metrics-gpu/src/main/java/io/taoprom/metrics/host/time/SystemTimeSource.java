package io.taoprom.metrics.host.time;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM's clock and zone; on Linux the clocksources of
 * {@code /sys/devices/system/clocksource}, where node_exporter reads them.
 */
final class SystemTimeSource implements TimeSource {

  private static final String CLOCKSOURCES = "devices/system/clocksource";
  private static final String DEVICE_PREFIX = "clocksource";

  private final Clock clock = Clock.systemUTC();
  private final SysFs sys;

  private SystemTimeSource(SysFs sys) {
    this.sys = sys;
  }

  /** The clock and zone, and the clocksources below {@code sys}. */
  static SystemTimeSource linux(SysFs sys) {
    return new SystemTimeSource(sys);
  }

  /** The clock and zone only: other systems have no clocksource list to show. */
  static SystemTimeSource portable() {
    return new SystemTimeSource(null);
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public ZoneId zone() {
    return ZoneId.systemDefault();
  }

  /**
   * The {@code clocksourceN} directories in name order, labelled by their position in it (so
   * {@code clocksource10} is device {@code 2} beside {@code 0} and {@code 1}), as node_exporter
   * labels them. The directory is listed on every scrape, so that one that appears is seen.
   */
  @Override
  public List<Clocksource> clocksources() throws IOException {
    if (sys == null) {
      return List.of();
    }
    List<Clocksource> out = new ArrayList<>(1);
    for (String name : sys.list(CLOCKSOURCES)) {
      if (!isDevice(name)) {
        continue;
      }
      String dir = CLOCKSOURCES + "/" + name + "/";
      String available = required(dir + "available_clocksource");
      String current = required(dir + "current_clocksource");
      List<String> names = available.isEmpty() ? List.of() : Arrays.asList(available.split("\\s+"));
      out.add(new Clocksource(Integer.toString(out.size()), names, current));
    }
    return out;
  }

  /** {@code clocksource} followed by a digit, what node_exporter's {@code clocksource[0-9]*} matches. */
  static boolean isDevice(String name) {
    return name.length() > DEVICE_PREFIX.length()
        && name.startsWith(DEVICE_PREFIX)
        && name.charAt(DEVICE_PREFIX.length()) >= '0'
        && name.charAt(DEVICE_PREFIX.length()) <= '9';
  }

  private String required(String attribute) throws IOException {
    return sys.attribute(attribute)
        .orElseThrow(() -> new MalformedFileException(sys.path(attribute), "is missing (every clocksource device has it)"));
  }
}
