package io.taoprom.metrics.host.xfs;

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

class XfsCollectorTest {

  @Test
  void goldenTextOfAnXfsMadeOnThisVm() {
    XfsCollector collector = new XfsCollector(HostFixtures.sys("xfs", "vm"));

    // Captured from an XFS on a loop device here (kernel 6.18, which prints lines node_exporter
    // 1.5 does not know: rmapbt_mem, rtrefcntbt, defer_relog). The global /sys/fs/xfs/stats is
    // no file system. node_exporter 1.5 serves the same 39 values from this tree; note rw is
    // "writes reads".
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_xfs_allocation_btree_compares_total Number of allocation B-tree compares for a filesystem.
        # TYPE node_xfs_allocation_btree_compares_total counter
        node_xfs_allocation_btree_compares_total{device="loop0"} 0.0
        # HELP node_xfs_allocation_btree_lookups_total Number of allocation B-tree lookups for a filesystem.
        # TYPE node_xfs_allocation_btree_lookups_total counter
        node_xfs_allocation_btree_lookups_total{device="loop0"} 0.0
        # HELP node_xfs_allocation_btree_records_deleted_total Number of allocation B-tree records deleted for a filesystem.
        # TYPE node_xfs_allocation_btree_records_deleted_total counter
        node_xfs_allocation_btree_records_deleted_total{device="loop0"} 0.0
        # HELP node_xfs_allocation_btree_records_inserted_total Number of allocation B-tree records inserted for a filesystem.
        # TYPE node_xfs_allocation_btree_records_inserted_total counter
        node_xfs_allocation_btree_records_inserted_total{device="loop0"} 0.0
        # HELP node_xfs_block_map_btree_compares_total Number of block map B-tree compares for a filesystem.
        # TYPE node_xfs_block_map_btree_compares_total counter
        node_xfs_block_map_btree_compares_total{device="loop0"} 0.0
        # HELP node_xfs_block_map_btree_lookups_total Number of block map B-tree lookups for a filesystem.
        # TYPE node_xfs_block_map_btree_lookups_total counter
        node_xfs_block_map_btree_lookups_total{device="loop0"} 0.0
        # HELP node_xfs_block_map_btree_records_deleted_total Number of block map B-tree records deleted for a filesystem.
        # TYPE node_xfs_block_map_btree_records_deleted_total counter
        node_xfs_block_map_btree_records_deleted_total{device="loop0"} 0.0
        # HELP node_xfs_block_map_btree_records_inserted_total Number of block map B-tree records inserted for a filesystem.
        # TYPE node_xfs_block_map_btree_records_inserted_total counter
        node_xfs_block_map_btree_records_inserted_total{device="loop0"} 0.0
        # HELP node_xfs_block_mapping_extent_list_compares_total Number of extent list compares for a filesystem.
        # TYPE node_xfs_block_mapping_extent_list_compares_total counter
        node_xfs_block_mapping_extent_list_compares_total{device="loop0"} 0.0
        # HELP node_xfs_block_mapping_extent_list_deletions_total Number of extent list deletions for a filesystem.
        # TYPE node_xfs_block_mapping_extent_list_deletions_total counter
        node_xfs_block_mapping_extent_list_deletions_total{device="loop0"} 14.0
        # HELP node_xfs_block_mapping_extent_list_insertions_total Number of extent list insertions for a filesystem.
        # TYPE node_xfs_block_mapping_extent_list_insertions_total counter
        node_xfs_block_mapping_extent_list_insertions_total{device="loop0"} 381.0
        # HELP node_xfs_block_mapping_extent_list_lookups_total Number of extent list lookups for a filesystem.
        # TYPE node_xfs_block_mapping_extent_list_lookups_total counter
        node_xfs_block_mapping_extent_list_lookups_total{device="loop0"} 1833.0
        # HELP node_xfs_block_mapping_reads_total Number of block map for read operations for a filesystem.
        # TYPE node_xfs_block_mapping_reads_total counter
        node_xfs_block_mapping_reads_total{device="loop0"} 813.0
        # HELP node_xfs_block_mapping_unmaps_total Number of block unmaps (deletes) for a filesystem.
        # TYPE node_xfs_block_mapping_unmaps_total counter
        node_xfs_block_mapping_unmaps_total{device="loop0"} 214.0
        # HELP node_xfs_block_mapping_writes_total Number of block map for write operations for a filesystem.
        # TYPE node_xfs_block_mapping_writes_total counter
        node_xfs_block_mapping_writes_total{device="loop0"} 425.0
        # HELP node_xfs_directory_operation_create_total Number of times a new directory entry was created for a filesystem.
        # TYPE node_xfs_directory_operation_create_total counter
        node_xfs_directory_operation_create_total{device="loop0"} 313.0
        # HELP node_xfs_directory_operation_getdents_total Number of times the directory getdents operation was performed for a filesystem.
        # TYPE node_xfs_directory_operation_getdents_total counter
        node_xfs_directory_operation_getdents_total{device="loop0"} 10.0
        # HELP node_xfs_directory_operation_lookup_total Number of file name directory lookups which miss the operating systems directory name lookup cache.
        # TYPE node_xfs_directory_operation_lookup_total counter
        node_xfs_directory_operation_lookup_total{device="loop0"} 313.0
        # HELP node_xfs_directory_operation_remove_total Number of times an existing directory entry was created for a filesystem.
        # TYPE node_xfs_directory_operation_remove_total counter
        node_xfs_directory_operation_remove_total{device="loop0"} 123.0
        # HELP node_xfs_extent_allocation_blocks_allocated_total Number of blocks allocated for a filesystem.
        # TYPE node_xfs_extent_allocation_blocks_allocated_total counter
        node_xfs_extent_allocation_blocks_allocated_total{device="loop0"} 7895.0
        # HELP node_xfs_extent_allocation_blocks_freed_total Number of blocks freed for a filesystem.
        # TYPE node_xfs_extent_allocation_blocks_freed_total counter
        node_xfs_extent_allocation_blocks_freed_total{device="loop0"} 1.0
        # HELP node_xfs_extent_allocation_extents_allocated_total Number of extents allocated for a filesystem.
        # TYPE node_xfs_extent_allocation_extents_allocated_total counter
        node_xfs_extent_allocation_extents_allocated_total{device="loop0"} 195.0
        # HELP node_xfs_extent_allocation_extents_freed_total Number of extents freed for a filesystem.
        # TYPE node_xfs_extent_allocation_extents_freed_total counter
        node_xfs_extent_allocation_extents_freed_total{device="loop0"} 1.0
        # HELP node_xfs_inode_operation_attempts_total Number of times the OS looked for an XFS inode in the inode cache.
        # TYPE node_xfs_inode_operation_attempts_total counter
        node_xfs_inode_operation_attempts_total{device="loop0"} 203.0
        # HELP node_xfs_inode_operation_attribute_changes_total Number of times the OS explicitly changed the attributes of an XFS inode.
        # TYPE node_xfs_inode_operation_attribute_changes_total counter
        node_xfs_inode_operation_attribute_changes_total{device="loop0"} 0.0
        # HELP node_xfs_inode_operation_duplicates_total Number of times the OS tried to add a missing XFS inode to the inode cache, but found it had already been added by another process.
        # TYPE node_xfs_inode_operation_duplicates_total counter
        node_xfs_inode_operation_duplicates_total{device="loop0"} 0.0
        # HELP node_xfs_inode_operation_found_total Number of times the OS looked for and found an XFS inode in the inode cache.
        # TYPE node_xfs_inode_operation_found_total counter
        node_xfs_inode_operation_found_total{device="loop0"} 1.0
        # HELP node_xfs_inode_operation_missed_total Number of times the OS looked for an XFS inode in the cache, but did not find it.
        # TYPE node_xfs_inode_operation_missed_total counter
        node_xfs_inode_operation_missed_total{device="loop0"} 202.0
        # HELP node_xfs_inode_operation_reclaims_total Number of times the OS reclaimed an XFS inode from the inode cache to free memory for another purpose.
        # TYPE node_xfs_inode_operation_reclaims_total counter
        node_xfs_inode_operation_reclaims_total{device="loop0"} 11.0
        # HELP node_xfs_inode_operation_recycled_total Number of times the OS found an XFS inode in the cache, but could not use it as it was being recycled.
        # TYPE node_xfs_inode_operation_recycled_total counter
        node_xfs_inode_operation_recycled_total{device="loop0"} 0.0
        # HELP node_xfs_read_calls_total Number of read(2) system calls made to files in a filesystem.
        # TYPE node_xfs_read_calls_total counter
        node_xfs_read_calls_total{device="loop0"} 22.0
        # HELP node_xfs_vnode_active_total Number of vnodes not on free lists for a filesystem.
        # TYPE node_xfs_vnode_active_total counter
        node_xfs_vnode_active_total{device="loop0"} 191.0
        # HELP node_xfs_vnode_allocate_total Number of times vn_alloc called for a filesystem.
        # TYPE node_xfs_vnode_allocate_total counter
        node_xfs_vnode_allocate_total{device="loop0"} 0.0
        # HELP node_xfs_vnode_get_total Number of times vn_get called for a filesystem.
        # TYPE node_xfs_vnode_get_total counter
        node_xfs_vnode_get_total{device="loop0"} 0.0
        # HELP node_xfs_vnode_hold_total Number of times vn_hold called for a filesystem.
        # TYPE node_xfs_vnode_hold_total counter
        node_xfs_vnode_hold_total{device="loop0"} 0.0
        # HELP node_xfs_vnode_reclaim_total Number of times vn_reclaim called for a filesystem.
        # TYPE node_xfs_vnode_reclaim_total counter
        node_xfs_vnode_reclaim_total{device="loop0"} 12.0
        # HELP node_xfs_vnode_release_total Number of times vn_rele called for a filesystem.
        # TYPE node_xfs_vnode_release_total counter
        node_xfs_vnode_release_total{device="loop0"} 12.0
        # HELP node_xfs_vnode_remove_total Number of times vn_remove called for a filesystem.
        # TYPE node_xfs_vnode_remove_total counter
        node_xfs_vnode_remove_total{device="loop0"} 12.0
        # HELP node_xfs_write_calls_total Number of write(2) system calls made to files in a filesystem.
        # TYPE node_xfs_write_calls_total counter
        node_xfs_write_calls_total{device="loop0"} 230.0
        """);
  }

  @Test
  void everyFileSystemOfAGpuServerIsServed() {
    String text = HostFixtures.text(new XfsCollector(HostFixtures.sys("xfs", "gpu-server")));

    assertThat(text)
        .contains("node_xfs_read_calls_total{device=\"md0\"} 4409.0")
        .contains("node_xfs_write_calls_total{device=\"md0\"} 802211.0")
        .contains("node_xfs_read_calls_total{device=\"nvme1n1\"} 3.01881422E8")
        .contains("node_xfs_vnode_remove_total{device=\"nvme1n1\"} 3840118.0")
        .doesNotContain("device=\"stats\"");
    assertThat(text.lines().filter(l -> l.startsWith("node_xfs_"))).hasSize(2 * 39);
  }

  @Test
  void noXfsIsNoSeries(@TempDir Path dir) throws IOException {
    assertThat(HostFixtures.text(new XfsCollector(SysFs.at(dir)))).isEmpty();
    Files.createDirectories(dir.resolve("fs/xfs/stats"));
    Files.writeString(dir.resolve("fs/xfs/stats/stats"), "rw 1 2\n");
    assertThat(HostFixtures.text(new XfsCollector(SysFs.at(dir)))).isEmpty();
  }

  @Test
  void anOlderKernelsSevenValueVnodesLineIsRead(@TempDir Path dir) throws IOException {
    String text = Files.readString(HostFixtures.dir("xfs", "vm").resolve("sys/fs/xfs/loop0/stats/stats"))
        .replace("vnodes 191 0 0 0 12 12 12 0", "vnodes 191 0 0 0 12 12 12");
    write(dir, text);

    assertThat(HostFixtures.text(new XfsCollector(SysFs.at(dir))))
        .contains("node_xfs_vnode_remove_total{device=\"sdb1\"} 12.0");
  }

  @Test
  void aMissingLineFails(@TempDir Path dir) throws IOException {
    write(dir, "extent_alloc 1 2 3 4\n");

    assertThatThrownBy(() -> new XfsCollector(SysFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("fs/xfs/sdb1/stats/stats")
            + ": no \"abt\" line; not the XFS statistics format this reads");
  }

  @Test
  void aShortLineFails(@TempDir Path dir) throws IOException {
    write(dir, "extent_alloc 1 2 3\n");

    assertThatThrownBy(() -> new XfsCollector(SysFs.at(dir)).collect())
        .hasMessageContaining("line 1: expected at least 4 values after extent_alloc, found \"extent_alloc 1 2 3\"");
  }

  @Test
  void aValueThatIsNotANumberFails(@TempDir Path dir) throws IOException {
    write(dir, "rw 1 x\n");

    assertThatThrownBy(() -> new XfsCollector(SysFs.at(dir)).collect())
        .hasMessageContaining("line 1: expected unsigned numbers after rw, found \"rw 1 x\"");
  }

  private static void write(Path dir, String text) throws IOException {
    Files.createDirectories(dir.resolve("fs/xfs/sdb1/stats"));
    Files.writeString(dir.resolve("fs/xfs/sdb1/stats/stats"), text);
  }
}
