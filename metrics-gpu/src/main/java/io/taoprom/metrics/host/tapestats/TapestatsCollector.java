package io.taoprom.metrics.host.tapestats;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Pattern;

/**
 * node_exporter's tapestats collector, per SCSI tape drive {@code st<N>} (the rewinding node;
 * {@code nst0}, {@code st0a} and the other mode nodes share its counters):
 *
 * <pre>
 * # HELP node_tape_written_bytes_total The number of bytes written to the tape drive.
 * # TYPE node_tape_written_bytes_total counter
 * node_tape_written_bytes_total{device="st0"} 1.8874368E12
 * </pre>
 *
 * Counters the kernel does not have are served as 0, as node_exporter serves them.
 */
final class TapestatsCollector implements MultiCollector {

  private static final String CLASS = "class/scsi_tape";
  private static final Pattern DRIVE = Pattern.compile("^st[0-9]+$");

  private static final MetricMetadata IO_NOW =
      meta("io_now", "The number of I/Os currently outstanding to this device.");
  private static final MetricMetadata IO_TIME = meta("io_time_seconds",
      "The amount of time spent waiting for all I/O to complete (including read and write). This includes tape"
          + " movement commands such as seeking between file or set marks and implicit tape movement such as when"
          + " rewind on close tape devices are used.");
  private static final MetricMetadata IO_OTHERS = meta("io_others",
      "The number of I/Os issued to the tape drive other than read or write commands. The time taken to complete"
          + " these commands uses the following calculation"
          + " io_time_seconds_total-read_time_seconds_total-write_time_seconds_total");
  private static final MetricMetadata READ_BYTES = meta("read_bytes", "The number of bytes read from the tape drive.");
  private static final MetricMetadata READS =
      meta("reads_completed", "The number of read requests issued to the tape drive.");
  private static final MetricMetadata READ_TIME =
      meta("read_time_seconds", "The amount of time spent waiting for read requests to complete.");
  private static final MetricMetadata RESIDUAL = meta("residual",
      "The number of times during a read or write we found the residual amount to be non-zero. This should mean"
          + " that a program is issuing a read larger thean the block size on tape. For write not all data made it"
          + " to tape.");
  private static final MetricMetadata WRITTEN_BYTES =
      meta("written_bytes", "The number of bytes written to the tape drive.");
  private static final MetricMetadata WRITES =
      meta("writes_completed", "The number of write requests issued to the tape drive.");
  private static final MetricMetadata WRITE_TIME =
      meta("write_time_seconds", "The amount of time spent waiting for write requests to complete.");

  private final SysFs sys;
  private final DeviceFilter ignored;

  TapestatsCollector(SysFs sys, DeviceFilter ignored) {
    this.sys = sys;
    this.ignored = ignored;
  }

  private static MetricMetadata meta(String name, String help) {
    return new MetricMetadata("node_tape_" + name, help);
  }

  @Override
  public MetricSnapshots collect() {
    HostFamilies out = new HostFamilies();
    try {
      for (String drive : sys.list(CLASS)) {
        if (DRIVE.matcher(drive).matches() && !ignored.ignored(drive)) {
          drive(out, drive);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return out.snapshots();
  }

  private void drive(HostFamilies out, String drive) throws IOException {
    String stats = CLASS + "/" + drive + "/stats";
    if (!Files.isDirectory(sys.path(stats))) {
      throw new IOException(sys.path(stats) + " is missing: a tape drive without statistics");
    }
    Labels device = Labels.of("device", drive);
    out.gauge(IO_NOW, device, value(stats + "/in_flight"));
    out.counter(IO_TIME, device, value(stats + "/io_ns") * 1e-9);
    out.counter(IO_OTHERS, device, value(stats + "/other_cnt"));
    out.counter(READ_BYTES, device, value(stats + "/read_byte_cnt"));
    out.counter(READS, device, value(stats + "/read_cnt"));
    out.counter(READ_TIME, device, value(stats + "/read_ns") * 1e-9);
    out.counter(RESIDUAL, device, value(stats + "/resid_cnt"));
    out.counter(WRITTEN_BYTES, device, value(stats + "/write_byte_cnt"));
    out.counter(WRITES, device, value(stats + "/write_cnt"));
    out.counter(WRITE_TIME, device, value(stats + "/write_ns") * 1e-9);
  }

  private double value(String file) throws IOException {
    return sys.unsigned(file, 0);
  }

}
