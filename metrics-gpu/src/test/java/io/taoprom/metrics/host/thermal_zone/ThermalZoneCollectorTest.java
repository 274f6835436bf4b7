package io.taoprom.metrics.host.thermal_zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThermalZoneCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return HostFixtures.text(new ThermalZoneCollector(new ThermalSource(sys)));
  }

  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(text(HostFixtures.copy("thermal_zone/gpu-server", dir)))
        .isEqualTo(
            """
            # HELP node_cooling_device_cur_state Current throttle state of the cooling device
            # TYPE node_cooling_device_cur_state gauge
            node_cooling_device_cur_state{name="0",type="Processor"} 0.0
            node_cooling_device_cur_state{name="1",type="Processor"} 0.0
            node_cooling_device_cur_state{name="2",type="Processor"} 0.0
            node_cooling_device_cur_state{name="3",type="Processor"} 0.0
            node_cooling_device_cur_state{name="4",type="Processor"} 0.0
            node_cooling_device_cur_state{name="5",type="Processor"} 0.0
            node_cooling_device_cur_state{name="6",type="Processor"} 0.0
            node_cooling_device_cur_state{name="7",type="Processor"} 0.0
            node_cooling_device_cur_state{name="8",type="intel_powerclamp"} -1.0
            node_cooling_device_cur_state{name="9",type="TCC Offset"} 5.0
            # HELP node_cooling_device_max_state Maximum throttle state of the cooling device
            # TYPE node_cooling_device_max_state gauge
            node_cooling_device_max_state{name="0",type="Processor"} 3.0
            node_cooling_device_max_state{name="1",type="Processor"} 3.0
            node_cooling_device_max_state{name="2",type="Processor"} 3.0
            node_cooling_device_max_state{name="3",type="Processor"} 3.0
            node_cooling_device_max_state{name="4",type="Processor"} 3.0
            node_cooling_device_max_state{name="5",type="Processor"} 3.0
            node_cooling_device_max_state{name="6",type="Processor"} 3.0
            node_cooling_device_max_state{name="7",type="Processor"} 3.0
            node_cooling_device_max_state{name="8",type="intel_powerclamp"} 50.0
            node_cooling_device_max_state{name="9",type="TCC Offset"} 63.0
            # HELP node_thermal_zone_temp Zone temperature in Celsius
            # TYPE node_thermal_zone_temp gauge
            node_thermal_zone_temp{type="acpitz",zone="2"} 27.8
            node_thermal_zone_temp{type="x86_pkg_temp",zone="0"} 47.0
            node_thermal_zone_temp{type="x86_pkg_temp",zone="1"} 51.0
            """);
  }

  @Test
  void thisVmsEmptyThermalClassGivesNothing() throws IOException {
    assertThat(text(HostFixtures.copy("thermal_zone/vm", dir))).isEmpty();
  }

  @Test
  void aMachineWithoutTheClassGivesNothing() {
    assertThat(text(SysFs.at(dir))).isEmpty();
  }

  @Test
  void zonesWithoutAValueNowAreLeftOut() throws IOException {
    zone("thermal_zone0", "iwlwifi_1", null); // no temp file
    zone("thermal_zone1", "pch_cannonlake", "61000\n");
    zone("thermal_zone2", "iwlwifi_2", null);
    Files.createDirectories(dir.resolve("class/thermal/thermal_zone2/temp")); // reading it fails: refused
    Files.createDirectories(dir.resolve("class/thermal/thermal_zones")); // not thermal_zone%d

    assertThat(text(SysFs.at(dir)))
        .isEqualTo(
            """
            # HELP node_thermal_zone_temp Zone temperature in Celsius
            # TYPE node_thermal_zone_temp gauge
            node_thermal_zone_temp{type="pch_cannonlake",zone="1"} 61.0
            """);
  }

  @Test
  void negativeTemperaturesAreKept() throws IOException {
    zone("thermal_zone0", "soc_dts0", "-263200\n");

    assertThat(text(SysFs.at(dir))).contains("node_thermal_zone_temp{type=\"soc_dts0\",zone=\"0\"} -263.2");
  }

  @Test
  void aTemperatureThatIsNotAnIntegerFailsNamingTheFile() throws IOException {
    zone("thermal_zone0", "acpitz", "47.5\u001b[2J\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("class/thermal/thermal_zone0/temp holds \"47.5\\x1b[2J\", not an integer");
  }

  @Test
  void aCoolingStateThatIsNotAnIntegerFailsNamingTheFile() throws IOException {
    Path device = Files.createDirectories(dir.resolve("class/thermal/cooling_device0"));
    Files.writeString(device.resolve("type"), "Fan\n");
    Files.writeString(device.resolve("cur_state"), "\n");
    Files.writeString(device.resolve("max_state"), "1\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cooling_device0/cur_state holds \"\", not an integer");
  }

  @Test
  void aTemperatureFileThatCannotBeOpenedFails() throws IOException {
    zone("thermal_zone0", "acpitz", null);
    Path temp = dir.resolve("class/thermal/thermal_zone0/temp");
    Files.createSymbolicLink(temp, temp.getFileName()); // a link to itself: present, never readable

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("thermal_zone0/temp");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new ThermalZonePlugin().availability().available()).isEqualTo(linux);
  }

  private void zone(String name, String type, String temp) throws IOException {
    Path zone = Files.createDirectories(dir.resolve("class/thermal").resolve(name));
    Files.writeString(zone.resolve("type"), type + "\n");
    if (temp != null) {
      Files.writeString(zone.resolve("temp"), temp);
    }
  }
}
