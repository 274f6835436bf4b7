package io.taoprom.metrics.host.filesystem;

import io.taoprom.metrics.host.MountTable;
import io.taoprom.metrics.host.ProcFs;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mounts from {@code /proc/1/mounts} (the host's mount table when TaoProm runs in a container that
 * shares the host's PID namespace, as node_exporter reads it), falling back to
 * {@code /proc/mounts} where PID 1 is hidden; space and inodes from {@code statvfs(3)}
 * ({@link Statvfs}), or space alone from {@link File#getTotalSpace()} and friends where JNA cannot
 * call it.
 */
final class ProcMountsSource implements FilesystemSource {

  /** Whether statvfs can be called: JNA on the class path (it is left out of some test runs), 64-bit Linux. */
  private static final boolean STATVFS = statvfsLoads();

  private final ProcFs proc;

  ProcMountsSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<Mount> mounts() throws IOException {
    return toMounts(MountTable.read(proc));
  }

  /** Lines of {@code device mountpoint fstype options dump pass}, octal escapes decoded. */
  static List<Mount> parse(String table) throws IOException {
    return toMounts(MountTable.parse("mount table", table));
  }

  private static List<Mount> toMounts(List<MountTable.Mount> table) {
    List<Mount> mounts = new ArrayList<>(table.size());
    for (MountTable.Mount m : table) {
      mounts.add(new Mount(m.device(), m.mountPoint(), m.fsType(), m.readOnly()));
    }
    return mounts;
  }

  private static boolean statvfsLoads() {
    try {
      return Statvfs.available();
    } catch (LinkageError noJna) {
      return false;
    }
  }

  @Override
  public Space stat(Mount mount) throws IOException {
    if (STATVFS) {
      return Statvfs.stat(mount.mountPoint());
    }
    File root = new File(mount.mountPoint());
    // File's space queries answer 0 instead of failing; a zero size on a path that does not even
    // exist is the failure (a real but empty pseudo file system exists).
    long size = root.getTotalSpace();
    if (size == 0 && !root.exists()) {
      throw new IOException("cannot stat " + mount.mountPoint());
    }
    return new Space(size, root.getFreeSpace(), root.getUsableSpace());
  }
}
