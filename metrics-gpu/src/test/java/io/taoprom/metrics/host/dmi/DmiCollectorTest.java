package io.taoprom.metrics.host.dmi;

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

class DmiCollectorTest {

  private static final String HELP = "# HELP node_dmi_info A metric with a constant '1' value labeled by bios_date,"
      + " bios_release, bios_vendor, bios_version, board_asset_tag, board_name, board_serial, board_vendor,"
      + " board_version, chassis_asset_tag, chassis_serial, chassis_vendor, chassis_version, product_family,"
      + " product_name, product_serial, product_sku, product_uuid, product_version, system_vendor if provided by DMI.\n"
      + "# TYPE node_dmi_info gauge\n";

  @TempDir Path dir;

  /**
   * The series node_exporter 1.5 serves for this tree when run as an unprivileged user (setpriv
   * --reuid=65534): the root-only serials and UUID are left out, as here, whoever runs the tests.
   */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(HostFixtures.text(new DmiCollector(new DmiSource(HostFixtures.copy("dmi/gpu-server", dir)))))
        .isEqualTo(HELP + "node_dmi_info{bios_date=\"05/16/2024\",bios_release=\"5.32\","
            + "bios_vendor=\"American Megatrends International, LLC.\",bios_version=\"2.1\","
            + "board_asset_tag=\"Base Board Asset Tag\",board_name=\"X13DEG-OAD\",board_vendor=\"Supermicro\","
            + "board_version=\"1.01\",chassis_asset_tag=\"Chassis Asset Tag\",chassis_vendor=\"Supermicro\","
            + "chassis_version=\"0123456789\",product_family=\"Family\",product_name=\"SYS-821GE-TNHR\","
            + "product_sku=\"To be filled by O.E.M.\",product_version=\"0123456789\",system_vendor=\"Supermicro\"} 1.0\n");
  }

  @Test
  void theTableIsReadOnceAndKept() throws IOException {
    SysFs sys = HostFixtures.copy("dmi/gpu-server", dir);
    DmiCollector collector = new DmiCollector(new DmiSource(sys));
    String first = HostFixtures.text(collector);

    Files.writeString(sys.path("class/dmi/id/bios_version"), "2.2\n");

    assertThat(HostFixtures.text(collector)).isEqualTo(first).contains("bios_version=\"2.1\"");
  }

  @Test
  void emptyAndBrokenStringsAreKeptAsNodeExporterKeepsThem() throws IOException {
    Path id = Files.createDirectories(dir.resolve("class/dmi/id"));
    Files.writeString(id.resolve("board_asset_tag"), "\n");
    Files.write(id.resolve("product_name"), new byte[] {'X', (byte) 0xff, (byte) 0xfe, 'Y', ' ', '\n'});

    assertThat(HostFixtures.text(new DmiCollector(new DmiSource(SysFs.at(dir)))))
        .isEqualTo(HELP + "node_dmi_info{board_asset_tag=\"\",product_name=\"X\uFFFDY\"} 1.0\n");
  }

  @Test
  void aMachineWithoutDmiGetsNothing() {
    assertThat(HostFixtures.text(new DmiCollector(new DmiSource(SysFs.at(dir))))).isEmpty();
  }

  @Test
  void aTableThatCannotBeListedFailsAndIsTriedAgain() throws IOException {
    Path id = Files.createDirectories(dir.resolve("class/dmi")).resolve("id");
    Files.createSymbolicLink(id, id.getFileName()); // present, never readable
    DmiCollector collector = new DmiCollector(new DmiSource(SysFs.at(dir)));

    assertThatThrownBy(() -> HostFixtures.text(collector))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("class/dmi/id");

    Files.delete(id);
    Files.createDirectory(id);
    Files.writeString(id.resolve("product_name"), "SYS-821GE-TNHR\n");
    assertThat(HostFixtures.text(collector)).contains("product_name=\"SYS-821GE-TNHR\"");
  }

  @Test
  void linksAndDirectoriesAmongTheFieldsAreNotRead() throws IOException {
    Path id = Files.createDirectories(dir.resolve("class/dmi/id"));
    Files.createSymbolicLink(id.resolve("product_name"), Path.of("product_name")); // a loop, as node_exporter skips it
    Files.createDirectory(id.resolve("bios_vendor"));
    Files.writeString(id.resolve("sys_vendor"), "Supermicro\n");

    assertThat(HostFixtures.text(new DmiCollector(new DmiSource(SysFs.at(dir)))))
        .isEqualTo(HELP + "node_dmi_info{system_vendor=\"Supermicro\"} 1.0\n");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new DmiPlugin().availability().available()).isEqualTo(linux);
  }
}
