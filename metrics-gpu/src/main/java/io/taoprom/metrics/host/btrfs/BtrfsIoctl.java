package io.taoprom.metrics.host.btrfs;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import io.taoprom.metrics.host.MountTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-device figures of mounted btrfs file systems through the kernel's btrfs ioctls, called with
 * JNA on a read-only descriptor of each mount point: {@code BTRFS_IOC_FS_INFO} for the file-system
 * id and device count, {@code BTRFS_IOC_DEV_INFO} for each device's path, UUID and sizes, and
 * {@code BTRFS_IOC_GET_DEV_STATS} (without the reset flag) for its error counters. None of them
 * needs a capability. The struct layouts are those of {@code include/uapi/linux/btrfs.h}.
 *
 * <p>Only on architectures with the generic ioctl number encoding (x86, ARM, RISC-V, s390);
 * elsewhere {@link #supported()} is false and the collector serves the sysfs sizes.
 */
final class BtrfsIoctl implements DeviceStatsSource {

  private static final long IOC_WRITE = 1;
  private static final long IOC_READ = 2;
  private static final long BTRFS_IOCTL_MAGIC = 0x94;

  private static final int FS_INFO_SIZE = 1024;
  private static final int DEV_INFO_SIZE = 4096;
  private static final int DEV_STATS_SIZE = 1032;

  static final long BTRFS_IOC_DEV_INFO = ioc(IOC_READ | IOC_WRITE, 30, DEV_INFO_SIZE);
  static final long BTRFS_IOC_FS_INFO = ioc(IOC_READ, 31, FS_INFO_SIZE);
  static final long BTRFS_IOC_GET_DEV_STATS = ioc(IOC_READ | IOC_WRITE, 52, DEV_STATS_SIZE);

  private static final int DEV_INFO_PATH_OFFSET = 3072;
  private static final int DEV_INFO_PATH_MAX = 1024;
  private static final int DEV_STAT_VALUES = 5;

  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 02000000;
  private static final int ENODEV = 19;

  private final Function open;
  private final Function ioctl;
  private final Function close;

  private BtrfsIoctl() {
    NativeLibrary libc = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    this.open = libc.getFunction("open", Function.THROW_LAST_ERROR);
    this.ioctl = libc.getFunction("ioctl", Function.THROW_LAST_ERROR);
    this.close = libc.getFunction("close");
  }

  /** {@code _IOC(dir, type, nr, size)} in the generic encoding. */
  private static long ioc(long dir, int nr, int size) {
    return (dir << 30) | ((long) size << 16) | (BTRFS_IOCTL_MAGIC << 8) | nr;
  }

  /** Whether this machine encodes ioctl numbers the generic way and is 64-bit Linux. */
  static boolean supported() {
    return Platform.isLinux() && Platform.is64Bit()
        && !Platform.isPPC() && !Platform.isMIPS() && !Platform.isSPARC();
  }

  /**
   * The ioctls on this machine, or a source that finds nothing where they are not supported or the
   * C library cannot be bound. Where JNA itself is missing, loading this class throws
   * {@link NoClassDefFoundError}; the plugin catches that.
   */
  static DeviceStatsSource forThisMachine() {
    if (!supported()) {
      return mounts -> Map.of();
    }
    try {
      return new BtrfsIoctl();
    } catch (LinkageError | RuntimeException noJna) {
      return mounts -> Map.of();
    }
  }

  @Override
  public Map<String, List<DeviceStats>> read(List<MountTable.Mount> mounts) {
    Map<String, List<DeviceStats>> byFsid = new LinkedHashMap<>();
    Set<String> devicesDone = new HashSet<>();
    for (MountTable.Mount mount : mounts) {
      if (!mount.fsType().equals("btrfs") || devicesDone.contains(mount.device())) {
        continue;
      }
      int fd;
      try {
        fd = open.invokeInt(new Object[] {cString(mount.mountPoint()), O_RDONLY | O_CLOEXEC});
      } catch (LastErrorException e) {
        continue; // not permitted, or gone: another mount of this file system may answer
      }
      try (Memory fsInfo = new Memory(FS_INFO_SIZE);
          Memory devInfo = new Memory(DEV_INFO_SIZE);
          Memory devStats = new Memory(DEV_STATS_SIZE)) {
        fsInfo.clear();
        call(fd, BTRFS_IOC_FS_INFO, fsInfo);
        String fsid = hex(fsInfo.getByteArray(16, 16));
        if (byFsid.containsKey(fsid)) {
          continue;
        }
        List<DeviceStats> devices = devices(fd, fsInfo.getLong(0), fsInfo.getLong(8), devInfo, devStats);
        devicesDone.add(mount.device());
        byFsid.put(fsid, devices);
      } catch (LastErrorException e) {
        // this mount point did not answer; node_exporter moves on to the next one as well
      } finally {
        close.invokeInt(new Object[] {fd});
      }
    }
    return byFsid;
  }

  /** Devices 0 to {@code maxId} that exist (ids need not be contiguous), up to {@code count} of them. */
  private List<DeviceStats> devices(int fd, long maxId, long count, Memory devInfo, Memory devStats) {
    List<DeviceStats> devices = new ArrayList<>();
    for (long id = 0; Long.compareUnsigned(id, maxId) <= 0; id++) {
      devInfo.clear();
      devInfo.setLong(0, id);
      try {
        call(fd, BTRFS_IOC_DEV_INFO, devInfo);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == ENODEV) {
          continue;
        }
        throw e;
      }
      devStats.clear();
      devStats.setLong(0, id);
      devStats.setLong(8, DEV_STAT_VALUES);
      call(fd, BTRFS_IOC_GET_DEV_STATS, devStats);
      long[] errors = new long[DEV_STAT_VALUES];
      for (int i = 0; i < DEV_STAT_VALUES; i++) {
        errors[i] = devStats.getLong(24 + 8L * i);
      }
      devices.add(new DeviceStats(
          path(devInfo), uuid(devInfo.getByteArray(8, 16)), devInfo.getLong(24), devInfo.getLong(32), errors));
      if (devices.size() == count) {
        break;
      }
    }
    return devices;
  }

  private void call(int fd, long request, Memory argument) {
    ioctl.invokeInt(new Object[] {fd, new NativeLong(request), argument});
  }

  private static String path(Memory devInfo) {
    byte[] bytes = devInfo.getByteArray(DEV_INFO_PATH_OFFSET, DEV_INFO_PATH_MAX);
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  /** The path as the C string {@code open(2)} takes, in the bytes the mount table named it with. */
  private static byte[] cString(String path) {
    byte[] utf8 = path.getBytes(StandardCharsets.UTF_8);
    byte[] c = new byte[utf8.length + 1];
    System.arraycopy(utf8, 0, c, 0, utf8.length);
    return c;
  }

  static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }

  /** As node_exporter's ioctl library prints a device UUID: dashed hex, {@code <zero>} when unset. */
  static String uuid(byte[] bytes) {
    boolean zero = true;
    for (byte b : bytes) {
      zero &= b == 0;
    }
    if (zero) {
      return "<zero>";
    }
    String h = hex(bytes);
    return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
        + h.substring(16, 20) + "-" + h.substring(20);
  }
}
