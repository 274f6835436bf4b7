package io.taoprom.metrics.host.zfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class ZfsFixtureParityIT {

  @Test
  void sameAsNodeExporterOnTheGpuServersPoolsButForTheFixesOfUpstream() throws Exception {
    assertThat(NodeExporter.differences("zfs",
            List.of("--path.procfs=" + HostFixtures.dir("zfs", "gpu-server").resolve("proc")),
            new ZfsCollector(HostFixtures.proc("zfs", "gpu-server"))))
        // current upstream over 1.5: signed kstats, dbufstats (1.5 looked for dbuf_stats), dataset
        // names with blanks (1.5 cut them at the blank), the suspended state
        .containsExactly(
            "only ours: node_zfs_arc_memory_available_bytes{}",
            "only ours: node_zfs_dbuf_cache_count{}",
            "only ours: node_zfs_dbuf_cache_size_bytes{}",
            "only ours: node_zfs_dbuf_hash_hits{}",
            "only ours: node_zfs_dbuf_hash_misses{}",
            "only ours: node_zfs_zpool_dataset_nread{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_nread{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_dataset_nunlinked{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_nunlinked{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_dataset_nunlinks{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_nunlinks{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_dataset_nwritten{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_nwritten{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_dataset_reads{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_reads{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_dataset_writes{dataset=tank/my data, zpool=tank}",
            "only theirs: node_zfs_zpool_dataset_writes{dataset=tank/my, zpool=tank}",
            "only ours: node_zfs_zpool_state{state=suspended, zpool=scratch}",
            "only ours: node_zfs_zpool_state{state=suspended, zpool=tank}");
  }
}
