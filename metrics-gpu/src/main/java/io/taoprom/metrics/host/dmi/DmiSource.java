package io.taoprom.metrics.host.dmi;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The firmware's identity strings in {@code /sys/class/dmi/id}: BIOS, board, chassis and product,
 * each a file. Files only root may read ({@code board_serial}, {@code chassis_serial},
 * {@code product_serial}, {@code product_uuid}: mode 0400) are left out whoever runs TaoProm, so
 * that the series is what node_exporter serves when run as the unprivileged user it is meant to
 * run as, and no serial number reaches an endpoint that is published on chain.
 */
final class DmiSource {

  private static final String DIR = "class/dmi/id";

  /** The files node_exporter reads and the label each becomes (only {@code sys_vendor} is renamed). */
  static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("bios_date", "bios_date"),
      Map.entry("bios_release", "bios_release"),
      Map.entry("bios_vendor", "bios_vendor"),
      Map.entry("bios_version", "bios_version"),
      Map.entry("board_asset_tag", "board_asset_tag"),
      Map.entry("board_name", "board_name"),
      Map.entry("board_serial", "board_serial"),
      Map.entry("board_vendor", "board_vendor"),
      Map.entry("board_version", "board_version"),
      Map.entry("chassis_asset_tag", "chassis_asset_tag"),
      Map.entry("chassis_serial", "chassis_serial"),
      Map.entry("chassis_vendor", "chassis_vendor"),
      Map.entry("chassis_version", "chassis_version"),
      Map.entry("product_family", "product_family"),
      Map.entry("product_name", "product_name"),
      Map.entry("product_serial", "product_serial"),
      Map.entry("product_sku", "product_sku"),
      Map.entry("product_uuid", "product_uuid"),
      Map.entry("product_version", "product_version"),
      Map.entry("sys_vendor", "system_vendor"));

  /** One identity string: its label and the stripped value (possibly empty, as the firmware left it). */
  record Field(String label, String value) {}

  private final SysFs sys;

  DmiSource(SysFs sys) {
    this.sys = sys;
  }

  /** The fields in label order; empty where the machine has no DMI table (virtual machines, ARM boards). */
  List<Field> read() throws IOException {
    List<Field> fields = new ArrayList<>();
    Path dir = sys.path(DIR);
    for (String name : sys.list(DIR)) {
      String label = LABELS.get(name);
      if (label == null) {
        continue;
      }
      Path file = dir.resolve(name);
      PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile() || !attributes.permissions().contains(PosixFilePermission.OTHERS_READ)) {
        continue; // node_exporter reads regular files only; root-only ones are left out (see above)
      }
      String value;
      try {
        value = SysAttribute.readStripped(file);
      } catch (AccessDeniedException rootOnly) {
        continue;
      }
      if (value != null) {
        fields.add(new Field(label, value));
      }
    }
    fields.sort((a, b) -> a.label().compareTo(b.label()));
    return fields;
  }
}
