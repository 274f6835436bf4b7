package io.taoprom.metrics.host.btrfs;

/**
 * One device of a mounted btrfs as {@code BTRFS_IOC_DEV_INFO} and {@code BTRFS_IOC_GET_DEV_STATS}
 * report it.
 *
 * @param path the device node the kernel opened, {@code /dev/nvme0n1p3}
 * @param uuid the device's UUID, dashed lower-case hex
 * @param bytesUsed bytes allocated on the device (unsigned)
 * @param totalBytes the device's size (unsigned)
 * @param errors write, read, flush, corruption and generation errors, in that order (unsigned)
 */
record DeviceStats(String path, String uuid, long bytesUsed, long totalBytes, long[] errors) {

  /** The error kinds, in {@link #errors} order, as node_exporter's {@code type} label names them. */
  static final String[] ERROR_TYPES = {"write", "read", "flush", "corruption", "generation"};
}
