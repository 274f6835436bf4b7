package io.taoprom.metrics.host.dmi;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's dmi collector, one series labelled with what the firmware provides:
 *
 * <pre>
 * # HELP node_dmi_info A metric with a constant '1' value labeled by bios_date, ... if provided by DMI.
 * # TYPE node_dmi_info gauge
 * node_dmi_info{bios_vendor="American Megatrends International, LLC.",product_name="SYS-821GE-TNHR",...} 1.0
 * </pre>
 *
 * <p>The table does not change until the next boot, so it is read once, at the first scrape that
 * succeeds (node_exporter reads it when it starts), and the series is kept.
 */
final class DmiCollector implements ReadingCollector {

  private static final MetricMetadata INFO = new MetricMetadata("node_dmi_info",
      "A metric with a constant '1' value labeled by bios_date, bios_release, bios_vendor, bios_version, "
          + "board_asset_tag, board_name, board_serial, board_vendor, board_version, chassis_asset_tag, "
          + "chassis_serial, chassis_vendor, chassis_version, product_family, product_name, product_serial, "
          + "product_sku, product_uuid, product_version, system_vendor if provided by DMI.");

  private final DmiSource source;
  private volatile MetricSnapshots cached;

  DmiCollector(DmiSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    MetricSnapshots snapshots = cached;
    if (snapshots == null) {
      List<DmiSource.Field> fields = source.read();
      snapshots = fields.isEmpty() ? MetricSnapshots.of() : MetricSnapshots.of(info(fields));
      cached = snapshots;
    }
    return snapshots;
  }

  private static GaugeSnapshot info(List<DmiSource.Field> fields) {
    List<String> names = new ArrayList<>(fields.size());
    List<String> values = new ArrayList<>(fields.size());
    for (DmiSource.Field field : fields) {
      names.add(field.label());
      values.add(field.value());
    }
    return new GaugeSnapshot(INFO,
        List.of(GaugeDataPointSnapshot.builder().labels(Labels.of(names, values)).value(1).build()));
  }
}
