package io.taoprom.metrics.host.rapl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
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

class RaplCollectorTest {

  @TempDir Path dir;

  /** The exposition with the scratch directory shown as {@code /sys}, as the path label reads there. */
  private String text(SysFs sys, boolean zoneLabel) {
    return HostFixtures.text(new RaplCollector(new RaplSource(sys), zoneLabel)).replace(dir.toString(), "/sys");
  }

  /** The values node_exporter 1.5 serves for this tree (run on it by hand), in Java's notation. */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(text(HostFixtures.copy("rapl/gpu-server", dir), false))
        .isEqualTo(
            """
            # HELP node_rapl_dram_joules_total Current RAPL dram value in joules
            # TYPE node_rapl_dram_joules_total counter
            node_rapl_dram_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0"} 9876.54321
            node_rapl_dram_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1:0"} 9700.0
            # HELP node_rapl_package_joules_total Current RAPL package value in joules
            # TYPE node_rapl_package_joules_total counter
            node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 123456.789012
            node_rapl_package_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1"} 118000.000001
            """);
  }

  @Test
  void goldenTextWithTheZoneLabel() throws IOException {
    assertThat(text(HostFixtures.copy("rapl/gpu-server", dir), true))
        .isEqualTo(
            """
            # HELP node_rapl_joules_total Current RAPL value in joules
            # TYPE node_rapl_joules_total counter
            node_rapl_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0",rapl_zone="package"} 123456.789012
            node_rapl_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0",rapl_zone="dram"} 9876.54321
            node_rapl_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1",rapl_zone="package"} 118000.000001
            node_rapl_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1:0",rapl_zone="dram"} 9700.0
            """);
  }

  @Test
  void zonesAreNamedAndIndexedAsNodeExporterDoes() throws IOException {
    zone("intel-rapl:0", "package-0", "1000000");
    zone("intel-rapl:0:0", "core", "2000000");
    zone("intel-rapl:0:1", "core", "3000000");   // a second "core": index 1
    zone("intel-rapl:1", "psys-a", "4000000");   // not a number after the dash: kept whole
    zone("intel-rapl:2", "dram.channel", "5000000"); // sanitized in the metric name only
    zone("intel-rapl:3", "mmio", null);           // no counter: not an energy zone
    Files.createDirectories(dir.resolve("class/powercap/intel-rapl")); // the control type: no name

    assertThat(text(SysFs.at(dir), false))
        .isEqualTo(
            """
            # HELP node_rapl_core_joules_total Current RAPL core value in joules
            # TYPE node_rapl_core_joules_total counter
            node_rapl_core_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0"} 2.0
            node_rapl_core_joules_total{index="1",path="/sys/class/powercap/intel-rapl:0:1"} 3.0
            # HELP node_rapl_dram_channel_joules_total Current RAPL dram.channel value in joules
            # TYPE node_rapl_dram_channel_joules_total counter
            node_rapl_dram_channel_joules_total{index="0",path="/sys/class/powercap/intel-rapl:2"} 5.0
            # HELP node_rapl_package_joules_total Current RAPL package value in joules
            # TYPE node_rapl_package_joules_total counter
            node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 1.0
            # HELP node_rapl_psys_a_joules_total Current RAPL psys-a value in joules
            # TYPE node_rapl_psys_a_joules_total counter
            node_rapl_psys_a_joules_total{index="0",path="/sys/class/powercap/intel-rapl:1"} 4.0
            """);
  }

  @Test
  void aMachineWithoutPowercapGetsNothing() {
    assertThat(text(SysFs.at(dir), false)).isEmpty();
  }

  @Test
  void aCounterThatIsNotAnUnsignedIntegerFailsNamingTheFile() throws IOException {
    zone("intel-rapl:0", "package-0", "-5\n");

    assertThatThrownBy(() -> text(SysFs.at(dir), false))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("intel-rapl:0/energy_uj holds \"-5\", not an unsigned integer");
  }

  @Test
  void aCounterThatCannotBeReadFails() throws IOException {
    zone("intel-rapl:0", "package-0", null);
    Files.createDirectories(dir.resolve("class/powercap/intel-rapl:0/energy_uj"));

    assertThatThrownBy(() -> text(SysFs.at(dir), false))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("intel-rapl:0/energy_uj");
  }

  @Test
  void theZoneLabelOptionIsABoolean() {
    assertThat(RaplPlugin.zoneLabel(CollectorConfig.empty())).isFalse();
    assertThat(RaplPlugin.zoneLabel(CollectorConfig.of(Map.of(RaplPlugin.ENABLE_ZONE_LABEL, List.of("true"))))).isTrue();
    assertThatThrownBy(() -> RaplPlugin.zoneLabel(CollectorConfig.of(Map.of(RaplPlugin.ENABLE_ZONE_LABEL, List.of("1")))))
        .hasMessageContaining("option rapl.enable-zone-label must be true or false");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new RaplPlugin().availability().available()).isEqualTo(linux);
  }

  private void zone(String entry, String name, String energy) throws IOException {
    Path zone = Files.createDirectories(dir.resolve("class/powercap").resolve(entry));
    Files.writeString(zone.resolve("name"), name + "\n");
    if (energy != null) {
      Files.writeString(zone.resolve("energy_uj"), energy);
    }
  }
}
