package io.taoprom.metrics.host.tapestats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapestatsCollectorTest {

  private static final DeviceFilter DEFAULT = DeviceFilter.exclude(
      CollectorConfig.empty(), TapestatsPlugin.IGNORED_DEVICES, TapestatsPlugin.DEFAULT_IGNORED);

  @Test
  void goldenTextOfTwoLtoDrives() {
    TapestatsCollector collector = new TapestatsCollector(HostFixtures.sys("tapestats", "gpu-server"), DEFAULT);

    // st0 and st1 only: nst0, st0a and the other mode nodes share st0's counters.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_tape_io_now The number of I/Os currently outstanding to this device.
        # TYPE node_tape_io_now gauge
        node_tape_io_now{device="st0"} 1.0
        node_tape_io_now{device="st1"} 0.0
        # HELP node_tape_io_others_total The number of I/Os issued to the tape drive other than read or write commands. The time taken to complete these commands uses the following calculation io_time_seconds_total-read_time_seconds_total-write_time_seconds_total
        # TYPE node_tape_io_others_total counter
        node_tape_io_others_total{device="st0"} 1409.0
        node_tape_io_others_total{device="st1"} 0.0
        # HELP node_tape_io_time_seconds_total The amount of time spent waiting for all I/O to complete (including read and write). This includes tape movement commands such as seeking between file or set marks and implicit tape movement such as when rewind on close tape devices are used.
        # TYPE node_tape_io_time_seconds_total counter
        node_tape_io_time_seconds_total{device="st0"} 9247.01108772
        node_tape_io_time_seconds_total{device="st1"} 0.0
        # HELP node_tape_read_bytes_total The number of bytes read from the tape drive.
        # TYPE node_tape_read_bytes_total counter
        node_tape_read_bytes_total{device="st0"} 9.79383912E8
        node_tape_read_bytes_total{device="st1"} 0.0
        # HELP node_tape_read_time_seconds_total The amount of time spent waiting for read requests to complete.
        # TYPE node_tape_read_time_seconds_total counter
        node_tape_read_time_seconds_total{device="st0"} 33.788355744
        node_tape_read_time_seconds_total{device="st1"} 0.0
        # HELP node_tape_reads_completed_total The number of read requests issued to the tape drive.
        # TYPE node_tape_reads_completed_total counter
        node_tape_reads_completed_total{device="st0"} 3741.0
        node_tape_reads_completed_total{device="st1"} 0.0
        # HELP node_tape_residual_total The number of times during a read or write we found the residual amount to be non-zero. This should mean that a program is issuing a read larger thean the block size on tape. For write not all data made it to tape.
        # TYPE node_tape_residual_total counter
        node_tape_residual_total{device="st0"} 19.0
        node_tape_residual_total{device="st1"} 0.0
        # HELP node_tape_write_time_seconds_total The amount of time spent waiting for write requests to complete.
        # TYPE node_tape_write_time_seconds_total counter
        node_tape_write_time_seconds_total{device="st0"} 5233.597394395
        node_tape_write_time_seconds_total{device="st1"} 0.0
        # HELP node_tape_writes_completed_total The number of write requests issued to the tape drive.
        # TYPE node_tape_writes_completed_total counter
        node_tape_writes_completed_total{device="st0"} 3600000.0
        node_tape_writes_completed_total{device="st1"} 0.0
        # HELP node_tape_written_bytes_total The number of bytes written to the tape drive.
        # TYPE node_tape_written_bytes_total counter
        node_tape_written_bytes_total{device="st0"} 1.8874368E12
        node_tape_written_bytes_total{device="st1"} 0.0
        """);
  }

  @Test
  void ignoredDrivesAreLeftOut() {
    DeviceFilter st1 = DeviceFilter.exclude(
        CollectorConfig.of(Map.of(TapestatsPlugin.IGNORED_DEVICES, List.of("^st1$"))),
        TapestatsPlugin.IGNORED_DEVICES, TapestatsPlugin.DEFAULT_IGNORED);

    assertThat(HostFixtures.text(new TapestatsCollector(HostFixtures.sys("tapestats", "gpu-server"), st1)))
        .contains("{device=\"st0\"}").doesNotContain("st1");
  }

  @Test
  void noTapeDrivesIsNoSeries(@TempDir Path dir) {
    assertThat(HostFixtures.text(new TapestatsCollector(SysFs.at(dir), DEFAULT))).isEmpty();
  }

  @Test
  void aDriveWithoutStatisticsFails(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("class/scsi_tape/st0"));

    assertThatThrownBy(() -> new TapestatsCollector(SysFs.at(dir), DEFAULT).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("class/scsi_tape/st0/stats") + " is missing: a tape drive without statistics");
  }

  @Test
  void aCounterThatIsNotANumberFails(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("class/scsi_tape/st0/stats"));
    Files.writeString(dir.resolve("class/scsi_tape/st0/stats/read_cnt"), "lots\n");

    assertThatThrownBy(() -> new TapestatsCollector(SysFs.at(dir), DEFAULT).collect())
        .hasMessage(dir.resolve("class/scsi_tape/st0/stats/read_cnt") + ": expected an unsigned number, found \"lots\"");
  }

  @Test
  void theDefaultIgnoresNothing() {
    assertThat(DEFAULT.ignored("st0")).isFalse();
    assertThat(DEFAULT.ignored("")).isTrue();
  }
}
