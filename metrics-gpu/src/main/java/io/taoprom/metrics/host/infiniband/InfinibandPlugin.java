package io.taoprom.metrics.host.infiniband;

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
 * The {@code infiniband} plugin: node_exporter's {@code node_infiniband_*{device,port}} for every
 * InfiniBand and RoCE port (ConnectX HCAs of a GPU fabric): {@code state_id},
 * {@code physical_state_id}, {@code rate_bytes_per_second}, the data and packet counters, the link
 * error counters, and, as upstream node_exporter 1.9 and later, the {@code hw_counters} of mlx5
 * (out-of-buffer drops, retransmissions, ECN/CNP congestion counters, ...). Emits nothing on a
 * machine without RDMA devices.
 *
 * <pre>{@code
 * taoprom serve --infiniband.device-exclude '^mlx5_bond'
 * }</pre>
 */
public final class InfinibandPlugin implements CollectorPlugin {

  static final String DEVICE_INCLUDE = "infiniband.device-include";
  static final String DEVICE_EXCLUDE = "infiniband.device-exclude";

  @Override
  public String name() {
    return "infiniband";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "InfiniBand and RoCE port state, rate and counters (node_infiniband_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/infiniband");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(DEVICE_INCLUDE, "REGEX", "RDMA devices to serve, all others left out (searched in the name)"),
        CollectorOption.single(DEVICE_EXCLUDE, "REGEX", "RDMA devices to leave out (searched in the name)"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new InfinibandCollector(SysFs.system(), DeviceFilter.excludeInclude(config, DEVICE_EXCLUDE, DEVICE_INCLUDE));
  }
}
