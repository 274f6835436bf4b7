package io.taoprom.metrics.host.netdev;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.SysFs;
import java.util.List;

/**
 * The {@code netdev} plugin: node_exporter's {@code node_network_receive_bytes_total{device}},
 * {@code _packets_total}, {@code _errs_total}, {@code _drop_total} and their transmit twins (on
 * Linux also fifo, frame, compressed, multicast, colls and carrier). Like node_exporter it keeps
 * {@code lo} unless told otherwise:
 *
 * <pre>{@code
 * taoprom serve --netdev.device-exclude '^(lo|veth.*)$'
 * }</pre>
 */
public final class NetdevPlugin implements CollectorPlugin {

  static final String DEVICE_EXCLUDE = "netdev.device-exclude";

  @Override
  public String name() {
    return "netdev";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Network interface counters (node_network_*_total)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(
            DEVICE_EXCLUDE, "REGEX", "Network interfaces to leave out (searched in the name)"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    DeviceFilter filter = DeviceFilter.exclude(config, DEVICE_EXCLUDE, "");
    return new NetdevCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcNetDevSource(ProcFs.system(), SysFs.system())
            : new OshiNetDevSource(OshiHost.shared()),
        filter);
  }
}
