package io.taoprom.metrics.host.diskstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class DiskstatsFixtureParityIT {

  private static final String FILTER =
      "--collector.diskstats.device-exclude=" + DiskstatsCollector.DEFAULT_EXCLUDE;

  @Test
  void sameAsNodeExporterOnThisVmsDisks() throws Exception {
    assertThat(NodeExporter.differences("diskstats",
            List.of("--path.procfs=" + HostFixtures.dir("diskstats", "vm").resolve("proc"),
                "--path.udev.data=/nonexistent", FILTER),
            collector("vm", Path.of("/nonexistent"))))
        .isEmpty();
  }

  @Test
  void sameAsNodeExporterOnTheGpuServersDisksButForTheSerialUpstreamPrefers() throws Exception {
    Path udev = HostFixtures.dir("diskstats", "gpu-server").resolve("udev/data");
    assertThat(NodeExporter.differences("diskstats",
            List.of("--path.procfs=" + HostFixtures.dir("diskstats", "gpu-server").resolve("proc"),
                "--path.udev.data=" + udev, FILTER),
            collector("gpu-server", udev)))
        // sdb is a SAS disk: current upstream serves SCSI_IDENT_SERIAL (the label's serial), 1.5 ID_SERIAL_SHORT
        .containsExactly(
            "only theirs: node_disk_info{device=sdb, major=8, minor=16, model=HUH721212AL5200, path=pci-0000:42:00.0-sas-phy3-lun-0, revision=A925, serial=5000cca2b0a1c2d3, wwn=0x5000cca2b0a1c2d3}",
            "only ours: node_disk_info{device=sdb, major=8, minor=16, model=HUH721212AL5200, path=pci-0000:42:00.0-sas-phy3-lun-0, revision=A925, serial=8DGX3YAH, wwn=0x5000cca2b0a1c2d3}");
  }

  private static DiskstatsCollector collector(String machine, Path udev) {
    return new DiskstatsCollector(new ProcDiskstatsSource(HostFixtures.proc("diskstats", machine)),
        DeviceFilter.exclude(CollectorConfig.empty(), "f", DiskstatsCollector.DEFAULT_EXCLUDE),
        UdevDatabase.at(udev));
  }
}
