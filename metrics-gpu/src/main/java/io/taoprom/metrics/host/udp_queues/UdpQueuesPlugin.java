package io.taoprom.metrics.host.udp_queues;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code udp_queues} plugin: node_exporter's {@code node_udp_queues{ip="v4|v6",queue="tx|rx"}},
 * the bytes waiting in all UDP sockets' buffers (a receive queue that grows means a reader that
 * cannot keep up, and drops to come).
 *
 * <pre>{@code
 * MultiCollector udp = new UdpQueuesPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class UdpQueuesPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "udp_queues";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Bytes queued in UDP socket buffers, IPv4 and IPv6 (node_udp_queues)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/udp");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new UdpQueuesCollector(ProcFs.system());
  }
}
