package io.taoprom.metrics.host.uname;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;

/**
 * node_exporter's uname collector. A gauge rather than client_java's info type, because that is
 * how node_exporter types it in every format, OpenMetrics included:
 *
 * <pre>
 * # HELP node_uname_info Labeled system information as provided by the uname system call.
 * # TYPE node_uname_info gauge
 * node_uname_info{domainname="(none)",machine="x86_64",nodename="vm",release="6.1.0",sysname="Linux",version="#1 SMP"} 1
 * </pre>
 */
final class UnameCollector implements ReadingCollector {

  private static final MetricMetadata UNAME_INFO =
      new MetricMetadata("node_uname_info", "Labeled system information as provided by the uname system call.");

  private final UnameSource source;
  /** The last uname and its labels: they only change when the host is renamed. */
  private volatile Object[] last = {null, null};

  UnameCollector(UnameSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    UnameSource.Uname u = source.read();
    Object[] cached = last;
    Labels labels;
    if (u.equals(cached[0])) {
      labels = (Labels) cached[1];
    } else {
      labels =
          Labels.of(
              "sysname", u.sysname(),
              "release", u.release(),
              "version", u.version(),
              "machine", u.machine(),
              "nodename", u.nodename(),
              "domainname", u.domainname());
      last = new Object[] {u, labels};
    }
    return MetricSnapshots.of(
        new GaugeSnapshot(UNAME_INFO, List.of(GaugeDataPointSnapshot.builder().labels(labels).value(1).build())));
  }
}
