package io.taoprom.metrics.host.edac;

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

class EdacCollectorTest {

  @TempDir Path dir;

  private static String text(SysFs sys) {
    return HostFixtures.text(new EdacCollector(new EdacSource(sys)));
  }

  /**
   * node_exporter 1.5 run on this tree serves the same controller and csrow series and values;
   * the channel families came with node_exporter 1.12.
   */
  @Test
  void goldenTextOfAGpuServer() throws IOException {
    assertThat(text(HostFixtures.copy("edac/gpu-server", dir)))
        .isEqualTo(
            """
            # HELP node_edac_channel_correctable_errors_total Total correctable memory errors for this channel.
            # TYPE node_edac_channel_correctable_errors_total counter
            node_edac_channel_correctable_errors_total{channel="0",controller="0",csrow="0",dimm_label="CPU_SrcID0_MC0_Chan0_DIMM0"} 0.0
            node_edac_channel_correctable_errors_total{channel="0",controller="1",csrow="0",dimm_label="CPU_SrcID0_MC1_Chan0_DIMM0"} 0.0
            node_edac_channel_correctable_errors_total{channel="0",controller="2",csrow="0",dimm_label="CPU_SrcID1_MC0_Chan0_DIMM0"} 1.0
            node_edac_channel_correctable_errors_total{channel="0",controller="3",csrow="0",dimm_label="CPU_SrcID1_MC1_Chan0_DIMM0"} 0.0
            node_edac_channel_correctable_errors_total{channel="1",controller="0",csrow="0",dimm_label="CPU_SrcID0_MC0_Chan1_DIMM0"} 0.0
            node_edac_channel_correctable_errors_total{channel="1",controller="1",csrow="0",dimm_label="CPU_SrcID0_MC1_Chan1_DIMM0"} 7.0
            node_edac_channel_correctable_errors_total{channel="1",controller="2",csrow="0",dimm_label="CPU_SrcID1_MC0_Chan1_DIMM0"} 0.0
            node_edac_channel_correctable_errors_total{channel="1",controller="3",csrow="0",dimm_label="CPU_SrcID1_MC1_Chan1_DIMM0"} 0.0
            # HELP node_edac_channel_uncorrectable_errors_total Total uncorrectable memory errors for this channel.
            # TYPE node_edac_channel_uncorrectable_errors_total counter
            node_edac_channel_uncorrectable_errors_total{channel="0",controller="0",csrow="0",dimm_label="CPU_SrcID0_MC0_Chan0_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="0",controller="1",csrow="0",dimm_label="CPU_SrcID0_MC1_Chan0_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="0",controller="2",csrow="0",dimm_label="CPU_SrcID1_MC0_Chan0_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="0",controller="3",csrow="0",dimm_label="CPU_SrcID1_MC1_Chan0_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="1",controller="0",csrow="0",dimm_label="CPU_SrcID0_MC0_Chan1_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="1",controller="1",csrow="0",dimm_label="CPU_SrcID0_MC1_Chan1_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="1",controller="2",csrow="0",dimm_label="CPU_SrcID1_MC0_Chan1_DIMM0"} 0.0
            node_edac_channel_uncorrectable_errors_total{channel="1",controller="3",csrow="0",dimm_label="CPU_SrcID1_MC1_Chan1_DIMM0"} 0.0
            # HELP node_edac_correctable_errors_total Total correctable memory errors.
            # TYPE node_edac_correctable_errors_total counter
            node_edac_correctable_errors_total{controller="0"} 0.0
            node_edac_correctable_errors_total{controller="1"} 7.0
            node_edac_correctable_errors_total{controller="2"} 1.0
            node_edac_correctable_errors_total{controller="3"} 2.0
            # HELP node_edac_csrow_correctable_errors_total Total correctable memory errors for this csrow.
            # TYPE node_edac_csrow_correctable_errors_total counter
            node_edac_csrow_correctable_errors_total{controller="0",csrow="0"} 0.0
            node_edac_csrow_correctable_errors_total{controller="0",csrow="unknown"} 0.0
            node_edac_csrow_correctable_errors_total{controller="1",csrow="0"} 7.0
            node_edac_csrow_correctable_errors_total{controller="1",csrow="unknown"} 0.0
            node_edac_csrow_correctable_errors_total{controller="2",csrow="0"} 1.0
            node_edac_csrow_correctable_errors_total{controller="2",csrow="unknown"} 0.0
            node_edac_csrow_correctable_errors_total{controller="3",csrow="0"} 0.0
            node_edac_csrow_correctable_errors_total{controller="3",csrow="unknown"} 2.0
            # HELP node_edac_csrow_uncorrectable_errors_total Total uncorrectable memory errors for this csrow.
            # TYPE node_edac_csrow_uncorrectable_errors_total counter
            node_edac_csrow_uncorrectable_errors_total{controller="0",csrow="0"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="0",csrow="unknown"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="1",csrow="0"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="1",csrow="unknown"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="2",csrow="0"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="2",csrow="unknown"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="3",csrow="0"} 0.0
            node_edac_csrow_uncorrectable_errors_total{controller="3",csrow="unknown"} 0.0
            # HELP node_edac_uncorrectable_errors_total Total uncorrectable memory errors.
            # TYPE node_edac_uncorrectable_errors_total counter
            node_edac_uncorrectable_errors_total{controller="0"} 0.0
            node_edac_uncorrectable_errors_total{controller="1"} 0.0
            node_edac_uncorrectable_errors_total{controller="2"} 0.0
            node_edac_uncorrectable_errors_total{controller="3"} 0.0
            """);
  }

  @Test
  void aMachineWithoutEdacGetsNothing() {
    assertThat(text(SysFs.at(dir))).isEmpty();
  }

  @Test
  void dimmLabelsAreRewrittenAsNodeExporterDoesAndUnknownWhereAbsent() throws IOException {
    Path row = controller("mc0").resolve("csrow0");
    Files.createDirectories(row);
    Files.writeString(row.resolve("ce_count"), "5\n");
    Files.writeString(row.resolve("ue_count"), "1\n");
    Files.writeString(row.resolve("ch0_ce_count"), "4\n");
    Files.writeString(row.resolve("ch0_ue_count"), "1\n");
    Files.writeString(row.resolve("ch0_dimm_label"), "mc#0csrow#0channel#0\n");
    Files.writeString(row.resolve("ch1_ce_count"), "1\n"); // no ue count, no label
    Files.writeString(row.resolve("chX_ce_count"), "9\n"); // not a channel number

    assertThat(text(SysFs.at(dir)))
        .contains("node_edac_channel_correctable_errors_total{channel=\"0\",controller=\"0\",csrow=\"0\",dimm_label=\"mc0_csrow0_channel0\"} 4.0")
        .contains("node_edac_channel_correctable_errors_total{channel=\"1\",controller=\"0\",csrow=\"0\",dimm_label=\"unknown\"} 1.0")
        .contains("node_edac_channel_uncorrectable_errors_total{channel=\"0\",controller=\"0\",csrow=\"0\",dimm_label=\"mc0_csrow0_channel0\"} 1.0")
        .doesNotContain("channel=\"X\"")
        .doesNotContain("node_edac_channel_uncorrectable_errors_total{channel=\"1\"");
  }

  @Test
  void aMissingControllerCountFailsNamingTheFile() throws IOException {
    Files.delete(controller("mc0").resolve("ue_noinfo_count"));

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("mc/mc0/ue_noinfo_count does not exist");
  }

  @Test
  void aCountThatIsNotAnUnsignedIntegerFailsNamingTheFile() throws IOException {
    Files.writeString(controller("mc0").resolve("ce_count"), "-1\n");

    assertThatThrownBy(() -> text(SysFs.at(dir)))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("mc/mc0/ce_count holds \"-1\", not an unsigned integer");
  }

  @Test
  void availableOnLinuxOnly() {
    boolean linux = System.getProperty("os.name").startsWith("Linux");
    assertThat(new EdacPlugin().availability().available()).isEqualTo(linux);
  }

  private Path controller(String name) throws IOException {
    Path mc = Files.createDirectories(dir.resolve("devices/system/edac/mc").resolve(name));
    for (String count : new String[] {"ce_count", "ce_noinfo_count", "ue_count", "ue_noinfo_count"}) {
      Files.writeString(mc.resolve(count), "0\n");
    }
    return mc;
  }
}
