package io.taoprom.metrics.host.diskstats;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node_disk_info and the other udev-based diskstats series ({@link DiskInfo}, {@link UdevDatabase}). */
class DiskInfoTest {

  private static final DeviceFilter DEFAULT_FILTER =
      DeviceFilter.exclude(CollectorConfig.empty(), "diskstats.device-exclude", DiskstatsCollector.DEFAULT_EXCLUDE);

  /** A machine without udev (a container): node_disk_info is served with empty labels. */
  private static final UdevDatabase NO_UDEV = UdevDatabase.at(Path.of("/nonexistent/udev/data"));

  @Test
  void goldenTextOfAGpuServerWithUdev() {
    Path machine = HostFixtures.dir("diskstats", "gpu-server");
    DiskstatsCollector collector = new DiskstatsCollector(new ProcDiskstatsSource(HostFixtures.proc("diskstats", "gpu-server")),
        DEFAULT_FILTER, UdevDatabase.at(machine.resolve("udev/data")));

    // NVMe, SATA and SAS disks, md and LVM devices as udev describes them (node_exporter 1.5 gives
    // the same but for sdb's serial: current upstream prefers SCSI_IDENT_SERIAL to ID_SERIAL_SHORT);
    // nvme3n1 has no udev record; loop0 and the partition are filtered.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_disk_ata_rotation_rate_rpm ATA disk rotation rate in RPMs (0 for SSDs).
        # TYPE node_disk_ata_rotation_rate_rpm gauge
        node_disk_ata_rotation_rate_rpm{device="sda"} 7200.0
        # HELP node_disk_ata_write_cache ATA disk has a write cache.
        # TYPE node_disk_ata_write_cache gauge
        node_disk_ata_write_cache{device="sda"} 1.0
        # HELP node_disk_ata_write_cache_enabled ATA disk has its write cache enabled.
        # TYPE node_disk_ata_write_cache_enabled gauge
        node_disk_ata_write_cache_enabled{device="sda"} 1.0
        # HELP node_disk_device_mapper_info Info about disk device mapper.
        # TYPE node_disk_device_mapper_info gauge
        node_disk_device_mapper_info{device="dm-0",lv_layer="",lv_name="scratch",name="vg0-scratch",uuid="LVM-Xq3k9RfZ2wTn8cVb1mLp0sYh7dGj4aKeUo6iNt5rBv2xCz9QwEy3lMs8PdHf1Jg",vg_name="vg0"} 1.0
        # HELP node_disk_discard_time_seconds_total This is the total number of seconds spent by all discards.
        # TYPE node_disk_discard_time_seconds_total counter
        node_disk_discard_time_seconds_total{device="dm-0"} 1.201
        node_disk_discard_time_seconds_total{device="md0"} 0.0
        node_disk_discard_time_seconds_total{device="md1"} 0.0
        node_disk_discard_time_seconds_total{device="nvme0n1"} 1.203
        node_disk_discard_time_seconds_total{device="nvme1n1"} 1.201
        node_disk_discard_time_seconds_total{device="nvme2n1"} 90.331
        node_disk_discard_time_seconds_total{device="nvme3n1"} 90.33
        node_disk_discard_time_seconds_total{device="sda"} 0.0
        node_disk_discard_time_seconds_total{device="sdb"} 0.0
        # HELP node_disk_discarded_sectors_total The total number of sectors discarded successfully.
        # TYPE node_disk_discarded_sectors_total counter
        node_disk_discarded_sectors_total{device="dm-0"} 3.03311E7
        node_disk_discarded_sectors_total{device="md0"} 3.0331203E7
        node_disk_discarded_sectors_total{device="md1"} 0.0
        node_disk_discarded_sectors_total{device="nvme0n1"} 3.0331203E7
        node_disk_discarded_sectors_total{device="nvme1n1"} 3.033112E7
        node_disk_discarded_sectors_total{device="nvme2n1"} 3.031203312E9
        node_disk_discarded_sectors_total{device="nvme3n1"} 3.031200312E9
        node_disk_discarded_sectors_total{device="sda"} 0.0
        node_disk_discarded_sectors_total{device="sdb"} 0.0
        # HELP node_disk_discards_completed_total The total number of discards completed successfully.
        # TYPE node_disk_discards_completed_total counter
        node_disk_discards_completed_total{device="dm-0"} 103311.0
        node_disk_discards_completed_total{device="md0"} 103312.0
        node_disk_discards_completed_total{device="md1"} 0.0
        node_disk_discards_completed_total{device="nvme0n1"} 103312.0
        node_disk_discards_completed_total{device="nvme1n1"} 103301.0
        node_disk_discards_completed_total{device="nvme2n1"} 12033.0
        node_disk_discards_completed_total{device="nvme3n1"} 12031.0
        node_disk_discards_completed_total{device="sda"} 0.0
        node_disk_discards_completed_total{device="sdb"} 0.0
        # HELP node_disk_discards_merged_total The total number of discards merged.
        # TYPE node_disk_discards_merged_total counter
        node_disk_discards_merged_total{device="dm-0"} 0.0
        node_disk_discards_merged_total{device="md0"} 0.0
        node_disk_discards_merged_total{device="md1"} 0.0
        node_disk_discards_merged_total{device="nvme0n1"} 0.0
        node_disk_discards_merged_total{device="nvme1n1"} 0.0
        node_disk_discards_merged_total{device="nvme2n1"} 0.0
        node_disk_discards_merged_total{device="nvme3n1"} 0.0
        node_disk_discards_merged_total{device="sda"} 0.0
        node_disk_discards_merged_total{device="sdb"} 0.0
        # HELP node_disk_filesystem_info Info about disk filesystem.
        # TYPE node_disk_filesystem_info gauge
        node_disk_filesystem_info{device="dm-0",type="xfs",usage="filesystem",uuid="b3c5d7e9-1f2a-4b6c-8d0e-2f4a6b8c0d1e",version=""} 1.0
        node_disk_filesystem_info{device="md0",type="ext4",usage="filesystem",uuid="7a1e3c5b-9d2f-4e6a-8b0c-1d3e5f7a9b2c",version="1.0"} 1.0
        node_disk_filesystem_info{device="nvme2n1",type="btrfs",usage="filesystem",uuid="2d6f1b9e-7c3a-4e58-a1f0-9b4c2e7d8a13",version=""} 1.0
        # HELP node_disk_flush_requests_total The total number of flush requests completed successfully
        # TYPE node_disk_flush_requests_total counter
        node_disk_flush_requests_total{device="dm-0"} 0.0
        node_disk_flush_requests_total{device="md0"} 0.0
        node_disk_flush_requests_total{device="md1"} 0.0
        node_disk_flush_requests_total{device="nvme0n1"} 903312.0
        node_disk_flush_requests_total{device="nvme1n1"} 903312.0
        node_disk_flush_requests_total{device="nvme2n1"} 1203312.0
        node_disk_flush_requests_total{device="nvme3n1"} 1203301.0
        node_disk_flush_requests_total{device="sda"} 120331.0
        node_disk_flush_requests_total{device="sdb"} 120330.0
        # HELP node_disk_flush_requests_time_seconds_total This is the total number of seconds spent by all flush requests.
        # TYPE node_disk_flush_requests_time_seconds_total counter
        node_disk_flush_requests_time_seconds_total{device="dm-0"} 0.0
        node_disk_flush_requests_time_seconds_total{device="md0"} 0.0
        node_disk_flush_requests_time_seconds_total{device="md1"} 0.0
        node_disk_flush_requests_time_seconds_total{device="nvme0n1"} 2.033
        node_disk_flush_requests_time_seconds_total{device="nvme1n1"} 2.031
        node_disk_flush_requests_time_seconds_total{device="nvme2n1"} 40.331
        node_disk_flush_requests_time_seconds_total{device="nvme3n1"} 40.33
        node_disk_flush_requests_time_seconds_total{device="sda"} 9.033
        node_disk_flush_requests_time_seconds_total{device="sdb"} 9.03
        # HELP node_disk_info Info of /sys/block/<block_device>.
        # TYPE node_disk_info gauge
        node_disk_info{device="dm-0",major="253",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
        node_disk_info{device="md0",major="9",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
        node_disk_info{device="md1",major="9",minor="1",model="",path="",revision="",serial="",wwn=""} 1.0
        node_disk_info{device="nvme0n1",major="259",minor="0",model="SAMSUNG MZQL23T8HCLS-00A07",path="pci-0000:c3:00.0-nvme-1",revision="GDC5602Q",serial="S64HNE0T312345",wwn="eui.36344830543123450025384500000001"} 1.0
        node_disk_info{device="nvme1n1",major="259",minor="3",model="SAMSUNG MZQL23T8HCLS-00A07",path="pci-0000:c4:00.0-nvme-1",revision="GDC5602Q",serial="S64HNE0T312346",wwn="eui.36344830543123460025384500000001"} 1.0
        node_disk_info{device="nvme2n1",major="259",minor="4",model="KIOXIA KCD8XRUG7T68",path="pci-0000:01:00.0-nvme-1",revision="0103",serial="X2A0A0NLT8LM",wwn="nvme.1e0f-58324130413041304e4c54384c4d-4b494f58494120-00000001"} 1.0
        node_disk_info{device="nvme3n1",major="259",minor="5",model="",path="",revision="",serial="",wwn=""} 1.0
        node_disk_info{device="sda",major="8",minor="0",model="ST18000NM000J-2TV103",path="pci-0000:41:00.0-ata-1.0",revision="SN02",serial="ZR5ABC12",wwn="0x5000c500d3a1b2c3"} 1.0
        node_disk_info{device="sdb",major="8",minor="16",model="HUH721212AL5200",path="pci-0000:42:00.0-sas-phy3-lun-0",revision="A925",serial="8DGX3YAH",wwn="0x5000cca2b0a1c2d3"} 1.0
        # HELP node_disk_io_now The number of I/Os currently in progress.
        # TYPE node_disk_io_now gauge
        node_disk_io_now{device="dm-0"} 0.0
        node_disk_io_now{device="md0"} 0.0
        node_disk_io_now{device="md1"} 0.0
        node_disk_io_now{device="nvme0n1"} 0.0
        node_disk_io_now{device="nvme1n1"} 0.0
        node_disk_io_now{device="nvme2n1"} 3.0
        node_disk_io_now{device="nvme3n1"} 0.0
        node_disk_io_now{device="sda"} 1.0
        node_disk_io_now{device="sdb"} 0.0
        # HELP node_disk_io_time_seconds_total Total seconds spent doing I/Os.
        # TYPE node_disk_io_time_seconds_total counter
        node_disk_io_time_seconds_total{device="dm-0"} 12033.130000000001
        node_disk_io_time_seconds_total{device="md0"} 0.0
        node_disk_io_time_seconds_total{device="md1"} 0.0
        node_disk_io_time_seconds_total{device="nvme0n1"} 12033.12
        node_disk_io_time_seconds_total{device="nvme1n1"} 12033.012
        node_disk_io_time_seconds_total{device="nvme2n1"} 203312.033
        node_disk_io_time_seconds_total{device="nvme3n1"} 203311.033
        node_disk_io_time_seconds_total{device="sda"} 33120.331
        node_disk_io_time_seconds_total{device="sdb"} 33120.301
        # HELP node_disk_io_time_weighted_seconds_total The weighted # of seconds spent doing I/Os.
        # TYPE node_disk_io_time_weighted_seconds_total counter
        node_disk_io_time_weighted_seconds_total{device="dm-0"} 12323.801
        node_disk_io_time_weighted_seconds_total{device="md0"} 0.0
        node_disk_io_time_weighted_seconds_total{device="md1"} 0.0
        node_disk_io_time_weighted_seconds_total{device="nvme0n1"} 12323.12
        node_disk_io_time_weighted_seconds_total{device="nvme1n1"} 12320.331
        node_disk_io_time_weighted_seconds_total{device="nvme2n1"} 440662.406
        node_disk_io_time_weighted_seconds_total{device="nvme3n1"} 440660.406
        node_disk_io_time_weighted_seconds_total{device="sda"} 210662.40600000002
        node_disk_io_time_weighted_seconds_total{device="sdb"} 210660.40600000002
        # HELP node_disk_read_bytes_total The total number of bytes read successfully.
        # TYPE node_disk_read_bytes_total counter
        node_disk_read_bytes_total{device="dm-0"} 6.160896E11
        node_disk_read_bytes_total{device="md0"} 6.1614145536E11
        node_disk_read_bytes_total{device="md1"} 4.6249472E7
        node_disk_read_bytes_total{device="nvme0n1"} 6.1609607168E11
        node_disk_read_bytes_total{device="nvme1n1"} 6.15016095744E11
        node_disk_read_bytes_total{device="nvme2n1"} 1.17929576095744E14
        node_disk_read_bytes_total{device="nvme3n1"} 1.17929473695744E14
        node_disk_read_bytes_total{device="sda"} 2.152095760896E12
        node_disk_read_bytes_total{device="sdb"} 2.152090128896E12
        # HELP node_disk_read_time_seconds_total The total number of seconds spent by all reads.
        # TYPE node_disk_read_time_seconds_total counter
        node_disk_read_time_seconds_total{device="dm-0"} 3120.401
        node_disk_read_time_seconds_total{device="md0"} 0.0
        node_disk_read_time_seconds_total{device="md1"} 0.0
        node_disk_read_time_seconds_total{device="nvme0n1"} 3120.331
        node_disk_read_time_seconds_total{device="nvme1n1"} 3101.203
        node_disk_read_time_seconds_total{device="nvme2n1"} 120331.20300000001
        node_disk_read_time_seconds_total{device="nvme3n1"} 120330.20300000001
        node_disk_read_time_seconds_total{device="sda"} 90331.20300000001
        node_disk_read_time_seconds_total{device="sdb"} 90330.20300000001
        # HELP node_disk_reads_completed_total The total number of reads completed successfully.
        # TYPE node_disk_reads_completed_total counter
        node_disk_reads_completed_total{device="dm-0"} 9120301.0
        node_disk_reads_completed_total{device="md0"} 9130331.0
        node_disk_reads_completed_total{device="md1"} 1203.0
        node_disk_reads_completed_total{device="nvme0n1"} 9120331.0
        node_disk_reads_completed_total{device="nvme1n1"} 9103312.0
        node_disk_reads_completed_total{device="nvme2n1"} 9.03312033E8
        node_disk_reads_completed_total{device="nvme3n1"} 9.03311203E8
        node_disk_reads_completed_total{device="sda"} 3203312.0
        node_disk_reads_completed_total{device="sdb"} 3203301.0
        # HELP node_disk_reads_merged_total The total number of reads merged.
        # TYPE node_disk_reads_merged_total counter
        node_disk_reads_merged_total{device="dm-0"} 0.0
        node_disk_reads_merged_total{device="md0"} 0.0
        node_disk_reads_merged_total{device="md1"} 0.0
        node_disk_reads_merged_total{device="nvme0n1"} 120331.0
        node_disk_reads_merged_total{device="nvme1n1"} 118021.0
        node_disk_reads_merged_total{device="nvme2n1"} 1203.0
        node_disk_reads_merged_total{device="nvme3n1"} 1201.0
        node_disk_reads_merged_total{device="sda"} 120331.0
        node_disk_reads_merged_total{device="sdb"} 120330.0
        # HELP node_disk_write_time_seconds_total This is the total number of seconds spent by all writes.
        # TYPE node_disk_write_time_seconds_total counter
        node_disk_write_time_seconds_total{device="dm-0"} 9203.4
        node_disk_write_time_seconds_total{device="md0"} 0.0
        node_disk_write_time_seconds_total{device="md1"} 0.0
        node_disk_write_time_seconds_total{device="nvme0n1"} 9203.312
        node_disk_write_time_seconds_total{device="nvme1n1"} 9203.101
        node_disk_write_time_seconds_total{device="nvme2n1"} 320331.203
        node_disk_write_time_seconds_total{device="nvme3n1"} 320330.203
        node_disk_write_time_seconds_total{device="sda"} 120331.20300000001
        node_disk_write_time_seconds_total{device="sdb"} 120330.20300000001
        # HELP node_disk_writes_completed_total The total number of writes completed successfully.
        # TYPE node_disk_writes_completed_total counter
        node_disk_writes_completed_total{device="dm-0"} 4.0331001E7
        node_disk_writes_completed_total{device="md0"} 4.03313E7
        node_disk_writes_completed_total{device="md1"} 2.0
        node_disk_writes_completed_total{device="nvme0n1"} 4.0331203E7
        node_disk_writes_completed_total{device="nvme1n1"} 4.0331203E7
        node_disk_writes_completed_total{device="nvme2n1"} 1.20331203E8
        node_disk_writes_completed_total{device="nvme3n1"} 1.20331003E8
        node_disk_writes_completed_total{device="sda"} 1203312.0
        node_disk_writes_completed_total{device="sdb"} 1203301.0
        # HELP node_disk_writes_merged_total The number of writes merged.
        # TYPE node_disk_writes_merged_total counter
        node_disk_writes_merged_total{device="dm-0"} 0.0
        node_disk_writes_merged_total{device="md0"} 0.0
        node_disk_writes_merged_total{device="md1"} 0.0
        node_disk_writes_merged_total{device="nvme0n1"} 9120331.0
        node_disk_writes_merged_total{device="nvme1n1"} 9120331.0
        node_disk_writes_merged_total{device="nvme2n1"} 33120.0
        node_disk_writes_merged_total{device="nvme3n1"} 33101.0
        node_disk_writes_merged_total{device="sda"} 90331.0
        node_disk_writes_merged_total{device="sdb"} 90330.0
        # HELP node_disk_written_bytes_total The total number of bytes written successfully.
        # TYPE node_disk_written_bytes_total counter
        node_disk_written_bytes_total{device="dm-0"} 1.59760896E12
        node_disk_written_bytes_total{device="md0"} 1.5976095744E12
        node_disk_written_bytes_total{device="md1"} 1024.0
        node_disk_written_bytes_total{device="nvme0n1"} 1.597609575936E12
        node_disk_written_bytes_total{device="nvme1n1"} 1.597609575936E12
        node_disk_written_bytes_total{device="nvme2n1"} 5.07049576095744E14
        node_disk_written_bytes_total{device="nvme3n1"} 5.07049064095744E14
        node_disk_written_bytes_total{device="sda"} 1.640095760896E12
        node_disk_written_bytes_total{device="sdb"} 1.640090128896E12
        """);
  }

  @Test
  void thisVmsDisksWithoutUdev() {
    String text = HostFixtures.text(new DiskstatsCollector(
        new ProcDiskstatsSource(HostFixtures.proc("diskstats", "vm")), DEFAULT_FILTER, NO_UDEV));

    // /proc/diskstats of the build VM (kernel 6.18, 17 counters): vda only, loop and zram filtered
    assertThat(text.lines().filter(l -> l.startsWith("node_disk_info")))
        .containsExactly("node_disk_info{device=\"vda\",major=\"254\",minor=\"0\",model=\"\",path=\"\",revision=\"\",serial=\"\",wwn=\"\"} 1.0");
    assertThat(text.lines().filter(l -> l.startsWith("node_disk_")).count()).isEqualTo(18);
  }

  @Test
  void aUdevRecordIsReadOnlyAsFarAsItsCap(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b8:0"), "E:ID_MODEL=first\n" + "E:X=" + "y".repeat(UdevDatabase.MAX_BYTES) + "\nE:ID_REVISION=late\n");
    Files.writeString(dir.resolve("b8:16"), "E:ID_ATA=1\nE:ID_ATA_ROTATION_RATE_RPM=fast\nE:ID_ATA_WRITE_CACHE=0\nS:ignored\nE=bad\n");

    UdevDatabase udev = UdevDatabase.at(dir);
    assertThat(udev.properties(8, 0)).containsEntry("ID_MODEL", "first").doesNotContainKey("ID_REVISION");
    assertThat(udev.properties(8, 32)).isEmpty();

    double[] values = new double[DiskSource.DiskStat.values().length];
    Arrays.fill(values, Double.NaN);
    String text = HostFixtures.text(new DiskstatsCollector(
        () -> List.of(new DiskSource.Disk("sdb", 8, 16, values)), DEFAULT_FILTER, udev));
    assertThat(text)
        .contains("node_disk_ata_write_cache{device=\"sdb\"} 0.0")
        .doesNotContain("rotation_rate"); // not a number: left out, as node_exporter leaves it
  }
}
