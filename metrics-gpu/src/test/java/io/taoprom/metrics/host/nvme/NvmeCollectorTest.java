package io.taoprom.metrics.host.nvme;

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

class NvmeCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return HostFixtures.text(new NvmeCollector(new NvmeSource(sys)));
  }

  /**
   * node_exporter 1.5 run on this tree serves the same node_nvme_info series without cntlid (added
   * in 1.11, with the namespace families); the products are node_exporter's (see the collector).
   */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(text(HostFixtures.copy("nvme/gpu-server", dir)))
        .isEqualTo(
            """
            # HELP node_nvme_info Non-numeric data from /sys/class/nvme/<device>, value is always 1.
            # TYPE node_nvme_info gauge
            node_nvme_info{cntlid="1",device="nvme2",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TKTCE8",state="live"} 1.0
            node_nvme_info{cntlid="1",device="nvme3",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TLTCE8",state="live"} 1.0
            node_nvme_info{cntlid="1",device="nvme4",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TMTCE8",state="live"} 1.0
            node_nvme_info{cntlid="1",device="nvme5",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TNTCE8",state="live"} 1.0
            node_nvme_info{cntlid="1",device="nvme6",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TPTCE8",state="live"} 1.0
            node_nvme_info{cntlid="2",device="nvme7",firmware_revision="0106",model="KIOXIA KCM6XRUL3T84",serial="X1Q0A0TQTCE8",state="live"} 1.0
            node_nvme_info{cntlid="6",device="nvme0",firmware_revision="GDC7302Q",model="SAMSUNG MZ1L21T9HCLS-00A07",serial="S6EUNA0W201234",state="live"} 1.0
            node_nvme_info{cntlid="6",device="nvme1",firmware_revision="GDC7302Q",model="SAMSUNG MZ1L21T9HCLS-00A07",serial="S6EUNA0W201235",state="live"} 1.0
            # HELP node_nvme_namespace_capacity_bytes Capacity of the NVMe namespace in bytes. Computed as namespace_size * namespace_logical_block_size
            # TYPE node_nvme_namespace_capacity_bytes gauge
            node_nvme_namespace_capacity_bytes{device="nvme0",nsid="1"} 1.920383410176E12
            node_nvme_namespace_capacity_bytes{device="nvme1",nsid="1"} 1.920383410176E12
            node_nvme_namespace_capacity_bytes{device="nvme2",nsid="1"} 3.840755982336E12
            node_nvme_namespace_capacity_bytes{device="nvme3",nsid="1"} 3.840755982336E12
            node_nvme_namespace_capacity_bytes{device="nvme4",nsid="1"} 3.0726047858688E13
            node_nvme_namespace_capacity_bytes{device="nvme5",nsid="1"} 3.0726047858688E13
            # HELP node_nvme_namespace_info Information about NVMe namespaces. Value is always 1
            # TYPE node_nvme_namespace_info gauge
            node_nvme_namespace_info{ana_state="unknown",device="nvme0",nsid="1"} 1.0
            node_nvme_namespace_info{ana_state="unknown",device="nvme1",nsid="1"} 1.0
            node_nvme_namespace_info{ana_state="unknown",device="nvme2",nsid="1"} 1.0
            node_nvme_namespace_info{ana_state="unknown",device="nvme3",nsid="1"} 1.0
            node_nvme_namespace_info{ana_state="unknown",device="nvme4",nsid="1"} 1.0
            node_nvme_namespace_info{ana_state="unknown",device="nvme5",nsid="1"} 1.0
            # HELP node_nvme_namespace_logical_block_size_bytes Logical block size of the NVMe namespace in bytes. Usually 4Kb. Available in /sys/class/nvme/<device>/<namespace>/queue/logical_block_size
            # TYPE node_nvme_namespace_logical_block_size_bytes gauge
            node_nvme_namespace_logical_block_size_bytes{device="nvme0",nsid="1"} 512.0
            node_nvme_namespace_logical_block_size_bytes{device="nvme1",nsid="1"} 512.0
            node_nvme_namespace_logical_block_size_bytes{device="nvme2",nsid="1"} 512.0
            node_nvme_namespace_logical_block_size_bytes{device="nvme3",nsid="1"} 512.0
            node_nvme_namespace_logical_block_size_bytes{device="nvme4",nsid="1"} 4096.0
            node_nvme_namespace_logical_block_size_bytes{device="nvme5",nsid="1"} 4096.0
            # HELP node_nvme_namespace_size_bytes Size of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/size
            # TYPE node_nvme_namespace_size_bytes gauge
            node_nvme_namespace_size_bytes{device="nvme0",nsid="1"} 1.920383410176E12
            node_nvme_namespace_size_bytes{device="nvme1",nsid="1"} 1.920383410176E12
            node_nvme_namespace_size_bytes{device="nvme2",nsid="1"} 3.840755982336E12
            node_nvme_namespace_size_bytes{device="nvme3",nsid="1"} 3.840755982336E12
            node_nvme_namespace_size_bytes{device="nvme4",nsid="1"} 3.0726047858688E13
            node_nvme_namespace_size_bytes{device="nvme5",nsid="1"} 3.0726047858688E13
            # HELP node_nvme_namespace_used_bytes Used space of the NVMe namespace in bytes. Available in /sys/class/nvme/<device>/<namespace>/nuse
            # TYPE node_nvme_namespace_used_bytes gauge
            node_nvme_namespace_used_bytes{device="nvme0",nsid="1"} 6.3209875968E11
            node_nvme_namespace_used_bytes{device="nvme1",nsid="1"} 5.05679012352E11
            node_nvme_namespace_used_bytes{device="nvme2",nsid="1"} 1.536E12
            node_nvme_namespace_used_bytes{device="nvme3",nsid="1"} 0.0
            node_nvme_namespace_used_bytes{device="nvme4",nsid="1"} 3.840755982336E12
            node_nvme_namespace_used_bytes{device="nvme5",nsid="1"} 4096.0
            """);
  }

  @Test
  void aMachineWithoutNvmeGetsNothing() {
    assertThat(text(SysFs.at(dir))).isEmpty();
  }

  @Test
  void aKernelWithoutNuseServesTheOtherNamespaceFigures() throws IOException {
    Path ns = controller("nvme0", "1").resolve("nvme0n1");
    Files.createDirectories(ns.resolve("queue"));
    Files.writeString(ns.resolve("size"), "2000\n");
    Files.writeString(ns.resolve("queue/logical_block_size"), "512\n");

    assertThat(text(SysFs.at(dir)))
        .contains("node_nvme_namespace_size_bytes{device=\"nvme0\",nsid=\"1\"} 1024000.0")
        .contains("node_nvme_namespace_info{ana_state=\"unknown\",device=\"nvme0\",nsid=\"1\"} 1.0")
        .doesNotContain("node_nvme_namespace_used_bytes");
  }

  @Test
  void aControllerWithoutCntlidFailsNamingTheFile() throws IOException {
    Files.delete(controller("nvme0", "1").resolve("cntlid"));

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("class/nvme/nvme0/cntlid does not exist");
  }

  @Test
  void aNamespaceFigureThatIsNotAnUnsignedIntegerFailsNamingTheFile() throws IOException {
    Path ns = controller("nvme0", "1").resolve("nvme0n1");
    Files.createDirectories(ns.resolve("queue"));
    Files.writeString(ns.resolve("size"), "0x1000\n");
    Files.writeString(ns.resolve("queue/logical_block_size"), "512\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("nvme0n1/size holds \"0x1000\", not an unsigned integer");
  }

  @Test
  void aControllerAttributeThatCannotBeReadFails() throws IOException {
    Path model = controller("nvme0", "1").resolve("model");
    Files.delete(model);
    Files.createDirectory(model); // opens, then the read fails

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("class/nvme/nvme0/model");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new NvmePlugin().availability().available()).isEqualTo(linux);
  }

  private Path controller(String name, String cntlid) throws IOException {
    Path c = Files.createDirectories(dir.resolve("class/nvme").resolve(name));
    Files.writeString(c.resolve("firmware_rev"), "1.0\n");
    Files.writeString(c.resolve("model"), "QEMU NVMe Ctrl\n");
    Files.writeString(c.resolve("serial"), "deadbeef\n");
    Files.writeString(c.resolve("state"), "live\n");
    Files.writeString(c.resolve("cntlid"), cntlid + "\n");
    return c;
  }
}
