package io.taoprom.metrics.host.powersupplyclass;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /sys/class/power_supply}: one directory per supply (mains adapter, battery, USB-C port,
 * a wireless mouse's battery), one attribute per file, listed again on every read.
 *
 * <p>An attribute that is absent, not readable by this user, or refused by the driver (a HID
 * battery answers {@code ENODEV} while the device sleeps, a charger {@code EOPNOTSUPP} or
 * {@code EINVAL}) is left out; a supply directory that cannot be listed, or a numeric attribute
 * that is not an integer, is an error naming it.
 */
final class PowerSupplySource {

  private static final String CLASS = "class/power_supply";

  /**
   * One power supply.
   *
   * @param name the directory's name, {@code BAT0}
   * @param values one per {@link PowerSupplyAttributes#NUMERIC}, as the kernel's integer; NaN where absent
   * @param info one per {@link PowerSupplyAttributes#INFO}, stripped; empty where absent
   */
  record PowerSupply(String name, double[] values, String[] info) {}

  private final SysFs sys;
  private final DeviceFilter ignored;

  PowerSupplySource(SysFs sys, DeviceFilter ignored) {
    this.sys = sys;
    this.ignored = ignored;
  }

  List<PowerSupply> read() throws IOException {
    List<PowerSupply> supplies = new ArrayList<>();
    for (String name : sys.list(CLASS)) {
      if (!ignored.ignored(name)) {
        supplies.add(supply(name, sys.path(CLASS).resolve(name)));
      }
    }
    return supplies;
  }

  private static PowerSupply supply(String name, Path dir) throws IOException {
    Set<String> present = new HashSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        present.add(entry.getFileName().toString());
      }
    } catch (IOException e) {
      throw new IOException("cannot list power supply " + dir + ": " + e.getMessage(), e);
    }
    double[] values = new double[PowerSupplyAttributes.NUMERIC.size()];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < values.length; i++) {
      String file = PowerSupplyAttributes.NUMERIC.get(i).file();
      String text = present.contains(file) ? optional(dir.resolve(file)) : null;
      if (text != null) {
        values[i] = SysAttribute.parseLong(dir.resolve(file), text);
      }
    }
    String[] info = new String[PowerSupplyAttributes.INFO.size()];
    for (int i = 0; i < info.length; i++) {
      String file = PowerSupplyAttributes.INFO.get(i);
      String text = present.contains(file) ? optional(dir.resolve(file)) : null;
      info[i] = text == null ? "" : text;
    }
    return new PowerSupply(name, values, info);
  }

  /** The stripped value; null where the attribute is absent, denied or refused. */
  private static String optional(Path file) throws IOException {
    return SysAttribute.readIfShown(file).orElse(null);
  }
}
