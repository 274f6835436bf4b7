package io.taoprom.metrics.host.watchdog;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * node_exporter's watchdog collector (upstream since 1.8; not in 1.5), per device:
 *
 * <pre>
 * # HELP node_watchdog_info Info of /sys/class/watchdog/&lt;watchdog&gt;
 * # TYPE node_watchdog_info gauge
 * node_watchdog_info{identity="iTCO_wdt",name="watchdog0",options="0x8180",pretimeout_governor="",state="inactive",status="0x0"} 1
 * # HELP node_watchdog_timeout_seconds Value of /sys/class/watchdog/&lt;watchdog&gt;/timeout
 * # TYPE node_watchdog_timeout_seconds gauge
 * node_watchdog_timeout_seconds{name="watchdog0"} 30
 * </pre>
 *
 * <p>and {@code bootstatus}, {@code fw_version}, {@code nowayout}, {@code timeleft_seconds},
 * {@code pretimeout_seconds} and {@code access_cs0} where the driver has them. A machine without
 * watchdogs yields nothing.
 */
final class WatchdogCollector implements ReadingCollector {

  /** A numeric attribute and the family it is served as. */
  private record Numeric(MetricMetadata metadata, Function<Watchdog, Long> value) {}

  private static final List<Numeric> NUMERIC = List.of(
      numeric("bootstatus", "bootstatus", Watchdog::bootstatus),
      numeric("fw_version", "fw_version", Watchdog::fwVersion),
      numeric("nowayout", "nowayout", Watchdog::nowayout),
      numeric("timeleft_seconds", "timeleft", Watchdog::timeleft),
      numeric("timeout_seconds", "timeout", Watchdog::timeout),
      numeric("pretimeout_seconds", "pretimeout", Watchdog::pretimeout),
      numeric("access_cs0", "access_cs0", Watchdog::accessCs0));

  private static final MetricMetadata INFO =
      new MetricMetadata("node_watchdog_info", "Info of /sys/class/watchdog/<watchdog>");

  private final WatchdogClass watchdogs;

  WatchdogCollector(WatchdogClass watchdogs) {
    this.watchdogs = watchdogs;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<Watchdog> devices = watchdogs.read();
    if (devices.isEmpty()) {
      return MetricSnapshots.of();
    }
    List<MetricSnapshot> families = new ArrayList<>(NUMERIC.size() + 1);
    for (Numeric numeric : NUMERIC) {
      List<GaugeDataPointSnapshot> points = new ArrayList<>(devices.size());
      for (Watchdog device : devices) {
        Long value = numeric.value().apply(device);
        if (value != null) {
          points.add(GaugeDataPointSnapshot.builder().labels(Labels.of("name", device.name())).value(value).build());
        }
      }
      if (!points.isEmpty()) {
        families.add(new GaugeSnapshot(numeric.metadata(), points));
      }
    }
    List<GaugeDataPointSnapshot> info = new ArrayList<>(devices.size());
    for (Watchdog device : devices) {
      info.add(GaugeDataPointSnapshot.builder()
          .labels(Labels.of(
              "name", device.name(),
              "options", orEmpty(device.options()),
              "identity", orEmpty(device.identity()),
              "state", orEmpty(device.state()),
              "status", orEmpty(device.status()),
              "pretimeout_governor", orEmpty(device.pretimeoutGovernor())))
          .value(1)
          .build());
    }
    families.add(new GaugeSnapshot(INFO, info));
    return new MetricSnapshots(families);
  }

  private static Numeric numeric(String suffix, String attribute, Function<Watchdog, Long> value) {
    return new Numeric(
        new MetricMetadata("node_watchdog_" + suffix, "Value of /sys/class/watchdog/<watchdog>/" + attribute), value);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
