package io.taoprom.metrics.host.time;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Where the {@code time} collector reads the clock, the time zone and the clocksources from. */
interface TimeSource {

  /**
   * One clock event device's clocksources, from {@code /sys/devices/system/clocksource/clocksourceN}.
   *
   * @param device the position of the device among them, {@code 0}, as node_exporter labels it
   * @param available the names in {@code available_clocksource}, in the kernel's order
   * @param current the name in {@code current_clocksource}
   */
  record Clocksource(String device, List<String> available, String current) {}

  /** The system clock now. */
  Instant now();

  /** The system time zone. */
  ZoneId zone();

  /** The clocksources; empty where the system has none to show (not Linux). */
  List<Clocksource> clocksources() throws IOException;
}
