package io.taoprom.metrics.host.tapestats;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;
import java.util.List;

/**
 * The {@code tapestats} plugin: SCSI tape drive I/O counters, as node_exporter's tapestats
 * collector serves them ({@code node_tape_*}), from {@code /sys/class/scsi_tape}.
 *
 * <pre>{@code
 * taoprom serve --tapestats.ignored-devices '^st1$'
 * }</pre>
 */
public final class TapestatsPlugin implements CollectorPlugin {

  static final String IGNORED_DEVICES = "tapestats.ignored-devices";
  static final String DEFAULT_IGNORED = "^$";

  @Override
  public String name() {
    return "tapestats";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "SCSI tape drive I/O counters from /sys/class/scsi_tape (node_tape_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/scsi_tape");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(IGNORED_DEVICES, "REGEX",
        "Tape drives to leave out (searched in the name, st0)", DEFAULT_IGNORED));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new TapestatsCollector(SysFs.system(), DeviceFilter.exclude(config, IGNORED_DEVICES, DEFAULT_IGNORED));
  }
}
