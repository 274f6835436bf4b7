package io.taoprom.metrics.host.dmmultipath;

import java.util.List;

/**
 * One device-mapper multipath map.
 *
 * @param name the map's name, {@code mpatha} or a WWID ({@code dm/name})
 * @param sysfsName the kernel's block device, {@code dm-3}
 * @param uuid the device-mapper UUID, {@code mpath-3600…} ({@code dm/uuid})
 * @param suspended whether {@code dm/suspended} reads 1
 * @param sizeBytes the map's size ({@code size}, 512-byte sectors)
 * @param paths the underlying devices ({@code slaves/}) and their state
 */
record MultipathDevice(
    String name, String sysfsName, String uuid, boolean suspended, double sizeBytes, List<Path> paths) {

  /**
   * One path of a map.
   *
   * @param device the block device, {@code sdi}, {@code nvme2n1}
   * @param state its {@code device/state}: {@code running}, {@code offline}, {@code live}, …
   */
  record Path(String device, String state) {

    /** Whether the path can carry I/O: a running SCSI device or a live NVMe controller. */
    boolean active() {
      return state.equals("running") || state.equals("live");
    }
  }
}
