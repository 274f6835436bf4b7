package io.taoprom.metrics.host.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArpCollectorTest {

  private static DeviceFilter selection(String include, String exclude) {
    return DeviceFilter.excludeInclude(
        CollectorConfig.of(Map.of(ArpPlugin.DEVICE_INCLUDE, List.of(include), ArpPlugin.DEVICE_EXCLUDE, List.of(exclude))),
        ArpPlugin.DEVICE_EXCLUDE, ArpPlugin.DEVICE_INCLUDE);
  }

  @Test
  void goldenTextOfThisVm() {
    ArpCollector collector = new ArpCollector(HostFixtures.proc("arp", "vm"), DeviceFilter.none());

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_arp_entries ARP entries by device
            # TYPE node_arp_entries gauge
            node_arp_entries{device="eth0"} 1.0
            """);
  }

  @Test
  void goldenTextOfAGpuServerCountsIncompleteAndInfiniBandNeighbours() {
    ArpCollector collector = new ArpCollector(HostFixtures.proc("arp", "gpu-server"), DeviceFilter.none());

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_arp_entries ARP entries by device
            # TYPE node_arp_entries gauge
            node_arp_entries{device="bond0"} 4.0
            node_arp_entries{device="docker0"} 2.0
            node_arp_entries{device="enp65s0f0np0"} 1.0
            node_arp_entries{device="ibp12s0"} 2.0
            """);
  }

  @Test
  void includeAndExcludeAreSearchedInTheName() {
    ProcFs proc = HostFixtures.proc("arp", "gpu-server");

    assertThat(HostFixtures.text(new ArpCollector(proc, selection("", "docker"))))
        .doesNotContain("docker0").contains("bond0").contains("ibp12s0");
    assertThat(HostFixtures.text(new ArpCollector(proc, selection("^(bond|ib)", ""))))
        .contains("device=\"bond0\"").contains("device=\"ibp12s0\"").doesNotContain("docker0").doesNotContain("enp65s0f0np0");
  }

  @Test
  void noFileNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new ArpCollector(ProcFs.at(empty), DeviceFilter.none()))).isEmpty();
  }

  @Test
  void aLineWithMissingColumnsNamesFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "net/arp",
        "IP address       HW type     Flags       HW address            Mask     Device\n"
            + "10.0.0.1         0x1         0x2         02:42:ac:11:00:02     *\n");

    assertThatThrownBy(() -> new ArpCollector(ProcFs.at(root), DeviceFilter.none()).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/arp") + " line 2: expected 6 columns");
  }

  @Test
  void flagsThatAreNotHexadecimalAreRejectedAndQuotedEscaped(@TempDir Path root) {
    HostFixtures.write(root, "net/arp", "10.0.0.1 0x1 2\u001b[31m 02:42:ac:11:00:02 * eth0\n");

    assertThatThrownBy(() -> new ArpCollector(ProcFs.at(root), DeviceFilter.none()).collect())
        .hasMessageContaining("line 1: expected a hexadecimal number after 0x")
        .hasMessageContaining("\\x1b[31m")
        .hasMessageNotContaining("\u001b");
  }

  @Test
  void aDirectoryInPlaceOfTheFileFails(@TempDir Path root) throws Exception {
    java.nio.file.Files.createDirectories(root.resolve("net/arp"));

    assertThatThrownBy(() -> new ArpCollector(ProcFs.at(root), DeviceFilter.none()).collect())
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void badExpressionNamesTheOption() {
    CollectorConfig config = CollectorConfig.of(Map.of(ArpPlugin.DEVICE_EXCLUDE, List.of("(eth")));

    assertThatThrownBy(() -> new ArpPlugin().create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option arp.device-exclude '(eth' is not a valid regular expression");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new ArpPlugin().availability().available()).isEqualTo(linux);
    assertThat(new ArpPlugin().availability().reason()).isEqualTo(linux ? "" : "/proc/net/arp is Linux-only (this is "
        + System.getProperty("os.name") + ")");
  }
}
