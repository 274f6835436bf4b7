package io.taoprom.metrics.host.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kubernetes GPU node whose kube-proxy runs in IPVS mode: the API server and DNS services, a
 * dual-stack service with an IPv4-mapped backend, a firewall-mark service, a persistent one.
 * node_exporter 1.5 run on the fixture tree gives the same series and values, with every backend
 * label and with two.
 */
class IpvsCollectorTest {

  private static final String HEADER = "IP Virtual Server version 1.2.1 (size=4096)\n"
      + "Prot LocalAddress:Port Scheduler Flags\n"
      + "  -> RemoteAddress:Port Forward Weight ActiveConn InActConn\n";

  private static final String STATS = "   Total Incoming Outgoing         Incoming         Outgoing\n"
      + "   Conns  Packets  Packets            Bytes            Bytes\n"
      + "        1        2        3                4                5\n\n";

  @Test
  void goldenTextOfAGpuServer() {
    assertThat(HostFixtures.text(new IpvsCollector(HostFixtures.proc("ipvs", "gpu-server"), IpvsPlugin.ALL_BACKEND_LABELS)))
        .isEqualTo(
            """
            # HELP node_ipvs_backend_connections_active The current active connections by local and remote address.
            # TYPE node_ipvs_backend_connections_active gauge
            node_ipvs_backend_connections_active{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.21",remote_port="0"} 120.0
            node_ipvs_backend_connections_active{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.22",remote_port="0"} 117.0
            node_ipvs_backend_connections_active{local_address="10.10.0.11",local_mark="",local_port="8000",proto="TCP",remote_address="10.10.0.21",remote_port="8000"} 0.0
            node_ipvs_backend_connections_active{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.3",remote_port="6443"} 4.0
            node_ipvs_backend_connections_active{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.4",remote_port="6443"} 3.0
            node_ipvs_backend_connections_active{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.5",remote_port="6443"} 4.0
            node_ipvs_backend_connections_active{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.1.7",remote_port="53"} 0.0
            node_ipvs_backend_connections_active{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.2.9",remote_port="53"} 0.0
            node_ipvs_backend_connections_active{local_address="10.96.0.10",local_mark="",local_port="9153",proto="TCP",remote_address="10.244.1.7",remote_port="9153"} 0.0
            node_ipvs_backend_connections_active{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.9",remote_port="8443"} 0.0
            node_ipvs_backend_connections_active{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="fd00:10:244:1::a",remote_port="8443"} 2.0
            # HELP node_ipvs_backend_connections_inactive The current inactive connections by local and remote address.
            # TYPE node_ipvs_backend_connections_inactive gauge
            node_ipvs_backend_connections_inactive{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.21",remote_port="0"} 4.0
            node_ipvs_backend_connections_inactive{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.22",remote_port="0"} 9.0
            node_ipvs_backend_connections_inactive{local_address="10.10.0.11",local_mark="",local_port="8000",proto="TCP",remote_address="10.10.0.21",remote_port="8000"} 0.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.3",remote_port="6443"} 0.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.4",remote_port="6443"} 1.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.5",remote_port="6443"} 0.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.1.7",remote_port="53"} 212.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.2.9",remote_port="53"} 198.0
            node_ipvs_backend_connections_inactive{local_address="10.96.0.10",local_mark="",local_port="9153",proto="TCP",remote_address="10.244.1.7",remote_port="9153"} 0.0
            node_ipvs_backend_connections_inactive{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.9",remote_port="8443"} 3.0
            node_ipvs_backend_connections_inactive{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="fd00:10:244:1::a",remote_port="8443"} 17.0
            # HELP node_ipvs_backend_weight The current backend weight by local and remote address.
            # TYPE node_ipvs_backend_weight gauge
            node_ipvs_backend_weight{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.21",remote_port="0"} 5.0
            node_ipvs_backend_weight{local_address="",local_mark="00000001",local_port="0",proto="FWM",remote_address="10.10.0.22",remote_port="0"} 5.0
            node_ipvs_backend_weight{local_address="10.10.0.11",local_mark="",local_port="8000",proto="TCP",remote_address="10.10.0.21",remote_port="8000"} 0.0
            node_ipvs_backend_weight{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.3",remote_port="6443"} 1.0
            node_ipvs_backend_weight{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.4",remote_port="6443"} 1.0
            node_ipvs_backend_weight{local_address="10.96.0.1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.5",remote_port="6443"} 1.0
            node_ipvs_backend_weight{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.1.7",remote_port="53"} 1.0
            node_ipvs_backend_weight{local_address="10.96.0.10",local_mark="",local_port="53",proto="UDP",remote_address="10.244.2.9",remote_port="53"} 1.0
            node_ipvs_backend_weight{local_address="10.96.0.10",local_mark="",local_port="9153",proto="TCP",remote_address="10.244.1.7",remote_port="9153"} 1.0
            node_ipvs_backend_weight{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="172.18.0.9",remote_port="8443"} 50.0
            node_ipvs_backend_weight{local_address="fd00:10:96::1",local_mark="",local_port="443",proto="TCP",remote_address="fd00:10:244:1::a",remote_port="8443"} 100.0
            # HELP node_ipvs_connections_total The total number of connections made.
            # TYPE node_ipvs_connections_total counter
            node_ipvs_connections_total 2.3765872E7
            # HELP node_ipvs_incoming_bytes_total The total amount of incoming data.
            # TYPE node_ipvs_incoming_bytes_total counter
            node_ipvs_incoming_bytes_total 8.9991519156915E13
            # HELP node_ipvs_incoming_packets_total The total number of incoming packets.
            # TYPE node_ipvs_incoming_packets_total counter
            node_ipvs_incoming_packets_total 3.811989221E9
            # HELP node_ipvs_outgoing_bytes_total The total amount of outgoing data.
            # TYPE node_ipvs_outgoing_bytes_total counter
            node_ipvs_outgoing_bytes_total 2.70584062515E11
            # HELP node_ipvs_outgoing_packets_total The total number of outgoing packets.
            # TYPE node_ipvs_outgoing_packets_total counter
            node_ipvs_outgoing_packets_total 7.024657621E9
            """);
  }

  @Test
  void fewerLabelsSumTheBackendsThatLookAlike() {
    String text = HostFixtures.text(new IpvsCollector(HostFixtures.proc("ipvs", "gpu-server"), IpvsPlugin.backendLabels("proto,local_port")));

    assertThat(text.substring(0, text.indexOf("# HELP node_ipvs_connections_total")))
        .isEqualTo(
            """
            # HELP node_ipvs_backend_connections_active The current active connections by local and remote address.
            # TYPE node_ipvs_backend_connections_active gauge
            node_ipvs_backend_connections_active{local_port="0",proto="FWM"} 237.0
            node_ipvs_backend_connections_active{local_port="443",proto="TCP"} 13.0
            node_ipvs_backend_connections_active{local_port="53",proto="UDP"} 0.0
            node_ipvs_backend_connections_active{local_port="8000",proto="TCP"} 0.0
            node_ipvs_backend_connections_active{local_port="9153",proto="TCP"} 0.0
            # HELP node_ipvs_backend_connections_inactive The current inactive connections by local and remote address.
            # TYPE node_ipvs_backend_connections_inactive gauge
            node_ipvs_backend_connections_inactive{local_port="0",proto="FWM"} 13.0
            node_ipvs_backend_connections_inactive{local_port="443",proto="TCP"} 21.0
            node_ipvs_backend_connections_inactive{local_port="53",proto="UDP"} 410.0
            node_ipvs_backend_connections_inactive{local_port="8000",proto="TCP"} 0.0
            node_ipvs_backend_connections_inactive{local_port="9153",proto="TCP"} 0.0
            # HELP node_ipvs_backend_weight The current backend weight by local and remote address.
            # TYPE node_ipvs_backend_weight gauge
            node_ipvs_backend_weight{local_port="0",proto="FWM"} 10.0
            node_ipvs_backend_weight{local_port="443",proto="TCP"} 153.0
            node_ipvs_backend_weight{local_port="53",proto="UDP"} 2.0
            node_ipvs_backend_weight{local_port="8000",proto="TCP"} 0.0
            node_ipvs_backend_weight{local_port="9153",proto="TCP"} 1.0
            """);
  }

  @Test
  void withoutTheModuleNothing(@TempDir Path empty) {
    assertThat(HostFixtures.text(new IpvsCollector(ProcFs.at(empty), IpvsPlugin.ALL_BACKEND_LABELS))).isEmpty();
  }

  /** node_exporter would count an SCTP service's backends under the service listed before it. */
  @Test
  void anSctpServiceKeepsItsOwnBackends(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", STATS);
    HostFixtures.write(root, "net/ip_vs", HEADER
        + "TCP  0A600001:01BB rr \n  -> AC120003:192B      Masq    1      4          0         \n"
        + "SCTP  0A600002:0B59 rr \n  -> AC120004:0B59      Masq    1      7          0         \n");

    assertThat(HostFixtures.text(new IpvsCollector(ProcFs.at(root), IpvsPlugin.backendLabels("local_address,proto"))))
        .contains("node_ipvs_backend_connections_active{local_address=\"10.96.0.2\",proto=\"SCTP\"} 7.0")
        .contains("node_ipvs_backend_connections_active{local_address=\"10.96.0.1\",proto=\"TCP\"} 4.0");
  }

  @Test
  void totalsWithoutTheirLineAreRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", "   Total Incoming Outgoing\n   Conns  Packets\n");

    assertThatThrownBy(() -> new IpvsCollector(ProcFs.at(root), IpvsPlugin.ALL_BACKEND_LABELS).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/ip_vs_stats") + " line 2: expected two header lines, the totals and the rates");
  }

  @Test
  void withTotalsTheServiceTableMustBeThere(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", STATS);

    assertThatThrownBy(() -> new IpvsCollector(ProcFs.at(root), IpvsPlugin.ALL_BACKEND_LABELS).collect())
        .hasMessageContaining(root.resolve("net/ip_vs").toString());
  }

  @Test
  void anAddressOfNeitherFormIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", STATS);
    HostFixtures.write(root, "net/ip_vs", HEADER + "TCP  10.96.0.1:443 rr \n");

    assertThatThrownBy(() -> new IpvsCollector(ProcFs.at(root), IpvsPlugin.ALL_BACKEND_LABELS).collect())
        .hasMessageContaining("line 4: expected an address:port such as C0A80016:0CEA, not \"10.96.0.1:443\"");
  }

  @Test
  void aRealServerBeforeAnyServiceIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", STATS);
    HostFixtures.write(root, "net/ip_vs", HEADER + "  -> AC120003:192B      Masq    1      4          0\n");

    assertThatThrownBy(() -> new IpvsCollector(ProcFs.at(root), IpvsPlugin.ALL_BACKEND_LABELS).collect())
        .hasMessageContaining("line 4: expected a virtual service first");
  }

  @Test
  void aWeightThatIsNotANumberIsRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/ip_vs_stats", STATS);
    HostFixtures.write(root, "net/ip_vs", HEADER + "UDP  0A60000A:0035 rr \n  -> 0AF40107:0035      Masq    heavy  0          212\n");

    assertThatThrownBy(() -> new IpvsCollector(ProcFs.at(root), IpvsPlugin.ALL_BACKEND_LABELS).collect())
        .hasMessageContaining("line 5: expected an unsigned decimal number");
  }

  @Test
  void backendLabelsKeepNodeExportersOrderAndRefuseUnknownOnes() {
    assertThat(IpvsPlugin.backendLabels("proto,,local_address")).containsExactly("local_address", "proto");
    assertThat(IpvsPlugin.backendLabels("")).isEmpty();
    assertThatThrownBy(() -> IpvsPlugin.backendLabels("proto,vip,zone"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option ipvs.backend-labels: unknown IPVS backend labels: \"vip, zone\"");
  }
}
