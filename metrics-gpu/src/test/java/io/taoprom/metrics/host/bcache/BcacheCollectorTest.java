package io.taoprom.metrics.host.bcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcacheCollectorTest {

  private static final String SET = "fs/bcache/5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61";

  @Test
  void goldenTextOfACacheSetWithTwoBackingDevices() {
    BcacheCollector collector = new BcacheCollector(HostFixtures.sys("bcache", "gpu-server"), true);

    // Values as node_exporter 1.5 reads the same tree (24.5k = 24 + 5/10.24 KiB, truncated:
    // 25076), except btree_read_average_duration_seconds: 1305 us is 0.001305 s (node_exporter
    // scales microseconds as nanoseconds). This kernel has no cache_readaheads: not served.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_bcache_active_journal_entries Number of journal entries that are newer than the index.
        # TYPE node_bcache_active_journal_entries gauge
        node_bcache_active_journal_entries{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1.0
        # HELP node_bcache_average_key_size_sectors Average data per key in the btree (sectors).
        # TYPE node_bcache_average_key_size_sectors gauge
        node_bcache_average_key_size_sectors{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 25076.0
        # HELP node_bcache_btree_cache_size_bytes Amount of memory currently used by the btree cache.
        # TYPE node_bcache_btree_cache_size_bytes gauge
        node_bcache_btree_cache_size_bytes{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 3.27155712E8
        # HELP node_bcache_btree_nodes Total nodes in the btree.
        # TYPE node_bcache_btree_nodes gauge
        node_bcache_btree_nodes{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1431.0
        # HELP node_bcache_btree_read_average_duration_seconds Average btree read duration.
        # TYPE node_bcache_btree_read_average_duration_seconds gauge
        node_bcache_btree_read_average_duration_seconds{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.001305
        # HELP node_bcache_bypassed_bytes_total Amount of IO (both reads and writes) that has bypassed the cache.
        # TYPE node_bcache_bypassed_bytes_total counter
        node_bcache_bypassed_bytes_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 5.99785472E9
        node_bcache_bypassed_bytes_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_cache_available_percent Percentage of cache device without dirty data, usable for writeback (may contain clean cached data).
        # TYPE node_bcache_cache_available_percent gauge
        node_bcache_cache_available_percent{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 87.0
        # HELP node_bcache_cache_bypass_hits_total Hits for IO intended to skip the cache.
        # TYPE node_bcache_cache_bypass_hits_total counter
        node_bcache_cache_bypass_hits_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1190.0
        node_bcache_cache_bypass_hits_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_cache_bypass_misses_total Misses for IO intended to skip the cache.
        # TYPE node_bcache_cache_bypass_misses_total counter
        node_bcache_cache_bypass_misses_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 50192.0
        node_bcache_cache_bypass_misses_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_cache_hits_total Hits counted per individual IO as bcache sees them.
        # TYPE node_bcache_cache_hits_total counter
        node_bcache_cache_hits_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 4126539.0
        node_bcache_cache_hits_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1190.0
        # HELP node_bcache_cache_miss_collisions_total Instances where data insertion from cache miss raced with write (data already present).
        # TYPE node_bcache_cache_miss_collisions_total counter
        node_bcache_cache_miss_collisions_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 27.0
        node_bcache_cache_miss_collisions_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_cache_misses_total Misses counted per individual IO as bcache sees them.
        # TYPE node_bcache_cache_misses_total counter
        node_bcache_cache_misses_total{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 302814.0
        node_bcache_cache_misses_total{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_cache_read_races_total Counts instances where while data was being read from the cache, the bucket was reused and invalidated - i.e. where the pointer was stale after the read completed.
        # TYPE node_bcache_cache_read_races_total counter
        node_bcache_cache_read_races_total{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 12.0
        # HELP node_bcache_congested Congestion.
        # TYPE node_bcache_congested gauge
        node_bcache_congested{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_dirty_data_bytes Amount of dirty data for this backing device in the cache.
        # TYPE node_bcache_dirty_data_bytes gauge
        node_bcache_dirty_data_bytes{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1.388314624E9
        node_bcache_dirty_data_bytes{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_dirty_target_bytes Current dirty data target threshold for this backing device in bytes.
        # TYPE node_bcache_dirty_target_bytes gauge
        node_bcache_dirty_target_bytes{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1.0187964416E10
        node_bcache_dirty_target_bytes{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1.0187964416E10
        # HELP node_bcache_io_errors Number of errors that have occurred, decayed by io_error_halflife.
        # TYPE node_bcache_io_errors gauge
        node_bcache_io_errors{cache_device="cache0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_metadata_written_bytes_total Sum of all non data writes (btree writes and all other metadata).
        # TYPE node_bcache_metadata_written_bytes_total counter
        node_bcache_metadata_written_bytes_total{cache_device="cache0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 2.252341248E9
        # HELP node_bcache_priority_stats_metadata_percent Bcache's metadata overhead.
        # TYPE node_bcache_priority_stats_metadata_percent gauge
        node_bcache_priority_stats_metadata_percent{cache_device="cache0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 1.0
        # HELP node_bcache_priority_stats_unused_percent The percentage of the cache that doesn't contain any data.
        # TYPE node_bcache_priority_stats_unused_percent gauge
        node_bcache_priority_stats_unused_percent{cache_device="cache0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 72.0
        # HELP node_bcache_root_usage_percent Percentage of the root btree node in use (tree depth increases if too high).
        # TYPE node_bcache_root_usage_percent gauge
        node_bcache_root_usage_percent{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 3.0
        # HELP node_bcache_tree_depth Depth of the btree.
        # TYPE node_bcache_tree_depth gauge
        node_bcache_tree_depth{uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 2.0
        # HELP node_bcache_writeback_change Last writeback rate change step for this backing device.
        # TYPE node_bcache_writeback_change gauge
        node_bcache_writeback_change{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} -1253376.0
        node_bcache_writeback_change{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_writeback_rate Current writeback rate for this backing device in bytes.
        # TYPE node_bcache_writeback_rate gauge
        node_bcache_writeback_rate{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 2.9872128E7
        node_bcache_writeback_rate{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 4096.0
        # HELP node_bcache_writeback_rate_integral_term Current result of integral controller, part of writeback rate
        # TYPE node_bcache_writeback_rate_integral_term gauge
        node_bcache_writeback_rate_integral_term{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 3172.0
        node_bcache_writeback_rate_integral_term{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_writeback_rate_proportional_term Current result of proportional controller, part of writeback rate
        # TYPE node_bcache_writeback_rate_proportional_term gauge
        node_bcache_writeback_rate_proportional_term{backing_device="bdev0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} -22628.0
        node_bcache_writeback_rate_proportional_term{backing_device="bdev1",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 0.0
        # HELP node_bcache_written_bytes_total Sum of all data that has been written to the cache.
        # TYPE node_bcache_written_bytes_total counter
        node_bcache_written_bytes_total{cache_device="cache0",uuid="5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61"} 4.09095634944E11
        """);
  }

  @Test
  void priorityStatsOnlyWhenAskedFor() {
    String text = HostFixtures.text(new BcacheCollector(HostFixtures.sys("bcache", "gpu-server"), false));

    assertThat(text).contains("node_bcache_written_bytes_total{").doesNotContain("priority_stats");
  }

  @Test
  void noBcacheIsNoSeries(@TempDir Path dir) {
    assertThat(HostFixtures.text(new BcacheCollector(SysFs.at(dir), true))).isEmpty();
  }

  @Test
  void anOlderKernelsReadaheadCountIsServed(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Files.writeString(copy.resolve(SET + "/bdev0/stats_total/cache_readaheads"), "1.0k\n");

    assertThat(HostFixtures.text(new BcacheCollector(SysFs.at(copy), false)))
        .contains("node_bcache_cache_readaheads_total{backing_device=\"bdev0\","
            + "uuid=\"5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61\"} 1024.0")
        .doesNotContain("node_bcache_cache_readaheads_total{backing_device=\"bdev1\"");
  }

  @Test
  void aMissingAttributeIsZeroAsInNodeExporter(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Files.delete(copy.resolve(SET + "/congested"));

    assertThat(HostFixtures.text(new BcacheCollector(SysFs.at(copy), false)))
        .contains("node_bcache_congested{uuid=\"5c7e9a3e-1f2b-4d6a-9c1e-8b0f3a2d4e61\"} 0.0");
  }

  @Test
  void anUnparsableValueFailsNamingTheFile(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Files.writeString(copy.resolve(SET + "/tree_depth"), "2 levels\u0007\n");

    assertThatThrownBy(() -> new BcacheCollector(SysFs.at(copy), false).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(copy.resolve(SET + "/tree_depth") + ": expected a bcache number such as 20.4G, found \"2 levels\\x07\"");
  }

  @Test
  void aMissingWritebackDebugFileFails(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Files.delete(copy.resolve(SET + "/bdev1/writeback_rate_debug"));

    assertThatThrownBy(() -> new BcacheCollector(SysFs.at(copy), false).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + copy.resolve(SET + "/bdev1/writeback_rate_debug") + ": NoSuchFileException");
  }

  @Test
  void priorityStatsWithoutTheirLinesFail(@TempDir Path dir) throws IOException {
    Path copy = copyFixture(dir);
    Files.writeString(copy.resolve(SET + "/cache0/priority_stats"), "Clean:\t\t19%\n");

    assertThatThrownBy(() -> new BcacheCollector(SysFs.at(copy), true).collect())
        .hasMessageContaining("priority_stats: no \"Unused:\" line");
  }

  @Test
  void humanNumbersReadAsNodeExporterReadsThem() {
    Map<String, Double> cases = Map.of(
        "512", 512.0, "24.5k", 25076.0, "1.3G", 1388314624.0, "381G", 409095634944.0,
        "-22.1k", -22628.0, "0", 0.0, "12.75", 12.0, "3.0E", 3458764513820540928.0);
    cases.forEach((text, value) -> assertThat(HumanNumber.parse(text)).as(text).isEqualTo(value));
    for (String bad : List.of("", "-", "k", "1.2.3G", "12X", "0x10", "1e5", "99999999999999999999999"))
      assertThatThrownBy(() -> HumanNumber.parse(bad)).as(bad).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void thePriorityOptionTakesABoolean() {
    assertThat(new BcachePlugin().create(CollectorConfig.of(Map.of("bcache.priority-stats", List.of("yes")))))
        .isInstanceOf(BcacheCollector.class);
    assertThatThrownBy(() -> new BcachePlugin().create(CollectorConfig.of(Map.of("bcache.priority-stats", List.of("maybe")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option bcache.priority-stats takes true or false");
  }

  private static Path copyFixture(Path dir) throws IOException {
    Path from = HostFixtures.dir("bcache", "gpu-server").resolve("sys");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
        Path to = dir.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return dir;
  }
}
