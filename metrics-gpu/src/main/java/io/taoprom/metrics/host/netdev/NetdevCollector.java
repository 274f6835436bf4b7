package io.taoprom.metrics.host.netdev;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's netdev collector, one counter family per statistic:
 *
 * <pre>
 * # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
 * # TYPE node_network_receive_bytes_total counter
 * node_network_receive_bytes_total{device="eth0"} 3.28005545e+08
 * </pre>
 */
final class NetdevCollector implements ReadingCollector {

  private static final MetricMetadata[] METADATA = new MetricMetadata[NetDevSource.STATS.size()];

  static {
    for (int i = 0; i < METADATA.length; i++) {
      String stat = NetDevSource.STATS.get(i);
      METADATA[i] = new MetricMetadata("node_network_" + stat, "Network device statistic " + stat + ".");
    }
  }

  private final NetDevSource source;
  private final DeviceFilter filter;

  NetdevCollector(NetDevSource source, DeviceFilter filter) {
    this.source = source;
    this.filter = filter;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<NetDevSource.NetDevice> devices = source.read();
    List<NetDevSource.NetDevice> kept = new ArrayList<>(devices.size());
    List<Labels> labels = new ArrayList<>(devices.size());
    for (NetDevSource.NetDevice device : devices) {
      if (!filter.ignored(device.device())) {
        kept.add(device);
        labels.add(Labels.of("device", device.device()));
      }
    }
    List<MetricSnapshot> families = new ArrayList<>(NetDevSource.STATS.size());
    for (int stat = 0; stat < NetDevSource.STATS.size(); stat++) {
      List<CounterDataPointSnapshot> points = new ArrayList<>(kept.size());
      for (int d = 0; d < kept.size(); d++) {
        double value = kept.get(d).values()[stat];
        if (!Double.isNaN(value)) {
          points.add(CounterDataPointSnapshot.builder().labels(labels.get(d)).value(value).build());
        }
      }
      if (!points.isEmpty()) {
        families.add(new CounterSnapshot(METADATA[stat], points));
      }
    }
    return new MetricSnapshots(families);
  }
}
