package io.taoprom.metrics.host.time;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;

/**
 * node_exporter's time collector:
 *
 * <pre>
 * # HELP node_time_seconds System time in seconds since epoch (1970).
 * # TYPE node_time_seconds gauge
 * node_time_seconds 1.7955624688308802e+09
 * # HELP node_time_zone_offset_seconds System time zone offset in seconds.
 * # TYPE node_time_zone_offset_seconds gauge
 * node_time_zone_offset_seconds{time_zone="UTC"} 0
 * # HELP node_time_clocksource_available_info Available clocksources read from '/sys/devices/system/clocksource'.
 * # TYPE node_time_clocksource_available_info gauge
 * node_time_clocksource_available_info{clocksource="tsc",device="0"} 1
 * # HELP node_time_clocksource_current_info Current clocksource read from '/sys/devices/system/clocksource'.
 * # TYPE node_time_clocksource_current_info gauge
 * node_time_clocksource_current_info{clocksource="tsc",device="0"} 1
 * </pre>
 *
 * <p>The clocksource series only on Linux. ({@code node_boot_time_seconds} is the {@code stat}
 * collector's, as in node_exporter.)
 */
final class TimeCollector implements ReadingCollector {

  private static final MetricMetadata TIME =
      new MetricMetadata("node_time_seconds", "System time in seconds since epoch (1970).");
  private static final MetricMetadata ZONE_OFFSET =
      new MetricMetadata("node_time_zone_offset_seconds", "System time zone offset in seconds.");
  private static final MetricMetadata CLOCKSOURCE_AVAILABLE =
      new MetricMetadata(
          "node_time_clocksource_available_info",
          "Available clocksources read from '/sys/devices/system/clocksource'.");
  private static final MetricMetadata CLOCKSOURCE_CURRENT =
      new MetricMetadata(
          "node_time_clocksource_current_info",
          "Current clocksource read from '/sys/devices/system/clocksource'.");

  private final TimeSource source;

  TimeCollector(TimeSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<TimeSource.Clocksource> clocksources = source.clocksources();
    Instant now = source.now();
    ZoneId zone = source.zone();
    int offset = zone.getRules().getOffset(now).getTotalSeconds();
    List<MetricSnapshot> families = new ArrayList<>(4);
    families.add(new GaugeSnapshot(
        TIME, List.of(GaugeDataPointSnapshot.builder().value(now.getEpochSecond() + now.getNano() / 1e9).build())));
    families.add(new GaugeSnapshot(
        ZONE_OFFSET,
        List.of(
            GaugeDataPointSnapshot.builder()
                .labels(Labels.of("time_zone", abbreviation(zone, now)))
                .value(offset)
                .build())));
    if (!clocksources.isEmpty()) {
      List<GaugeDataPointSnapshot> available = new ArrayList<>();
      List<GaugeDataPointSnapshot> current = new ArrayList<>(clocksources.size());
      for (TimeSource.Clocksource device : clocksources) {
        // A name listed twice would be the same series twice, which client_java refuses.
        Set<String> seen = new HashSet<>();
        for (String name : device.available()) {
          if (seen.add(name)) {
            available.add(info(device.device(), name));
          }
        }
        current.add(info(device.device(), device.current()));
      }
      families.add(new GaugeSnapshot(CLOCKSOURCE_AVAILABLE, available));
      families.add(new GaugeSnapshot(CLOCKSOURCE_CURRENT, current));
    }
    return new MetricSnapshots(families);
  }

  private static GaugeDataPointSnapshot info(String device, String clocksource) {
    return GaugeDataPointSnapshot.builder()
        .labels(Labels.of("clocksource", clocksource, "device", device))
        .value(1)
        .build();
  }

  /**
   * The short name Go's {@code time.Zone()} gives from the tz database: UTC, CET or CEST, EST,
   * and for zones the database names by offset only, {@code +04} or {@code +0530}. Java has no
   * tz-database abbreviations, so this takes its US-English short names, which agree for the
   * zones that have abbreviations, and writes offsets the tz database's way.
   */
  static String abbreviation(ZoneId zone, Instant now) {
    boolean daylight = zone.getRules().isDaylightSavings(now);
    String name = TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.US);
    if (name.isEmpty()) {
      name = zone.getDisplayName(TextStyle.SHORT, Locale.US);
    }
    return offsetStyle(name);
  }

  /** {@code GMT+04:00} to {@code +04}, {@code GMT-09:30} to {@code -0930}; other names as they are. */
  static String offsetStyle(String name) {
    if (name.length() == 9 && name.startsWith("GMT") && (name.charAt(3) == '+' || name.charAt(3) == '-')
        && name.charAt(6) == ':') {
      String minutes = name.substring(7);
      return name.substring(3, 6) + (minutes.equals("00") ? "" : minutes);
    }
    return name;
  }
}
