package io.taoprom.metrics.host.hwmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return text(sys, CollectorConfig.empty());
  }

  private static String text(SysFs sys, CollectorConfig config) {
    HwmonCollector collector = new HwmonCollector(
        new HwmonSource(sys, DeviceFilter.excludeInclude(config, HwmonPlugin.CHIP_EXCLUDE, HwmonPlugin.CHIP_INCLUDE)),
        DeviceFilter.excludeInclude(config, HwmonPlugin.SENSOR_EXCLUDE, HwmonPlugin.SENSOR_INCLUDE));
    return HostFixtures.text(collector);
  }

  @Test
  void aMachineWithoutHwmonGetsNothing() {
    assertThat(text(SysFs.at(dir))).isEmpty();
  }

  @Test
  void chipsAreFilteredByTheirLabel() throws IOException {
    SysFs sys = HostFixtures.copy("hwmon/gpu-server", dir);

    String nvmeOnly = text(sys, config(HwmonPlugin.CHIP_INCLUDE, "^nvme_"));
    assertThat(nvmeOnly).contains("chip=\"nvme_nvme0\"", "chip=\"nvme_nvme1\"").doesNotContain("coretemp", "i2c_");

    String noNvme = text(sys, config(HwmonPlugin.CHIP_EXCLUDE, "^nvme_"));
    assertThat(noNvme).contains("platform_coretemp_0").doesNotContain("nvme_nvme");
  }

  @Test
  void sensorsAreFilteredAsChipSemicolonSensor() throws IOException {
    String text = text(HostFixtures.copy("hwmon/gpu-server", dir),
        config(HwmonPlugin.SENSOR_EXCLUDE, "^platform_coretemp_\\d+;temp[2-9]$"));

    assertThat(text)
        .contains("node_hwmon_temp_celsius{chip=\"platform_coretemp_0\",sensor=\"temp1\"} 47.0")
        .doesNotContain("chip=\"platform_coretemp_0\",sensor=\"temp2\"", "label=\"Core 0\"")
        .contains("node_hwmon_temp_celsius{chip=\"nvme_nvme0\",sensor=\"temp2\"}");
  }

  @Test
  void entriesThatAreNoChipDirectoryAreLeftOut() throws IOException {
    Path hwmon = Files.createDirectories(dir.resolve("class/hwmon"));
    Files.createSymbolicLink(hwmon.resolve("hwmon0"), Path.of("../../devices/gone/hwmon0")); // a driver unloading
    Files.writeString(hwmon.resolve("hwmon1"), "not a directory\n");
    Path chip = Files.createDirectories(hwmon.resolve("hwmon2"));
    Files.writeString(chip.resolve("name"), "coretemp\n");
    Files.writeString(chip.resolve("temp1_input"), "45000\n");
    Files.createDirectory(chip.resolve("temp2_input")); // opens, never reads: skipped like a refused sensor
    Files.writeString(chip.resolve("temp3_input"), " 45000\n"); // not a number to ParseFloat either

    assertThat(text(SysFs.at(dir)))
        .isEqualTo(
            """
            # HELP node_hwmon_chip_names Annotation metric for human-readable chip names
            # TYPE node_hwmon_chip_names gauge
            node_hwmon_chip_names{chip="coretemp",chip_name="coretemp"} 1.0
            # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
            # TYPE node_hwmon_temp_celsius gauge
            node_hwmon_temp_celsius{chip="coretemp",sensor="temp1"} 45.0
            """);
  }

  @Test
  void aDeviceThatCannotBeListedFailsNamingIt() throws IOException {
    Path chip = Files.createDirectories(dir.resolve("class/hwmon/hwmon0"));
    Files.writeString(chip.resolve("name"), "nvme\n");
    Files.writeString(chip.resolve("temp1_input"), "38850\n");
    Files.writeString(chip.resolve("device"), "a file where the device link belongs\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot list hwmon directory")
        .hasMessageContaining("class/hwmon/hwmon0/device");
  }

  @Test
  void fileNamesSplitAsNodeExportersExpressionSplitsThem() {
    assertThat(SensorName.parse("temp1_input")).isEqualTo(new SensorName("temp", 1, "input"));
    assertThat(SensorName.parse("fan2")).isEqualTo(new SensorName("fan", 2, ""));
    assertThat(SensorName.parse("temp01_lowest")).isEqualTo(new SensorName("temp", 1, "lowest"));
    assertThat(SensorName.parse("pwm1_auto_point1_pwm")).isEqualTo(new SensorName("pwm", 1, "auto_point1_pwm"));
    assertThat(SensorName.parse("beep_enable")).isEqualTo(new SensorName("beep_enable", 0, ""));
    assertThat(SensorName.parse("power_state")).isEqualTo(new SensorName("power_state", 0, ""));
    assertThat(SensorName.parse("temp_1x")).isEqualTo(new SensorName("temp", 0, "1x"));
    assertThat(SensorName.parse("fan_1_")).isEqualTo(new SensorName("fan", 0, "1_"));
    assertThat(SensorName.parse("temp1_")).isNull();
    assertThat(SensorName.parse("nvme0n1")).isNull();
    assertThat(SensorName.parse("1temp")).isNull();
    assertThat(SensorName.parse("temp99999999999999999999_input")).isNull();
    assertThat(new SensorName("beep_enable", 0, "").sensor()).isEqualTo("beep_enable0");
  }

  @Test
  void namesAreCleanedAsNodeExporterCleansThem() {
    assertThat(ChipNames.clean("coretemp.0")).isEqualTo("coretemp_0");
    assertThat(ChipNames.clean("0000:00:03.1")).isEqualTo("0000:00:03_1");
    assertThat(ChipNames.clean("LNXSYBUS:00")).isEqualTo("lnxsybus:00");
    assertThat(ChipNames.clean("_Core 0\n")).isEqualTo("core_0");
    assertThat(ChipNames.clean("edge \u00e9")).isEqualTo("edge");
    assertThat(ChipNames.clean("--")).isEmpty();
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new HwmonPlugin().availability().available()).isEqualTo(linux);
  }

  private static CollectorConfig config(String option, String value) {
    return CollectorConfig.of(Map.of(option, List.of(value)));
  }
}
