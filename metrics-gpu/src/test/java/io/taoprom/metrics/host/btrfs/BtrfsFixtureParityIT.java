package io.taoprom.metrics.host.btrfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.ProcFs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class BtrfsFixtureParityIT {

  /** No mount table: node_exporter cannot use the ioctls on a fixture, so neither do we. */
  private static final ProcFs NO_PROC = ProcFs.at(Path.of("/nonexistent"));

  @Test
  void sameAsNodeExporterOnThisVmsBtrfs() throws Exception {
    assertThat(NodeExporter.differences("btrfs",
            List.of("--path.sysfs=" + HostFixtures.dir("btrfs", "vm").resolve("sys"), "--path.procfs=/nonexistent"),
            new BtrfsCollector(HostFixtures.sys("btrfs", "vm"), NO_PROC, mounts -> Map.of())))
        .isEmpty();
  }

  @Test
  void sameAsNodeExporterOnTheGpuServersButForRaid1c3AndRaid1c4() throws Exception {
    assertThat(NodeExporter.differences("btrfs",
            List.of("--path.sysfs=" + HostFixtures.dir("btrfs", "gpu-server").resolve("sys"), "--path.procfs=/nonexistent"),
            new BtrfsCollector(HostFixtures.sys("btrfs", "gpu-server"), NO_PROC, mounts -> Map.of())))
        // raid1c3 and raid1c4 keep 3 and 4 copies; 1.5 did not know them (0), current upstream does
        .containsExactly(
            "value: node_btrfs_allocation_ratio{block_group_type=metadata, mode=raid1c3, uuid=2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13} ours=3.0 theirs=0.0",
            "value: node_btrfs_allocation_ratio{block_group_type=metadata, mode=raid1c4, uuid=e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24} ours=4.0 theirs=0.0",
            "value: node_btrfs_allocation_ratio{block_group_type=system, mode=raid1c3, uuid=2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13} ours=3.0 theirs=0.0",
            "value: node_btrfs_allocation_ratio{block_group_type=system, mode=raid1c4, uuid=e4b2d8a6-5f1c-4a39-b7e0-1d3c5a7f9b24} ours=4.0 theirs=0.0");
  }
}
