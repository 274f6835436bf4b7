package io.taoprom.metrics.host.selinux;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * node_exporter's selinux collector. Where SELinux is off (most GPU servers: Ubuntu uses
 * AppArmor) it serves one series, as node_exporter does:
 *
 * <pre>
 * # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
 * # TYPE node_selinux_enabled gauge
 * node_selinux_enabled 0.0
 * </pre>
 *
 * <p>and where it is on also {@code node_selinux_config_mode} and
 * {@code node_selinux_current_mode} (1 enforcing, 0 permissive, -1 disabled).
 */
final class SelinuxCollector implements ReadingCollector {

  private static final MetricMetadata ENABLED =
      new MetricMetadata("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false");
  private static final MetricMetadata CONFIG_MODE =
      new MetricMetadata("node_selinux_config_mode", "Configured SELinux enforcement mode");
  private static final MetricMetadata CURRENT_MODE =
      new MetricMetadata("node_selinux_current_mode", "Current SELinux enforcement mode");

  private final SelinuxState state;

  /** Reads SELinux's state from the files below {@code root}, {@code /} on a real machine. */
  SelinuxCollector(Path root) {
    this.state = new SelinuxState(root);
  }

  @Override
  public MetricSnapshots read() throws IOException {
    Optional<Path> mount = state.mountPoint();
    if (mount.isEmpty() || !state.policyLoaded()) {
      return MetricSnapshots.of(gauge(ENABLED, 0));
    }
    return MetricSnapshots.of(
        gauge(ENABLED, 1),
        gauge(CONFIG_MODE, state.configuredMode()),
        gauge(CURRENT_MODE, state.currentMode(mount.get())));
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }
}
