package io.taoprom.metrics.host.nfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * node_exporter's nfs collector (the NFS client):
 *
 * <pre>
 * # HELP node_nfs_requests_total Number of NFS procedures invoked.
 * # TYPE node_nfs_requests_total counter
 * node_nfs_requests_total{method="Read",proto="4"} 1.7553311E7
 * </pre>
 *
 * plus packets by protocol, TCP connections, RPC calls, retransmissions and authentication
 * refreshes. Every NFSv2, v3 and v4 procedure node_exporter knows is served, 0 for a version the
 * kernel does not count; a machine that is no NFS client (no {@code /proc/net/rpc/nfs}) gets none.
 */
final class NfsCollector implements MultiCollector {

  static final String FILE = "net/rpc/nfs";

  private static final MetricMetadata PACKETS =
      new MetricMetadata("node_nfs_packets", "Total NFSd network packets (sent+received) by protocol type.");
  private static final MetricMetadata CONNECTIONS =
      new MetricMetadata("node_nfs_connections", "Total number of NFSd TCP connections.");
  private static final MetricMetadata RPCS = new MetricMetadata("node_nfs_rpcs", "Total number of RPCs performed.");
  private static final MetricMetadata RETRANSMISSIONS =
      new MetricMetadata("node_nfs_rpc_retransmissions", "Number of RPC transmissions performed.");
  private static final MetricMetadata AUTH_REFRESHES = new MetricMetadata(
      "node_nfs_rpc_authentication_refreshes", "Number of RPC authentication refreshes performed.");
  private static final MetricMetadata REQUESTS =
      new MetricMetadata("node_nfs_requests", "Number of NFS procedures invoked.");

  private final ProcFs proc;

  NfsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots collect() {
    String text;
    try {
      text = proc.read(FILE);
    } catch (NoSuchFileException notAClient) {
      return MetricSnapshots.of();
    } catch (IOException e) {
      IOException named = ReadError.of(proc.path(FILE), e);
      throw new UncheckedIOException(named.getMessage(), named);
    }
    NfsClientStats stats;
    try {
      stats = NfsClientStats.parse(proc.path(FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    HostFamilies out = new HostFamilies();
    out.counter(PACKETS, Labels.of("protocol", "udp"), stats.net[1]);
    out.counter(PACKETS, Labels.of("protocol", "tcp"), stats.net[2]);
    out.counter(CONNECTIONS, Labels.EMPTY, stats.net[3]);
    out.counter(RPCS, Labels.EMPTY, stats.rpc[0]);
    out.counter(RETRANSMISSIONS, Labels.EMPTY, stats.rpc[1]);
    out.counter(AUTH_REFRESHES, Labels.EMPTY, stats.rpc[2]);
    requests(out, "2", RpcStatLines.V2, stats.v2);
    requests(out, "3", RpcStatLines.V3, stats.v3);
    requests(out, "4", NfsClientStats.V4, stats.v4);
    return out.snapshots();
  }

  private static void requests(HostFamilies out, String proto, String[] methods, double[] values) {
    for (int i = 0; i < methods.length; i++) {
      out.counter(REQUESTS, Labels.of("proto", proto, "method", methods[i]), values[i]);
    }
  }
}
