package io.taoprom.metrics.host.diskstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiskstatsCollectorTest {

  private static final DeviceFilter DEFAULT_FILTER =
      DeviceFilter.exclude(CollectorConfig.empty(), "diskstats.device-exclude", DiskstatsCollector.DEFAULT_EXCLUDE);

  /** A machine without udev (a container): node_disk_info is served with empty labels. */
  private static final UdevDatabase NO_UDEV = UdevDatabase.at(Path.of("/nonexistent/udev/data"));

  @Test
  void goldenTextFromTheProcFixture() {
    DiskstatsCollector collector =
        new DiskstatsCollector(new ProcDiskstatsSource(HostFixtures.fixtureProc()), DEFAULT_FILTER, NO_UDEV);

    // loop0 and the partition sda1 are filtered; sda (Linux < 4.18) has no discard or flush
    // figures, nvme0n1 (4.18) no flush figures, vda (5.5) all of them. Milliseconds are multiplied
    // by 0.001 as node_exporter multiplies them, so 39608 ms prints as 39.608000000000004 there too.
    // client_java orders families by their name without _total. Without udev, node_disk_info
    // carries the device numbers only, as node_exporter's does.
    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_disk_discard_time_seconds_total This is the total number of seconds spent by all discards.
            # TYPE node_disk_discard_time_seconds_total counter
            node_disk_discard_time_seconds_total{device="nvme0n1"} 0.015
            node_disk_discard_time_seconds_total{device="vda"} 1.025
            # HELP node_disk_discarded_sectors_total The total number of sectors discarded successfully.
            # TYPE node_disk_discarded_sectors_total counter
            node_disk_discarded_sectors_total{device="nvme0n1"} 14.0
            node_disk_discarded_sectors_total{device="vda"} 103400.0
            # HELP node_disk_discards_completed_total The total number of discards completed successfully.
            # TYPE node_disk_discards_completed_total counter
            node_disk_discards_completed_total{device="nvme0n1"} 12.0
            node_disk_discards_completed_total{device="vda"} 3721.0
            # HELP node_disk_discards_merged_total The total number of discards merged.
            # TYPE node_disk_discards_merged_total counter
            node_disk_discards_merged_total{device="nvme0n1"} 13.0
            node_disk_discards_merged_total{device="vda"} 90.0
            # HELP node_disk_flush_requests_total The total number of flush requests completed successfully
            # TYPE node_disk_flush_requests_total counter
            node_disk_flush_requests_total{device="vda"} 886.0
            # HELP node_disk_flush_requests_time_seconds_total This is the total number of seconds spent by all flush requests.
            # TYPE node_disk_flush_requests_time_seconds_total counter
            node_disk_flush_requests_time_seconds_total{device="vda"} 1.102
            # HELP node_disk_info Info of /sys/block/<block_device>.
            # TYPE node_disk_info gauge
            node_disk_info{device="nvme0n1",major="259",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
            node_disk_info{device="sda",major="8",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
            node_disk_info{device="vda",major="254",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
            # HELP node_disk_io_now The number of I/Os currently in progress.
            # TYPE node_disk_io_now gauge
            node_disk_io_now{device="nvme0n1"} 9.0
            node_disk_io_now{device="sda"} 0.0
            node_disk_io_now{device="vda"} 2.0
            # HELP node_disk_io_time_seconds_total Total seconds spent doing I/Os.
            # TYPE node_disk_io_time_seconds_total counter
            node_disk_io_time_seconds_total{device="nvme0n1"} 0.01
            node_disk_io_time_seconds_total{device="sda"} 8.992
            node_disk_io_time_seconds_total{device="vda"} 8.992
            # HELP node_disk_io_time_weighted_seconds_total The weighted # of seconds spent doing I/Os.
            # TYPE node_disk_io_time_weighted_seconds_total counter
            node_disk_io_time_weighted_seconds_total{device="nvme0n1"} 0.011
            node_disk_io_time_weighted_seconds_total{device="sda"} 39.608000000000004
            node_disk_io_time_weighted_seconds_total{device="vda"} 39.608000000000004
            # HELP node_disk_read_bytes_total The total number of bytes read successfully.
            # TYPE node_disk_read_bytes_total counter
            node_disk_read_bytes_total{device="nvme0n1"} 1536.0
            node_disk_read_bytes_total{device="sda"} 1.941025792E9
            node_disk_read_bytes_total{device="vda"} 1.941025792E9
            # HELP node_disk_read_time_seconds_total The total number of seconds spent by all reads.
            # TYPE node_disk_read_time_seconds_total counter
            node_disk_read_time_seconds_total{device="nvme0n1"} 0.004
            node_disk_read_time_seconds_total{device="sda"} 18.797
            node_disk_read_time_seconds_total{device="vda"} 18.797
            # HELP node_disk_reads_completed_total The total number of reads completed successfully.
            # TYPE node_disk_reads_completed_total counter
            node_disk_reads_completed_total{device="nvme0n1"} 1.0
            node_disk_reads_completed_total{device="sda"} 47900.0
            node_disk_reads_completed_total{device="vda"} 47900.0
            # HELP node_disk_reads_merged_total The total number of reads merged.
            # TYPE node_disk_reads_merged_total counter
            node_disk_reads_merged_total{device="nvme0n1"} 2.0
            node_disk_reads_merged_total{device="sda"} 9894.0
            node_disk_reads_merged_total{device="vda"} 9894.0
            # HELP node_disk_write_time_seconds_total This is the total number of seconds spent by all writes.
            # TYPE node_disk_write_time_seconds_total counter
            node_disk_write_time_seconds_total{device="nvme0n1"} 0.008
            node_disk_write_time_seconds_total{device="sda"} 18.682000000000002
            node_disk_write_time_seconds_total{device="vda"} 18.682000000000002
            # HELP node_disk_writes_completed_total The total number of writes completed successfully.
            # TYPE node_disk_writes_completed_total counter
            node_disk_writes_completed_total{device="nvme0n1"} 5.0
            node_disk_writes_completed_total{device="sda"} 9461.0
            node_disk_writes_completed_total{device="vda"} 9461.0
            # HELP node_disk_writes_merged_total The number of writes merged.
            # TYPE node_disk_writes_merged_total counter
            node_disk_writes_merged_total{device="nvme0n1"} 6.0
            node_disk_writes_merged_total{device="sda"} 34315.0
            node_disk_writes_merged_total{device="vda"} 34315.0
            # HELP node_disk_written_bytes_total The total number of bytes written successfully.
            # TYPE node_disk_written_bytes_total counter
            node_disk_written_bytes_total{device="nvme0n1"} 3584.0
            node_disk_written_bytes_total{device="sda"} 1.83345152E9
            node_disk_written_bytes_total{device="vda"} 1.83345152E9
            """);
  }

  @Test
  void goldenTextOfThePortableStatistics() {
    double[] values = new double[DiskSource.DiskStat.values().length];
    Arrays.fill(values, Double.NaN);
    values[DiskSource.DiskStat.READS_COMPLETED.ordinal()] = 10;
    values[DiskSource.DiskStat.READ_BYTES.ordinal()] = 40960;
    values[DiskSource.DiskStat.WRITES_COMPLETED.ordinal()] = 20;
    values[DiskSource.DiskStat.WRITTEN_BYTES.ordinal()] = 81920;
    DiskstatsCollector collector =
        new DiskstatsCollector(() -> List.of(new DiskSource.Disk("disk0", values)), DEFAULT_FILTER, NO_UDEV);

    assertThat(HostFixtures.text(collector))
        .isEqualTo(
            """
            # HELP node_disk_read_bytes_total The total number of bytes read successfully.
            # TYPE node_disk_read_bytes_total counter
            node_disk_read_bytes_total{device="disk0"} 40960.0
            # HELP node_disk_reads_completed_total The total number of reads completed successfully.
            # TYPE node_disk_reads_completed_total counter
            node_disk_reads_completed_total{device="disk0"} 10.0
            # HELP node_disk_writes_completed_total The total number of writes completed successfully.
            # TYPE node_disk_writes_completed_total counter
            node_disk_writes_completed_total{device="disk0"} 20.0
            # HELP node_disk_written_bytes_total The total number of bytes written successfully.
            # TYPE node_disk_written_bytes_total counter
            node_disk_written_bytes_total{device="disk0"} 81920.0
            """);
  }

  @Test
  void defaultFilterIsNodeExportersOne() {
    for (String ignored : List.of("ram0", "zram0", "loop7", "fd0", "sda1", "vdb2", "xvda1", "nvme0n1p1")) {
      assertThat(DEFAULT_FILTER.ignored(ignored)).as(ignored).isTrue();
    }
    for (String kept : List.of("sda", "vda", "nvme0n1", "dm-0", "md127", "mmcblk0")) {
      assertThat(DEFAULT_FILTER.ignored(kept)).as(kept).isFalse();
    }
  }

  @Test
  void procSourceKeepsEveryDeviceForTheFilterToDecide() throws IOException {
    assertThat(new ProcDiskstatsSource(HostFixtures.fixtureProc()).read())
        .extracting(DiskSource.Disk::device)
        .containsExactly("loop0", "sda", "sda1", "nvme0n1", "vda");
  }
}
