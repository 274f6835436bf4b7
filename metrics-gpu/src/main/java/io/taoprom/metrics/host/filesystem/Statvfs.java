package io.taoprom.metrics.host.filesystem;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.taoprom.metrics.host.KernelNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code statvfs(3)} through JNA, for what Java's {@code FileStore} does not tell: the inode
 * counts behind {@code node_filesystem_files} and {@code _files_free}, and sizes computed from
 * {@code f_bsize} as node_exporter computes them ({@code f_blocks × f_bsize}). The struct is read
 * at the offsets of 64-bit Linux (glibc and musl lay it out alike: eleven 8-byte fields, then
 * padding), so {@link #available()} is false elsewhere and the caller falls back to
 * {@link java.io.File#getTotalSpace()} and friends.
 */
final class Statvfs {

  private static final int STRUCT_BYTES = 128;
  private static final int F_BSIZE = 0;
  private static final int F_BLOCKS = 16;
  private static final int F_BFREE = 24;
  private static final int F_BAVAIL = 32;
  private static final int F_FILES = 40;
  private static final int F_FFREE = 48;

  private static final Function STATVFS = load();

  private Statvfs() {}

  private static Function load() {
    if (!Platform.isLinux() || !Platform.is64Bit()) {
      return null;
    }
    try {
      return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("statvfs", Function.THROW_LAST_ERROR);
    } catch (LinkageError | RuntimeException noJna) {
      return null;
    }
  }

  /** Whether this machine can be asked. */
  static boolean available() {
    return STATVFS != null;
  }

  /**
   * The space and inodes of the file system mounted at {@code path}.
   *
   * @throws IOException with the errno when the call fails (a stale NFS handle, permissions)
   */
  static FilesystemSource.Space stat(String path) throws IOException {
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    byte[] cPath = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, cPath, 0, utf8.length);
    try (Memory buf = new Memory(STRUCT_BYTES)) {
      buf.clear();
      try {
        STATVFS.invokeInt(new Object[] {cPath, buf});
      } catch (LastErrorException e) {
        throw new IOException("statvfs " + path + ": errno " + e.getErrorCode());
      }
      double bsize = KernelNumbers.unsignedToDouble(buf.getLong(F_BSIZE));
      return new FilesystemSource.Space(
          KernelNumbers.unsignedToDouble(buf.getLong(F_BLOCKS)) * bsize,
          KernelNumbers.unsignedToDouble(buf.getLong(F_BFREE)) * bsize,
          KernelNumbers.unsignedToDouble(buf.getLong(F_BAVAIL)) * bsize,
          KernelNumbers.unsignedToDouble(buf.getLong(F_FILES)),
          KernelNumbers.unsignedToDouble(buf.getLong(F_FFREE)));
    }
  }
}
