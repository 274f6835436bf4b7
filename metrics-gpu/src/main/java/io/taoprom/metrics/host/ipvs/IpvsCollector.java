package io.taoprom.metrics.host.ipvs;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's ipvs collector:
 *
 * <pre>
 * # HELP node_ipvs_backend_connections_active The current active connections by local and remote address.
 * # TYPE node_ipvs_backend_connections_active gauge
 * node_ipvs_backend_connections_active{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.3",remote_port="6443"} 4.0
 * # HELP node_ipvs_connections_total The total number of connections made.
 * # TYPE node_ipvs_connections_total counter
 * node_ipvs_connections_total 2.3765872E7
 * </pre>
 *
 * <p>{@code /proc/net/ip_vs_stats} holds the totals in hexadecimal on its third line.
 * {@code /proc/net/ip_vs} lists each virtual service ({@code TCP  0A600001:01BB rr}, a firewall
 * mark {@code FWM  00000001 wlc}) followed by its real servers
 * ({@code -> AC120003:192B Masq 1 4 0}: weight, active and inactive connections); addresses are
 * hexadecimal for IPv4 and bracketed for IPv6, and are written as node_exporter writes them.
 * Backends with the same values of the chosen labels are summed.
 */
final class IpvsCollector implements ReadingCollector {

  static final MetricMetadata CONNECTIONS = new MetricMetadata("node_ipvs_connections", "The total number of connections made.");
  static final MetricMetadata INCOMING_PACKETS =
      new MetricMetadata("node_ipvs_incoming_packets", "The total number of incoming packets.");
  static final MetricMetadata OUTGOING_PACKETS =
      new MetricMetadata("node_ipvs_outgoing_packets", "The total number of outgoing packets.");
  static final MetricMetadata INCOMING_BYTES = new MetricMetadata("node_ipvs_incoming_bytes", "The total amount of incoming data.");
  static final MetricMetadata OUTGOING_BYTES = new MetricMetadata("node_ipvs_outgoing_bytes", "The total amount of outgoing data.");
  static final MetricMetadata BACKEND_ACTIVE = new MetricMetadata(
      "node_ipvs_backend_connections_active", "The current active connections by local and remote address.");
  static final MetricMetadata BACKEND_INACTIVE = new MetricMetadata(
      "node_ipvs_backend_connections_inactive", "The current inactive connections by local and remote address.");
  static final MetricMetadata BACKEND_WEIGHT =
      new MetricMetadata("node_ipvs_backend_weight", "The current backend weight by local and remote address.");

  private static final MetricMetadata[] TOTALS = {CONNECTIONS, INCOMING_PACKETS, OUTGOING_PACKETS, INCOMING_BYTES, OUTGOING_BYTES};

  /**
   * The protocols of address-based virtual services. node_exporter knows TCP and UDP only and would
   * count an SCTP service's backends under the service before it; they are the SCTP service's here.
   */
  private static final List<String> SERVICE_PROTOCOLS = List.of("TCP", "UDP", "SCTP");

  private static final String STATS = "net/ip_vs_stats";
  private static final String SERVICES = "net/ip_vs";

  /** The summed figures of the backends alike in the chosen labels. */
  private static final class Sums {
    long active;
    long inactive;
    long weight;
  }

  private final ProcFs proc;
  private final List<String> backendLabels;

  /** @param backendLabels the backend series' labels, a subset of {@link IpvsPlugin#ALL_BACKEND_LABELS} */
  IpvsCollector(ProcFs proc, List<String> backendLabels) {
    this.proc = proc;
    this.backendLabels = backendLabels;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies families = new HostFamilies();
    String stats;
    try {
      stats = proc.read(STATS);
    } catch (NoSuchFileException absent) {
      return MetricSnapshots.of(); // no ip_vs module
    }
    totals(stats, families);
    backends(proc.read(SERVICES), families);
    return families.snapshots();
  }

  private void totals(String content, HostFamilies families) throws IOException {
    ProcText text = new ProcText(content, proc.path(STATS));
    // Two header lines, the totals, then (after a blank line) the rates node_exporter leaves out.
    boolean threeLines = text.nextLine() && text.nextLine() && text.nextLine();
    if (!threeLines || content.split("\n", 4).length < 4) {
      throw text.malformed("two header lines, the totals and the rates");
    }
    if (text.fieldsLeft() != TOTALS.length) {
      throw text.malformed(TOTALS.length + " hexadecimal totals");
    }
    for (MetricMetadata total : TOTALS) {
      families.counter(total, Labels.EMPTY, KernelNumbers.unsignedToDouble(text.hex()));
    }
  }

  private void backends(String content, HostFamilies families) throws IOException {
    Map<List<String>, Sums> sums = new LinkedHashMap<>();
    ProcText text = new ProcText(content, proc.path(SERVICES));
    String proto = "";
    String localMark = "";
    String localAddress = "";
    String localPort = "0";
    boolean inService = false;
    while (text.nextLine()) {
      int fields = text.fieldsLeft();
      if (fields == 0 || text.skipIf("IP") || text.skipIf("Prot")) {
        continue; // the header lines
      }
      if (fields < 2) {
        throw text.malformed("a virtual service or a real server");
      }
      String service = serviceProtocol(text);
      if (service != null) {
        proto = service;
        Endpoint local = Endpoint.parse(text.field(), text);
        localAddress = local.address();
        localPort = local.port();
        localMark = "";
        inService = true;
      } else if (text.skipIf("FWM")) {
        proto = "FWM";
        localMark = text.field();
        localAddress = "";
        localPort = "0";
        inService = true;
      } else if (text.skipIf("->")) {
        if (text.skipIf("RemoteAddress:Port")) {
          continue;
        }
        if (fields < 6 || !inService) {
          throw text.malformed(inService ? "-> address:port forward weight active inactive" : "a virtual service first");
        }
        Endpoint remote = Endpoint.parse(text.field(), text);
        text.skipField(); // forwarding method: Masq, Route, Tunnel, ...
        long weight = text.unsignedLong();
        long active = text.unsignedLong();
        long inactive = text.unsignedLong();
        Sums s = sums.computeIfAbsent(key(localAddress, localPort, remote, proto, localMark), k -> new Sums());
        s.active += active;
        s.inactive += inactive;
        s.weight += weight;
      }
      // anything else (a scheduler's continuation line of a future kernel) is not ours to read
    }
    for (Map.Entry<List<String>, Sums> e : sums.entrySet()) {
      Labels labels = Labels.of(backendLabels, e.getKey());
      families.gauge(BACKEND_ACTIVE, labels, KernelNumbers.unsignedToDouble(e.getValue().active));
      families.gauge(BACKEND_INACTIVE, labels, KernelNumbers.unsignedToDouble(e.getValue().inactive));
      families.gauge(BACKEND_WEIGHT, labels, KernelNumbers.unsignedToDouble(e.getValue().weight));
    }
  }

  /** The protocol of a virtual service line, moved past; null for another line. */
  private static String serviceProtocol(ProcText text) {
    for (String protocol : SERVICE_PROTOCOLS) {
      if (text.skipIf(protocol)) {
        return protocol;
      }
    }
    return null;
  }

  /** The values of the chosen labels for one backend. */
  private List<String> key(String localAddress, String localPort, Endpoint remote, String proto, String localMark) {
    String[] values = new String[backendLabels.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (backendLabels.get(i)) {
        case "local_address" -> localAddress;
        case "local_port" -> localPort;
        case "remote_address" -> remote.address();
        case "remote_port" -> remote.port();
        case "proto" -> proto;
        case "local_mark" -> localMark;
        default -> throw new IllegalStateException("not a backend label: " + backendLabels.get(i));
      };
    }
    return List.of(values);
  }
}
