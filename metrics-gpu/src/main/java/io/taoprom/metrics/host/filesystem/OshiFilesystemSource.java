package io.taoprom.metrics.host.filesystem;

import io.taoprom.metrics.host.OshiHost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import oshi.software.os.OSFileStore;

/**
 * File stores from OSHI, which reads the space together with the mount list; {@link #stat} hands
 * back what the last {@link #mounts()} read.
 */
final class OshiFilesystemSource implements FilesystemSource {

  private final OshiHost oshi;
  private final Map<Mount, OSFileStore> stores = new ConcurrentHashMap<>();

  OshiFilesystemSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public List<Mount> mounts() {
    List<OSFileStore> fileStores = oshi.await().os().getFileSystem().getFileStores();
    List<Mount> mounts = new ArrayList<>(fileStores.size());
    stores.clear();
    for (OSFileStore store : fileStores) {
      boolean readOnly = false;
      for (String option : store.getOptions().split(",")) {
        readOnly |= option.equals("ro");
      }
      Mount mount = new Mount(store.getVolume(), store.getMount(), store.getType(), readOnly);
      mounts.add(mount);
      stores.put(mount, store);
    }
    return mounts;
  }

  @Override
  public Space stat(Mount mount) throws IOException {
    OSFileStore store = stores.get(mount);
    if (store == null) {
      throw new IOException("OSHI lists no file store at " + mount.mountPoint());
    }
    return new Space(store.getTotalSpace(), store.getFreeSpace(), store.getUsableSpace(),
        inodes(store.getTotalInodes()), inodes(store.getFreeInodes()));
  }

  /** OSHI answers 0 (or less) where the platform does not count inodes. */
  private static double inodes(long count) {
    return count > 0 ? count : Double.NaN;
  }
}
