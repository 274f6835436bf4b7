package io.taoprom.metrics.host.diskstats;

import java.io.IOException;
import java.util.List;

/** Where the {@code diskstats} collector reads block-device counters from. */
interface DiskSource {

  /**
   * node_exporter's per-disk statistics in {@code /proc/diskstats} column order, with the factor
   * that turns the kernel's unit (512-byte sectors, milliseconds) into node_exporter's.
   */
  enum DiskStat {
    READS_COMPLETED("reads_completed", "The total number of reads completed successfully.", 1),
    READS_MERGED("reads_merged", "The total number of reads merged.", 1),
    READ_BYTES("read_bytes", "The total number of bytes read successfully.", 512),
    READ_TIME("read_time_seconds", "The total number of seconds spent by all reads.", 0.001),
    WRITES_COMPLETED("writes_completed", "The total number of writes completed successfully.", 1),
    WRITES_MERGED("writes_merged", "The number of writes merged.", 1),
    WRITTEN_BYTES("written_bytes", "The total number of bytes written successfully.", 512),
    WRITE_TIME(
        "write_time_seconds", "This is the total number of seconds spent by all writes.", 0.001),
    IO_NOW("io_now", "The number of I/Os currently in progress.", 1),
    IO_TIME("io_time_seconds", "Total seconds spent doing I/Os.", 0.001),
    IO_TIME_WEIGHTED(
        "io_time_weighted_seconds", "The weighted # of seconds spent doing I/Os.", 0.001),
    DISCARDS_COMPLETED(
        "discards_completed", "The total number of discards completed successfully.", 1),
    DISCARDS_MERGED("discards_merged", "The total number of discards merged.", 1),
    DISCARDED_SECTORS(
        "discarded_sectors", "The total number of sectors discarded successfully.", 1),
    DISCARD_TIME(
        "discard_time_seconds", "This is the total number of seconds spent by all discards.", 0.001),
    FLUSH_REQUESTS(
        "flush_requests", "The total number of flush requests completed successfully", 1),
    FLUSH_REQUESTS_TIME(
        "flush_requests_time_seconds",
        "This is the total number of seconds spent by all flush requests.",
        0.001);

    /** The name after {@code node_disk_}, without the {@code _total} client_java appends. */
    final String name;

    final String help;
    final double procScale;

    DiskStat(String name, String help, double procScale) {
      this.name = name;
      this.help = help;
      this.procScale = procScale;
    }

    /** All but io_now are counters. */
    boolean counter() {
      return this != IO_NOW;
    }
  }

  /**
   * One block device.
   *
   * @param device the kernel's name, {@code sda}, {@code nvme0n1}
   * @param major the device number's major part, -1 where the source does not know it
   * @param minor its minor part, -1 where unknown
   * @param values one value per {@link DiskStat} (by ordinal), NaN where unknown
   */
  record Disk(String device, long major, long minor, double[] values) {

    /** A disk whose device number is not known (OSHI). */
    Disk(String device, double[] values) {
      this(device, -1, -1, values);
    }
  }

  /** Every block device. */
  List<Disk> read() throws IOException;
}
