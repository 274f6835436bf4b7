package io.taoprom.metrics.host.btrfs;

import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mounted btrfs file systems as {@code /sys/fs/btrfs/<fsid>/} describes them: label, devices
 * ({@code devices/<name>/size} in 512-byte sectors) and, per block-group type ({@code data},
 * {@code metadata}, {@code system}), the reserved bytes and each layout's ({@code single},
 * {@code raid1}, …) allocated and used bytes. Read as node_exporter's procfs library reads it: an
 * attribute the kernel lacks counts as 0, a directory it lacks is an error.
 */
final class BtrfsSysfs {

  static final String ROOT = "fs/btrfs";

  /** One layout of one block-group type, {@code data/raid1}. */
  record Layout(String type, String mode, double totalBytes, double usedBytes, double ratio) {}

  /** One file system. */
  record FileSystem(
      String uuid,
      String label,
      Map<String, Double> deviceSizes,
      double globalRsvSize,
      Map<String, Double> reservedBytes,
      List<Layout> layouts) {}

  static final String[] BLOCK_GROUP_TYPES = {"data", "metadata", "system"};

  private final SysFs sys;

  BtrfsSysfs(SysFs sys) {
    this.sys = sys;
  }

  /** Every file system, in directory order. */
  List<FileSystem> read() throws IOException {
    List<FileSystem> out = new ArrayList<>();
    for (String fsid : sys.list(ROOT)) {
      if (fsid.indexOf('-') >= 0) { // "features" is the module's, not a file system's
        out.add(fileSystem(ROOT + "/" + fsid, fsid));
      }
    }
    return out;
  }

  private FileSystem fileSystem(String dir, String fsid) throws IOException {
    Map<String, Double> devices = new LinkedHashMap<>();
    for (String device : listRequired(dir + "/devices")) {
      devices.put(device, 512 * value(dir + "/devices/" + device + "/size"));
    }
    String uuid = text(dir + "/metadata_uuid");
    Map<String, Double> reserved = new LinkedHashMap<>();
    List<Layout> layouts = new ArrayList<>();
    for (String type : BLOCK_GROUP_TYPES) {
      String group = dir + "/allocation/" + type;
      reserved.put(type, value(group + "/bytes_reserved"));
      for (String mode : listRequired(group)) {
        if (Files.isDirectory(sys.path(group + "/" + mode))) {
          layouts.add(new Layout(type, mode, value(group + "/" + mode + "/total_bytes"),
              value(group + "/" + mode + "/used_bytes"), ratio(mode, devices.size())));
        }
      }
    }
    return new FileSystem(uuid.isEmpty() ? fsid : uuid, text(dir + "/label"), devices,
        value(dir + "/allocation/global_rsv_size"), reserved, layouts);
  }

  /** How many bytes of raw space a layout uses per byte stored; 0 for a layout not known. */
  static double ratio(String mode, int devices) {
    return switch (mode) {
      case "single", "raid0" -> 1;
      case "dup", "raid1", "raid10" -> 2;
      case "raid1c3" -> 3;
      case "raid1c4" -> 4;
      case "raid5" -> devices / (devices - 1.0);
      case "raid6" -> devices / (devices - 2.0);
      default -> 0;
    };
  }

  private List<String> listRequired(String dir) throws IOException {
    if (!Files.isDirectory(sys.path(dir))) {
      throw new IOException(sys.path(dir) + " is missing: not the btrfs sysfs layout this reads");
    }
    return sys.list(dir);
  }

  /** An attribute's text, empty when the kernel does not have it. */
  private String text(String file) throws IOException {
    return sys.attribute(file).orElse("");
  }

  /** An unsigned attribute, 0 when the kernel does not have it. */
  private double value(String file) throws IOException {
    return sys.unsigned(file, 0);
  }

}
