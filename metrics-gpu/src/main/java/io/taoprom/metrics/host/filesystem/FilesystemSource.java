package io.taoprom.metrics.host.filesystem;

import java.io.IOException;
import java.util.List;

/** Where the {@code filesystem} collector reads mounts and their space from. */
interface FilesystemSource {

  /** One line of the mount table. */
  record Mount(String device, String mountPoint, String fsType, boolean readOnly) {}

  /**
   * Space on a mounted file system, in bytes ({@code avail} is what non-root users may use), and
   * its inodes ({@code files}, {@code filesFree}; NaN where the source does not know them).
   */
  record Space(double size, double free, double avail, double files, double filesFree) {

    /** Space without inode counts. */
    Space(double size, double free, double avail) {
      this(size, free, avail, Double.NaN, Double.NaN);
    }
  }

  /** Every mount, in mount-table order, before any filtering. */
  List<Mount> mounts() throws IOException;

  /**
   * The space on one mount. May block on a dead network mount; the collector guards against that.
   *
   * @throws IOException when the file system cannot be queried
   */
  Space stat(Mount mount) throws IOException;
}
