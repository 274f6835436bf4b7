package io.taoprom.metrics.host.btrfs;

import io.taoprom.metrics.host.MountTable;
import java.util.List;
import java.util.Map;

/** Where the btrfs collector gets per-device figures of mounted file systems from. */
interface DeviceStatsSource {

  /**
   * The devices of each btrfs among {@code mounts} that could be queried, keyed by file-system id
   * (32 lower-case hex digits, no dashes). A mount that cannot be opened or queried is left out,
   * as node_exporter leaves it out; the collector then serves that file system's sysfs sizes.
   */
  Map<String, List<DeviceStats>> read(List<MountTable.Mount> mounts);
}
