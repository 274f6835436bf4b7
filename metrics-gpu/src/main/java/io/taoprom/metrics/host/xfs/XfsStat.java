package io.taoprom.metrics.host.xfs;

/**
 * The XFS statistics node_exporter serves: the line of {@code stats} they are on, their place on
 * it, and node_exporter's name (after {@code node_xfs_}, without
 * {@code _total}) and help text. Names follow the XFS wiki's "Runtime Stats" page.
 */
enum XfsStat {
  EXTENTS_ALLOCATED("extent_alloc", 0, "extent_allocation_extents_allocated", "Number of extents allocated for a filesystem."),
  BLOCKS_ALLOCATED("extent_alloc", 1, "extent_allocation_blocks_allocated", "Number of blocks allocated for a filesystem."),
  EXTENTS_FREED("extent_alloc", 2, "extent_allocation_extents_freed", "Number of extents freed for a filesystem."),
  BLOCKS_FREED("extent_alloc", 3, "extent_allocation_blocks_freed", "Number of blocks freed for a filesystem."),
  ABT_LOOKUPS("abt", 0, "allocation_btree_lookups", "Number of allocation B-tree lookups for a filesystem."),
  ABT_COMPARES("abt", 1, "allocation_btree_compares", "Number of allocation B-tree compares for a filesystem."),
  ABT_INSERTED("abt", 2, "allocation_btree_records_inserted",
      "Number of allocation B-tree records inserted for a filesystem."),
  ABT_DELETED("abt", 3, "allocation_btree_records_deleted",
      "Number of allocation B-tree records deleted for a filesystem."),
  BMAP_READS("blk_map", 0, "block_mapping_reads", "Number of block map for read operations for a filesystem."),
  BMAP_WRITES("blk_map", 1, "block_mapping_writes", "Number of block map for write operations for a filesystem."),
  BMAP_UNMAPS("blk_map", 2, "block_mapping_unmaps", "Number of block unmaps (deletes) for a filesystem."),
  BMAP_INSERTIONS("blk_map", 3, "block_mapping_extent_list_insertions",
      "Number of extent list insertions for a filesystem."),
  BMAP_DELETIONS("blk_map", 4, "block_mapping_extent_list_deletions",
      "Number of extent list deletions for a filesystem."),
  BMAP_LOOKUPS("blk_map", 5, "block_mapping_extent_list_lookups", "Number of extent list lookups for a filesystem."),
  BMAP_COMPARES("blk_map", 6, "block_mapping_extent_list_compares",
      "Number of extent list compares for a filesystem."),
  BMBT_LOOKUPS("bmbt", 0, "block_map_btree_lookups", "Number of block map B-tree lookups for a filesystem."),
  BMBT_COMPARES("bmbt", 1, "block_map_btree_compares", "Number of block map B-tree compares for a filesystem."),
  BMBT_INSERTED("bmbt", 2, "block_map_btree_records_inserted",
      "Number of block map B-tree records inserted for a filesystem."),
  BMBT_DELETED("bmbt", 3, "block_map_btree_records_deleted",
      "Number of block map B-tree records deleted for a filesystem."),
  DIR_LOOKUP("dir", 0, "directory_operation_lookup",
      "Number of file name directory lookups which miss the operating systems directory name lookup cache."),
  DIR_CREATE("dir", 1, "directory_operation_create",
      "Number of times a new directory entry was created for a filesystem."),
  DIR_REMOVE("dir", 2, "directory_operation_remove",
      "Number of times an existing directory entry was created for a filesystem."),
  DIR_GETDENTS("dir", 3, "directory_operation_getdents",
      "Number of times the directory getdents operation was performed for a filesystem."),
  IG_ATTEMPTS("ig", 0, "inode_operation_attempts",
      "Number of times the OS looked for an XFS inode in the inode cache."),
  IG_FOUND("ig", 1, "inode_operation_found",
      "Number of times the OS looked for and found an XFS inode in the inode cache."),
  IG_RECYCLED("ig", 2, "inode_operation_recycled",
      "Number of times the OS found an XFS inode in the cache, but could not use it as it was being recycled."),
  IG_MISSED("ig", 3, "inode_operation_missed",
      "Number of times the OS looked for an XFS inode in the cache, but did not find it."),
  IG_DUPLICATES("ig", 4, "inode_operation_duplicates",
      "Number of times the OS tried to add a missing XFS inode to the inode cache, but found it had already been"
          + " added by another process."),
  IG_RECLAIMS("ig", 5, "inode_operation_reclaims",
      "Number of times the OS reclaimed an XFS inode from the inode cache to free memory for another purpose."),
  IG_ATTRIBUTE_CHANGES("ig", 6, "inode_operation_attribute_changes",
      "Number of times the OS explicitly changed the attributes of an XFS inode."),
  // the kernel prints xs_write_calls before xs_read_calls
  READ_CALLS("rw", 1, "read_calls", "Number of read(2) system calls made to files in a filesystem."),
  WRITE_CALLS("rw", 0, "write_calls", "Number of write(2) system calls made to files in a filesystem."),
  VNODE_ACTIVE("vnodes", 0, "vnode_active", "Number of vnodes not on free lists for a filesystem."),
  VNODE_ALLOCATE("vnodes", 1, "vnode_allocate", "Number of times vn_alloc called for a filesystem."),
  VNODE_GET("vnodes", 2, "vnode_get", "Number of times vn_get called for a filesystem."),
  VNODE_HOLD("vnodes", 3, "vnode_hold", "Number of times vn_hold called for a filesystem."),
  VNODE_RELEASE("vnodes", 4, "vnode_release", "Number of times vn_rele called for a filesystem."),
  VNODE_RECLAIM("vnodes", 5, "vnode_reclaim", "Number of times vn_reclaim called for a filesystem."),
  VNODE_REMOVE("vnodes", 6, "vnode_remove", "Number of times vn_remove called for a filesystem.");

  /** The label the line starts with. */
  final String line;
  /** The statistic's place among the line's values. */
  final int index;
  final String name;
  final String help;

  XfsStat(String line, int index, String name, String help) {
    this.line = line;
    this.index = index;
    this.name = name;
    this.help = help;
  }
}
