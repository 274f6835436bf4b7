package io.taoprom.metrics.host.dmmultipath;

import io.taoprom.metrics.host.ReadError;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
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
    try {
      return sys.read(file).strip();
    } catch (NoSuchFileException absent) {
      return null;
    } catch (IOException e) {
      throw ReadError.of(sys.path(file), e);
    }
  }

  private String required(String file) throws IOException {
    String text = optional(file);
    if (text == null) {
      throw new IOException(sys.path(file) + " is missing");
    }
    return text;
  }

  private double number(String file) throws IOException {
    String text = required(file);
    try {
      long v = Long.parseUnsignedLong(text);
      return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    } catch (NumberFormatException e) {
      throw new IOException(sys.path(file) + ": expected an unsigned number, found " + Excerpt.quoted(text, 40));
    }
  }
}
