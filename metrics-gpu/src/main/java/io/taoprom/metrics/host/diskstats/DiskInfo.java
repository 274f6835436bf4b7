package io.taoprom.metrics.host.diskstats;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.taoprom.metrics.host.HostFamilies;
import java.util.Map;

/**
 * The identity series node_exporter's diskstats collector serves from udev's record of each disk:
 *
 * <pre>
 * # HELP node_disk_info Info of /sys/block/&lt;block_device&gt;.
 * # TYPE node_disk_info gauge
 * node_disk_info{device="nvme0n1",major="259",minor="0",model="SAMSUNG MZQL23T8HCLS-00A07",path="pci-0000:c3:00.0-nvme-1",revision="GDC5602Q",serial="S64HNE0T312345",wwn="eui.36344830543123450025384500000001"} 1.0
 * </pre>
 *
 * and, where udev knows them, the file system on the disk ({@code node_disk_filesystem_info}),
 * its device-mapper name ({@code node_disk_device_mapper_info}) and an ATA disk's write cache and
 * rotation rate ({@code node_disk_ata_*}). {@code serial} is udev's {@code SCSI_IDENT_SERIAL}, else
 * {@code ID_SERIAL_SHORT}, else {@code ID_SERIAL}, as current upstream takes it.
 */
final class DiskInfo {

  private static final MetricMetadata INFO = new MetricMetadata("node_disk_info", "Info of /sys/block/<block_device>.");
  private static final MetricMetadata FILESYSTEM_INFO =
      new MetricMetadata("node_disk_filesystem_info", "Info about disk filesystem.");
  private static final MetricMetadata DEVICE_MAPPER_INFO =
      new MetricMetadata("node_disk_device_mapper_info", "Info about disk device mapper.");
  private static final MetricMetadata ATA_WRITE_CACHE =
      new MetricMetadata("node_disk_ata_write_cache", "ATA disk has a write cache.");
  private static final MetricMetadata ATA_WRITE_CACHE_ENABLED =
      new MetricMetadata("node_disk_ata_write_cache_enabled", "ATA disk has its write cache enabled.");
  private static final MetricMetadata ATA_ROTATION_RATE =
      new MetricMetadata("node_disk_ata_rotation_rate_rpm", "ATA disk rotation rate in RPMs (0 for SSDs).");

  private DiskInfo() {}

  /** Adds the series of one disk with device number {@code major:minor} and udev properties {@code udev}. */
  static void add(HostFamilies out, DiskSource.Disk disk, Map<String, String> udev) {
    String device = disk.device();
    out.gauge(INFO, Labels.of(
        "device", device,
        "major", Long.toString(disk.major()),
        "minor", Long.toString(disk.minor()),
        "path", get(udev, "ID_PATH"),
        "wwn", get(udev, "ID_WWN"),
        "model", get(udev, "ID_MODEL"),
        "serial", serial(udev),
        "revision", get(udev, "ID_REVISION")), 1);
    String fsType = get(udev, "ID_FS_TYPE");
    if (!fsType.isEmpty()) {
      out.gauge(FILESYSTEM_INFO, Labels.of(
          "device", device,
          "type", fsType,
          "usage", get(udev, "ID_FS_USAGE"),
          "uuid", get(udev, "ID_FS_UUID"),
          "version", get(udev, "ID_FS_VERSION")), 1);
    }
    String dmName = get(udev, "DM_NAME");
    if (!dmName.isEmpty()) {
      out.gauge(DEVICE_MAPPER_INFO, Labels.of(
          "device", device,
          "name", dmName,
          "uuid", get(udev, "DM_UUID"),
          "vg_name", get(udev, "DM_VG_NAME"),
          "lv_name", get(udev, "DM_LV_NAME"),
          "lv_layer", get(udev, "DM_LV_LAYER")), 1);
    }
    if (!get(udev, "ID_ATA").isEmpty()) {
      ata(out, ATA_WRITE_CACHE, device, udev.get("ID_ATA_WRITE_CACHE"));
      ata(out, ATA_WRITE_CACHE_ENABLED, device, udev.get("ID_ATA_WRITE_CACHE_ENABLED"));
      ata(out, ATA_ROTATION_RATE, device, udev.get("ID_ATA_ROTATION_RATE_RPM"));
    }
  }

  /** An ATA property as a number; left out when udev lacks it or it is no number (node_exporter logs and skips). */
  private static void ata(HostFamilies out, MetricMetadata metadata, String device, String value) {
    if (value == null) {
      return;
    }
    try {
      out.gauge(metadata, Labels.of("device", device), Double.parseDouble(value.strip()));
    } catch (NumberFormatException notANumber) {
      // as node_exporter: the series is left out
    }
  }

  private static String serial(Map<String, String> udev) {
    for (String key : new String[] {"SCSI_IDENT_SERIAL", "ID_SERIAL_SHORT", "ID_SERIAL"}) {
      String serial = get(udev, key);
      if (!serial.isEmpty()) {
        return serial;
      }
    }
    return "";
  }

  private static String get(Map<String, String> udev, String key) {
    return udev.getOrDefault(key, "");
  }
}
