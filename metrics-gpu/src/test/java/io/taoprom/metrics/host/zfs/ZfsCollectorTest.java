package io.taoprom.metrics.host.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZfsCollectorTest {

  @Test
  void goldenTextOfAGpuServersPools() {
    ZfsCollector collector = new ZfsCollector(HostFixtures.proc("zfs", "gpu-server"));

    // "tank" (ONLINE, with an io kstat and four datasets, one named with a blank) and "scratch"
    // (DEGRADED). As current upstream and unlike node_exporter 1.5: dbufstats is read, the signed
    // memory_available_bytes is served, "suspended" is a state, "tank/my data" keeps its blank.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_zfs_abd_linear_cnt kstat.zfs.misc.abdstats.linear_cnt
        # TYPE node_zfs_abd_linear_cnt untyped
        node_zfs_abd_linear_cnt 19112.0
        # HELP node_zfs_abd_scatter_cnt kstat.zfs.misc.abdstats.scatter_cnt
        # TYPE node_zfs_abd_scatter_cnt untyped
        node_zfs_abd_scatter_cnt 29331.0
        # HELP node_zfs_abd_scatter_data_size kstat.zfs.misc.abdstats.scatter_data_size
        # TYPE node_zfs_abd_scatter_data_size untyped
        node_zfs_abd_scatter_data_size 1.7902854144E10
        # HELP node_zfs_abd_struct_size kstat.zfs.misc.abdstats.struct_size
        # TYPE node_zfs_abd_struct_size untyped
        node_zfs_abd_struct_size 2538912.0
        # HELP node_zfs_arc_arc_meta_used kstat.zfs.misc.arcstats.arc_meta_used
        # TYPE node_zfs_arc_arc_meta_used untyped
        node_zfs_arc_arc_meta_used 8.581554176E9
        # HELP node_zfs_arc_c kstat.zfs.misc.arcstats.c
        # TYPE node_zfs_arc_c untyped
        node_zfs_arc_c 6.8719476736E10
        # HELP node_zfs_arc_c_max kstat.zfs.misc.arcstats.c_max
        # TYPE node_zfs_arc_c_max untyped
        node_zfs_arc_c_max 1.37438953472E11
        # HELP node_zfs_arc_c_min kstat.zfs.misc.arcstats.c_min
        # TYPE node_zfs_arc_c_min untyped
        node_zfs_arc_c_min 8.589934592E9
        # HELP node_zfs_arc_demand_data_hits kstat.zfs.misc.arcstats.demand_data_hits
        # TYPE node_zfs_arc_demand_data_hits untyped
        node_zfs_arc_demand_data_hits 1.212044091E9
        # HELP node_zfs_arc_demand_data_misses kstat.zfs.misc.arcstats.demand_data_misses
        # TYPE node_zfs_arc_demand_data_misses untyped
        node_zfs_arc_demand_data_misses 3.0122911E7
        # HELP node_zfs_arc_hits kstat.zfs.misc.arcstats.hits
        # TYPE node_zfs_arc_hits untyped
        node_zfs_arc_hits 1.489921473E9
        # HELP node_zfs_arc_memory_all_bytes kstat.zfs.misc.arcstats.memory_all_bytes
        # TYPE node_zfs_arc_memory_all_bytes untyped
        node_zfs_arc_memory_all_bytes 5.40971347968E11
        # HELP node_zfs_arc_memory_available_bytes kstat.zfs.misc.arcstats.memory_available_bytes
        # TYPE node_zfs_arc_memory_available_bytes untyped
        node_zfs_arc_memory_available_bytes -1.073741824E9
        # HELP node_zfs_arc_memory_free_bytes kstat.zfs.misc.arcstats.memory_free_bytes
        # TYPE node_zfs_arc_memory_free_bytes untyped
        node_zfs_arc_memory_free_bytes 1.20388272128E11
        # HELP node_zfs_arc_misses kstat.zfs.misc.arcstats.misses
        # TYPE node_zfs_arc_misses untyped
        node_zfs_arc_misses 4.5120993E7
        # HELP node_zfs_arc_size kstat.zfs.misc.arcstats.size
        # TYPE node_zfs_arc_size untyped
        node_zfs_arc_size 6.8711040512E10
        # HELP node_zfs_dbuf_cache_count kstat.zfs.misc.dbufstats.cache_count
        # TYPE node_zfs_dbuf_cache_count untyped
        node_zfs_dbuf_cache_count 1190.0
        # HELP node_zfs_dbuf_cache_size_bytes kstat.zfs.misc.dbufstats.cache_size_bytes
        # TYPE node_zfs_dbuf_cache_size_bytes untyped
        node_zfs_dbuf_cache_size_bytes 2.9687808E7
        # HELP node_zfs_dbuf_hash_hits kstat.zfs.misc.dbufstats.hash_hits
        # TYPE node_zfs_dbuf_hash_hits untyped
        node_zfs_dbuf_hash_hits 4.81339029E8
        # HELP node_zfs_dbuf_hash_misses kstat.zfs.misc.dbufstats.hash_misses
        # TYPE node_zfs_dbuf_hash_misses untyped
        node_zfs_dbuf_hash_misses 1.2033211E7
        # HELP node_zfs_dmu_tx_dmu_tx_assigned kstat.zfs.misc.dmu_tx.dmu_tx_assigned
        # TYPE node_zfs_dmu_tx_dmu_tx_assigned untyped
        node_zfs_dmu_tx_dmu_tx_assigned 9.0123331E7
        # HELP node_zfs_dmu_tx_dmu_tx_delay kstat.zfs.misc.dmu_tx.dmu_tx_delay
        # TYPE node_zfs_dmu_tx_dmu_tx_delay untyped
        node_zfs_dmu_tx_dmu_tx_delay 0.0
        # HELP node_zfs_dmu_tx_dmu_tx_dirty_throttle kstat.zfs.misc.dmu_tx.dmu_tx_dirty_throttle
        # TYPE node_zfs_dmu_tx_dmu_tx_dirty_throttle untyped
        node_zfs_dmu_tx_dmu_tx_dirty_throttle 122.0
        # HELP node_zfs_dmu_tx_dmu_tx_error kstat.zfs.misc.dmu_tx.dmu_tx_error
        # TYPE node_zfs_dmu_tx_dmu_tx_error untyped
        node_zfs_dmu_tx_dmu_tx_error 0.0
        # HELP node_zfs_fm_erpt_dropped kstat.zfs.misc.fm.erpt-dropped
        # TYPE node_zfs_fm_erpt_dropped untyped
        node_zfs_fm_erpt_dropped 18.0
        # HELP node_zfs_fm_erpt_set_failed kstat.zfs.misc.fm.erpt-set-failed
        # TYPE node_zfs_fm_erpt_set_failed untyped
        node_zfs_fm_erpt_set_failed 0.0
        # HELP node_zfs_vdev_mirror_non_rotating_linear kstat.zfs.misc.vdev_mirror_stats.non_rotating_linear
        # TYPE node_zfs_vdev_mirror_non_rotating_linear untyped
        node_zfs_vdev_mirror_non_rotating_linear 38201.0
        # HELP node_zfs_vdev_mirror_non_rotating_seek kstat.zfs.misc.vdev_mirror_stats.non_rotating_seek
        # TYPE node_zfs_vdev_mirror_non_rotating_seek untyped
        node_zfs_vdev_mirror_non_rotating_seek 1203.0
        # HELP node_zfs_vdev_mirror_preferred_found kstat.zfs.misc.vdev_mirror_stats.preferred_found
        # TYPE node_zfs_vdev_mirror_preferred_found untyped
        node_zfs_vdev_mirror_preferred_found 81203.0
        # HELP node_zfs_zfetch_hits kstat.zfs.misc.zfetchstats.hits
        # TYPE node_zfs_zfetch_hits untyped
        node_zfs_zfetch_hits 2.0331203E7
        # HELP node_zfs_zfetch_max_streams kstat.zfs.misc.zfetchstats.max_streams
        # TYPE node_zfs_zfetch_max_streams untyped
        node_zfs_zfetch_max_streams 1033.0
        # HELP node_zfs_zfetch_misses kstat.zfs.misc.zfetchstats.misses
        # TYPE node_zfs_zfetch_misses untyped
        node_zfs_zfetch_misses 1203311.0
        # HELP node_zfs_zil_zil_commit_count kstat.zfs.misc.zil.zil_commit_count
        # TYPE node_zfs_zil_zil_commit_count untyped
        node_zfs_zil_zil_commit_count 331204.0
        # HELP node_zfs_zil_zil_commit_writer_count kstat.zfs.misc.zil.zil_commit_writer_count
        # TYPE node_zfs_zil_zil_commit_writer_count untyped
        node_zfs_zil_zil_commit_writer_count 330981.0
        # HELP node_zfs_zil_zil_itx_copied_bytes kstat.zfs.misc.zil.zil_itx_copied_bytes
        # TYPE node_zfs_zil_zil_itx_copied_bytes untyped
        node_zfs_zil_zil_itx_copied_bytes 9.031201331E9
        # HELP node_zfs_zil_zil_itx_count kstat.zfs.misc.zil.zil_itx_count
        # TYPE node_zfs_zil_zil_itx_count untyped
        node_zfs_zil_zil_itx_count 1203311.0
        # HELP node_zfs_zpool_dataset_nread kstat.zfs.misc.objset.nread
        # TYPE node_zfs_zpool_dataset_nread untyped
        node_zfs_zpool_dataset_nread{dataset="scratch",zpool="scratch"} 36864.0
        node_zfs_zpool_dataset_nread{dataset="tank",zpool="tank"} 163840.0
        node_zfs_zpool_dataset_nread{dataset="tank/checkpoints",zpool="tank"} 3211264.0
        node_zfs_zpool_dataset_nread{dataset="tank/datasets",zpool="tank"} 4.309122048E12
        node_zfs_zpool_dataset_nread{dataset="tank/my data",zpool="tank"} 8192.0
        # HELP node_zfs_zpool_dataset_nunlinked kstat.zfs.misc.objset.nunlinked
        # TYPE node_zfs_zpool_dataset_nunlinked untyped
        node_zfs_zpool_dataset_nunlinked{dataset="scratch",zpool="scratch"} 0.0
        node_zfs_zpool_dataset_nunlinked{dataset="tank",zpool="tank"} 0.0
        node_zfs_zpool_dataset_nunlinked{dataset="tank/checkpoints",zpool="tank"} 88.0
        node_zfs_zpool_dataset_nunlinked{dataset="tank/datasets",zpool="tank"} 3.0
        node_zfs_zpool_dataset_nunlinked{dataset="tank/my data",zpool="tank"} 0.0
        # HELP node_zfs_zpool_dataset_nunlinks kstat.zfs.misc.objset.nunlinks
        # TYPE node_zfs_zpool_dataset_nunlinks untyped
        node_zfs_zpool_dataset_nunlinks{dataset="scratch",zpool="scratch"} 0.0
        node_zfs_zpool_dataset_nunlinks{dataset="tank",zpool="tank"} 0.0
        node_zfs_zpool_dataset_nunlinks{dataset="tank/checkpoints",zpool="tank"} 88.0
        node_zfs_zpool_dataset_nunlinks{dataset="tank/datasets",zpool="tank"} 3.0
        node_zfs_zpool_dataset_nunlinks{dataset="tank/my data",zpool="tank"} 0.0
        # HELP node_zfs_zpool_dataset_nwritten kstat.zfs.misc.objset.nwritten
        # TYPE node_zfs_zpool_dataset_nwritten untyped
        node_zfs_zpool_dataset_nwritten{dataset="scratch",zpool="scratch"} 12288.0
        node_zfs_zpool_dataset_nwritten{dataset="tank",zpool="tank"} 4096.0
        node_zfs_zpool_dataset_nwritten{dataset="tank/checkpoints",zpool="tank"} 9.02322118656E11
        node_zfs_zpool_dataset_nwritten{dataset="tank/datasets",zpool="tank"} 9.120331776E9
        node_zfs_zpool_dataset_nwritten{dataset="tank/my data",zpool="tank"} 28672.0
        # HELP node_zfs_zpool_dataset_reads kstat.zfs.misc.objset.reads
        # TYPE node_zfs_zpool_dataset_reads untyped
        node_zfs_zpool_dataset_reads{dataset="scratch",zpool="scratch"} 9.0
        node_zfs_zpool_dataset_reads{dataset="tank",zpool="tank"} 40.0
        node_zfs_zpool_dataset_reads{dataset="tank/checkpoints",zpool="tank"} 120.0
        node_zfs_zpool_dataset_reads{dataset="tank/datasets",zpool="tank"} 3.9120331E7
        node_zfs_zpool_dataset_reads{dataset="tank/my data",zpool="tank"} 2.0
        # HELP node_zfs_zpool_dataset_writes kstat.zfs.misc.objset.writes
        # TYPE node_zfs_zpool_dataset_writes untyped
        node_zfs_zpool_dataset_writes{dataset="scratch",zpool="scratch"} 3.0
        node_zfs_zpool_dataset_writes{dataset="tank",zpool="tank"} 12.0
        node_zfs_zpool_dataset_writes{dataset="tank/checkpoints",zpool="tank"} 2.0320001E7
        node_zfs_zpool_dataset_writes{dataset="tank/datasets",zpool="tank"} 1203.0
        node_zfs_zpool_dataset_writes{dataset="tank/my data",zpool="tank"} 7.0
        # HELP node_zfs_zpool_nread kstat.zfs.misc.io.nread
        # TYPE node_zfs_zpool_nread untyped
        node_zfs_zpool_nread{zpool="tank"} 4.309122048E12
        # HELP node_zfs_zpool_nwritten kstat.zfs.misc.io.nwritten
        # TYPE node_zfs_zpool_nwritten untyped
        node_zfs_zpool_nwritten{zpool="tank"} 9.02331904E11
        # HELP node_zfs_zpool_rcnt kstat.zfs.misc.io.rcnt
        # TYPE node_zfs_zpool_rcnt untyped
        node_zfs_zpool_rcnt{zpool="tank"} 1.0
        # HELP node_zfs_zpool_reads kstat.zfs.misc.io.reads
        # TYPE node_zfs_zpool_reads untyped
        node_zfs_zpool_reads{zpool="tank"} 3.9120331E7
        # HELP node_zfs_zpool_rlentime kstat.zfs.misc.io.rlentime
        # TYPE node_zfs_zpool_rlentime untyped
        node_zfs_zpool_rlentime{zpool="tank"} 9.031203312031E12
        # HELP node_zfs_zpool_rtime kstat.zfs.misc.io.rtime
        # TYPE node_zfs_zpool_rtime untyped
        node_zfs_zpool_rtime{zpool="tank"} 8.120331203312E12
        # HELP node_zfs_zpool_rupdate kstat.zfs.misc.io.rupdate
        # TYPE node_zfs_zpool_rupdate untyped
        node_zfs_zpool_rupdate{zpool="tank"} 1.163480236001E12
        # HELP node_zfs_zpool_state kstat.zfs.misc.state
        # TYPE node_zfs_zpool_state gauge
        node_zfs_zpool_state{state="degraded",zpool="scratch"} 1.0
        node_zfs_zpool_state{state="degraded",zpool="tank"} 0.0
        node_zfs_zpool_state{state="faulted",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="faulted",zpool="tank"} 0.0
        node_zfs_zpool_state{state="offline",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="offline",zpool="tank"} 0.0
        node_zfs_zpool_state{state="online",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="online",zpool="tank"} 1.0
        node_zfs_zpool_state{state="removed",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="removed",zpool="tank"} 0.0
        node_zfs_zpool_state{state="suspended",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="suspended",zpool="tank"} 0.0
        node_zfs_zpool_state{state="unavail",zpool="scratch"} 0.0
        node_zfs_zpool_state{state="unavail",zpool="tank"} 0.0
        # HELP node_zfs_zpool_wcnt kstat.zfs.misc.io.wcnt
        # TYPE node_zfs_zpool_wcnt untyped
        node_zfs_zpool_wcnt{zpool="tank"} 0.0
        # HELP node_zfs_zpool_wlentime kstat.zfs.misc.io.wlentime
        # TYPE node_zfs_zpool_wlentime untyped
        node_zfs_zpool_wlentime{zpool="tank"} 9.331203311021E12
        # HELP node_zfs_zpool_writes kstat.zfs.misc.io.writes
        # TYPE node_zfs_zpool_writes untyped
        node_zfs_zpool_writes{zpool="tank"} 2.0331204E7
        # HELP node_zfs_zpool_wtime kstat.zfs.misc.io.wtime
        # TYPE node_zfs_zpool_wtime untyped
        node_zfs_zpool_wtime{zpool="tank"} 9.120331203311E12
        # HELP node_zfs_zpool_wupdate kstat.zfs.misc.io.wupdate
        # TYPE node_zfs_zpool_wupdate untyped
        node_zfs_zpool_wupdate{zpool="tank"} 1.163480231203E12
        """);
  }

  @Test
  void noZfsModuleIsNoSeries(@TempDir Path dir) {
    assertThat(HostFixtures.text(new ZfsCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void aModuleWithoutPoolsServesItsKstatsOnly(@TempDir Path dir) throws IOException {
    Path zfs = Files.createDirectories(dir.resolve("spl/kstat/zfs"));
    Files.writeString(zfs.resolve("zfetchstats"), "8 1 0x01 3 816 6180422021 1163480236311497\n"
        + "name                            type data\nhits                            4    20\n");

    assertThat(HostFixtures.text(new ZfsCollector(ProcFs.at(dir)))).isEqualTo("""
        # HELP node_zfs_zfetch_hits kstat.zfs.misc.zfetchstats.hits
        # TYPE node_zfs_zfetch_hits untyped
        node_zfs_zfetch_hits 20.0
        """);
  }

  @Test
  void aKstatWithoutItsHeaderFails(@TempDir Path dir) throws IOException {
    Path zfs = Files.createDirectories(dir.resolve("spl/kstat/zfs"));
    Files.writeString(zfs.resolve("arcstats"), "hits 4 12\n");

    assertThatThrownBy(() -> new ZfsCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(zfs.resolve("arcstats") + ": no \"name type data\" line; not a kstat file");
  }

  @Test
  void aValueThatIsNotAnIntegerFails(@TempDir Path dir) throws IOException {
    Path zfs = Files.createDirectories(dir.resolve("spl/kstat/zfs"));
    Files.writeString(zfs.resolve("arcstats"), "13 1 0x01\nname type data\nhits 4 12.5\u0007\n");

    assertThatThrownBy(() -> new ZfsCollector(ProcFs.at(dir)).collect())
        .hasMessage(zfs.resolve("arcstats") + ": expected an integer for hits, found \"12.5\\x07\"");
  }

  @Test
  void anIoKstatWithTooFewValuesFails(@TempDir Path dir) throws IOException {
    Path pool = Files.createDirectories(dir.resolve("spl/kstat/zfs/tank"));
    Files.writeString(pool.resolve("io"), "12 3 0x00 1 80 1 2\n"
        + "nread nwritten reads writes wtime wlentime wupdate rtime rlentime rupdate wcnt rcnt\n1 2 3\n");

    assertThatThrownBy(() -> new ZfsCollector(ProcFs.at(dir)).collect())
        .hasMessage(pool.resolve("io") + " line 3: expected 12 values, found \"1 2 3\"");
  }

  @Test
  void aKstatNameThatIsNoMetricNameIsLeftOut(@TempDir Path dir) throws IOException {
    Path zfs = Files.createDirectories(dir.resolve("spl/kstat/zfs"));
    Files.writeString(zfs.resolve("fm"), "0 1 0x01\nname type data\nerpt-dropped 4 3\nodd{name} 4 1\n");

    assertThat(HostFixtures.text(new ZfsCollector(ProcFs.at(dir))))
        .contains("node_zfs_fm_erpt_dropped 3.0")
        .doesNotContain("odd");
  }

  @Test
  void aSuspendedPoolIsSuspended(@TempDir Path dir) throws IOException {
    Path pool = Files.createDirectories(dir.resolve("spl/kstat/zfs/tank"));
    Files.writeString(pool.resolve("state"), "SUSPENDED\n");

    assertThat(HostFixtures.text(new ZfsCollector(ProcFs.at(dir))))
        .contains("node_zfs_zpool_state{state=\"suspended\",zpool=\"tank\"} 1.0")
        .contains("node_zfs_zpool_state{state=\"online\",zpool=\"tank\"} 0.0");
  }
}
