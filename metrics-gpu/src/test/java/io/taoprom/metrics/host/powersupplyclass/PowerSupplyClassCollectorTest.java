package io.taoprom.metrics.host.powersupplyclass;

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

class PowerSupplyClassCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys, DeviceFilter ignored) {
    return HostFixtures.text(new PowerSupplyClassCollector(new PowerSupplySource(sys, ignored)));
  }

  private static DeviceFilter defaultFilter() {
    return DeviceFilter.exclude(CollectorConfig.empty(), PowerSupplyClassPlugin.IGNORED_SUPPLIES,
        PowerSupplyClassPlugin.DEFAULT_IGNORED);
  }

  /** The values node_exporter 1.5 serves for this tree (run on it by hand), in Java's notation. */
  @Test
  void goldenTextOfALaptop() throws IOException {
    assertThat(text(HostFixtures.copy("powersupplyclass/laptop", dir), defaultFilter()))
        .isEqualTo(
            """
            # HELP node_power_supply_capacity capacity value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_capacity gauge
            node_power_supply_capacity{power_supply="BAT0"} 87.0
            # HELP node_power_supply_current_ampere current_ampere value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_current_ampere gauge
            node_power_supply_current_ampere{power_supply="ucsi-source-psy-USBC000:001"} 0.0
            # HELP node_power_supply_current_max current_max value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_current_max gauge
            node_power_supply_current_max{power_supply="ucsi-source-psy-USBC000:001"} 0.0
            # HELP node_power_supply_cyclecount cyclecount value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_cyclecount gauge
            node_power_supply_cyclecount{power_supply="BAT0"} 123.0
            # HELP node_power_supply_energy_full energy_full value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_energy_full gauge
            node_power_supply_energy_full{power_supply="BAT0"} 47.52
            # HELP node_power_supply_energy_full_design energy_full_design value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_energy_full_design gauge
            node_power_supply_energy_full_design{power_supply="BAT0"} 57.0
            # HELP node_power_supply_energy_watthour energy_watthour value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_energy_watthour gauge
            node_power_supply_energy_watthour{power_supply="BAT0"} 41.34
            # HELP node_power_supply_info info of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_info gauge
            node_power_supply_info{capacity_level="Normal",manufacturer="SMP",model_name="5B10W13975",power_supply="BAT0",serial_number="436",status="Discharging",technology="Li-poly",type="Battery"} 1.0
            node_power_supply_info{model_name="MX Master 3",power_supply="hid-dc:2c:26:0a:1b:2c-battery",scope="Device",status="Discharging",type="Battery"} 1.0
            node_power_supply_info{power_supply="ucsi-source-psy-USBC000:001",scope="Unknown",type="USB",usb_type="[C] PD PD_PPS"} 1.0
            node_power_supply_info{power_supply="AC",type="Mains"} 1.0
            # HELP node_power_supply_online online value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_online gauge
            node_power_supply_online{power_supply="AC"} 1.0
            node_power_supply_online{power_supply="hid-dc:2c:26:0a:1b:2c-battery"} 1.0
            node_power_supply_online{power_supply="ucsi-source-psy-USBC000:001"} 0.0
            # HELP node_power_supply_power_watt power_watt value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_power_watt gauge
            node_power_supply_power_watt{power_supply="BAT0"} 8.123
            # HELP node_power_supply_present present value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_present gauge
            node_power_supply_present{power_supply="BAT0"} 1.0
            node_power_supply_present{power_supply="hid-dc:2c:26:0a:1b:2c-battery"} 1.0
            # HELP node_power_supply_temp_celsius temp_celsius value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_temp_celsius gauge
            node_power_supply_temp_celsius{power_supply="BAT0"} 29.5
            # HELP node_power_supply_voltage_max voltage_max value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_voltage_max gauge
            node_power_supply_voltage_max{power_supply="ucsi-source-psy-USBC000:001"} 5.0
            # HELP node_power_supply_voltage_min voltage_min value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_voltage_min gauge
            node_power_supply_voltage_min{power_supply="ucsi-source-psy-USBC000:001"} 5.0
            # HELP node_power_supply_voltage_min_design voltage_min_design value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_voltage_min_design gauge
            node_power_supply_voltage_min_design{power_supply="BAT0"} 11.52
            # HELP node_power_supply_voltage_volt voltage_volt value of /sys/class/power_supply/<power_supply>.
            # TYPE node_power_supply_voltage_volt gauge
            node_power_supply_voltage_volt{power_supply="BAT0"} 12.345
            node_power_supply_voltage_volt{power_supply="ucsi-source-psy-USBC000:001"} 5.0
            """);
  }

  @Test
  void ignoredSuppliesAreLeftOut() throws IOException {
    SysFs sys = HostFixtures.copy("powersupplyclass/laptop", dir);
    DeviceFilter noPeripherals = DeviceFilter.exclude(
        CollectorConfig.of(Map.of(PowerSupplyClassPlugin.IGNORED_SUPPLIES, List.of("^(hid-|ucsi-)"))),
        PowerSupplyClassPlugin.IGNORED_SUPPLIES, PowerSupplyClassPlugin.DEFAULT_IGNORED);

    String text = text(sys, noPeripherals);

    assertThat(text).contains("power_supply=\"AC\"", "power_supply=\"BAT0\"")
        .doesNotContain("hid-", "ucsi-", "node_power_supply_voltage_max");
  }

  @Test
  void aGpuServerAndThisVmHaveAnEmptyClassAndGetNothing() throws IOException {
    assertThat(text(HostFixtures.copy("powersupplyclass/gpu-server", dir.resolve("a")), defaultFilter())).isEmpty();
    assertThat(text(HostFixtures.copy("powersupplyclass/vm", dir.resolve("b")), defaultFilter())).isEmpty();
  }

  @Test
  void aMachineWithoutTheClassGetsNothing() {
    assertThat(text(SysFs.at(dir), defaultFilter())).isEmpty();
  }

  @Test
  void aNumericAttributeThatIsNotAnIntegerFailsNamingTheFile() throws IOException {
    Path bat = Files.createDirectories(dir.resolve("class/power_supply/BAT1"));
    Files.writeString(bat.resolve("type"), "Battery\n");
    Files.writeString(bat.resolve("capacity"), "87%\n");

    assertThatThrownBy(() -> text(SysFs.at(dir), defaultFilter()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("class/power_supply/BAT1/capacity holds \"87%\", not an integer");
  }

  @Test
  void aSupplyThatIsNotADirectoryFailsNamingIt() throws IOException {
    Files.createDirectories(dir.resolve("class/power_supply"));
    Files.writeString(dir.resolve("class/power_supply/BAT1"), "not a directory\n");

    assertThatThrownBy(() -> text(SysFs.at(dir), defaultFilter()))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot list power supply")
        .hasMessageContaining("class/power_supply/BAT1");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new PowerSupplyClassPlugin().availability().available()).isEqualTo(linux);
  }
}
