package io.taoprom.metrics.host.dmmultipath;

import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Multipath maps in {@code /sys/block}: the {@code dm-*} devices whose {@code dm/uuid} starts
 * with {@code mpath-} (LVM volumes, crypt and other maps are left out), their
 * {@code slaves/} and each slave's {@code device/state}.
 */
final class MultipathSysfs {

  private final SysFs sys;

  MultipathSysfs(SysFs sys) {
    this.sys = sys;
  }

  /** Every multipath map, in {@code /sys/block} order. */
  List<MultipathDevice> read() throws IOException {
    List<MultipathDevice> devices = new ArrayList<>();
    for (String block : sys.list("block")) {
      if (!block.startsWith("dm-")) {
        continue;
      }
      String dir = "block/" + block;
      String uuid = optional(dir + "/dm/uuid");
      if (uuid == null || !uuid.startsWith("mpath-")) {
        continue; // not a device-mapper device (gone since listed), or not a multipath map
      }
      String name = required(dir + "/dm/name");
      boolean suspended = number(dir + "/dm/suspended") == 1;
      double size = number(dir + "/size") * 512;
      List<MultipathDevice.Path> paths = new ArrayList<>();
      for (String slave : sys.list(dir + "/slaves")) {
        String state = optional("block/" + slave + "/device/state");
        if (state != null) { // a path removed since the listing is no longer a path
          paths.add(new MultipathDevice.Path(slave, state));
        }
      }
      devices.add(new MultipathDevice(name, block, uuid, suspended, size, paths));
    }
    return devices;
  }

  private String optional(String file) throws IOException {
    return sys.attribute(file).orElse(null);
  }

  private String required(String file) throws IOException {
    String text = optional(file);
    if (text == null) {
      throw new IOException(sys.path(file) + " is missing");
    }
    return text;
  }

  private double number(String file) throws IOException {
    double value = sys.unsigned(file, Double.NaN);
    if (Double.isNaN(value)) {
      throw new IOException(sys.path(file) + " is missing");
    }
    return value;
  }

}
