package io.taoprom.metrics.host.netstat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden texts with upstream node_exporter's default fields, from this VM (kernel 6.18) and from a
 * GPU server (a 5.15-like field list, Docker's IP forwarding, counters past 2^32); node_exporter 1.5
 * run on both fixture trees with the same fields gives the same series and values, with every
 * field too.
 */
class NetstatCollectorTest {

  private static final Pattern DEFAULT = Pattern.compile(NetstatPlugin.DEFAULT_FIELDS);

  @Test
  void goldenTextOfThisVm() {
    assertThat(HostFixtures.text(new NetstatCollector(HostFixtures.proc("netstat", "vm"), DEFAULT)))
        .isEqualTo(
            """
            # HELP node_netstat_Icmp6_InErrors Statistic Icmp6InErrors.
            # TYPE node_netstat_Icmp6_InErrors untyped
            node_netstat_Icmp6_InErrors 1.0
            # HELP node_netstat_Icmp6_InMsgs Statistic Icmp6InMsgs.
            # TYPE node_netstat_Icmp6_InMsgs untyped
            node_netstat_Icmp6_InMsgs 1.0
            # HELP node_netstat_Icmp6_OutMsgs Statistic Icmp6OutMsgs.
            # TYPE node_netstat_Icmp6_OutMsgs untyped
            node_netstat_Icmp6_OutMsgs 9.0
            # HELP node_netstat_Icmp_InErrors Statistic IcmpInErrors.
            # TYPE node_netstat_Icmp_InErrors untyped
            node_netstat_Icmp_InErrors 0.0
            # HELP node_netstat_Icmp_InMsgs Statistic IcmpInMsgs.
            # TYPE node_netstat_Icmp_InMsgs untyped
            node_netstat_Icmp_InMsgs 1.0
            # HELP node_netstat_Icmp_OutMsgs Statistic IcmpOutMsgs.
            # TYPE node_netstat_Icmp_OutMsgs untyped
            node_netstat_Icmp_OutMsgs 0.0
            # HELP node_netstat_Ip6_InOctets Statistic Ip6InOctets.
            # TYPE node_netstat_Ip6_InOctets untyped
            node_netstat_Ip6_InOctets 128.0
            # HELP node_netstat_Ip6_OutOctets Statistic Ip6OutOctets.
            # TYPE node_netstat_Ip6_OutOctets untyped
            node_netstat_Ip6_OutOctets 880.0
            # HELP node_netstat_IpExt_InOctets Statistic IpExtInOctets.
            # TYPE node_netstat_IpExt_InOctets untyped
            node_netstat_IpExt_InOctets 1.576909139E9
            # HELP node_netstat_IpExt_OutOctets Statistic IpExtOutOctets.
            # TYPE node_netstat_IpExt_OutOctets untyped
            node_netstat_IpExt_OutOctets 1.370962398E9
            # HELP node_netstat_Ip_Forwarding Statistic IpForwarding.
            # TYPE node_netstat_Ip_Forwarding untyped
            node_netstat_Ip_Forwarding 2.0
            # HELP node_netstat_TcpExt_ListenDrops Statistic TcpExtListenDrops.
            # TYPE node_netstat_TcpExt_ListenDrops untyped
            node_netstat_TcpExt_ListenDrops 0.0
            # HELP node_netstat_TcpExt_ListenOverflows Statistic TcpExtListenOverflows.
            # TYPE node_netstat_TcpExt_ListenOverflows untyped
            node_netstat_TcpExt_ListenOverflows 0.0
            # HELP node_netstat_TcpExt_SyncookiesFailed Statistic TcpExtSyncookiesFailed.
            # TYPE node_netstat_TcpExt_SyncookiesFailed untyped
            node_netstat_TcpExt_SyncookiesFailed 0.0
            # HELP node_netstat_TcpExt_SyncookiesRecv Statistic TcpExtSyncookiesRecv.
            # TYPE node_netstat_TcpExt_SyncookiesRecv untyped
            node_netstat_TcpExt_SyncookiesRecv 0.0
            # HELP node_netstat_TcpExt_SyncookiesSent Statistic TcpExtSyncookiesSent.
            # TYPE node_netstat_TcpExt_SyncookiesSent untyped
            node_netstat_TcpExt_SyncookiesSent 0.0
            # HELP node_netstat_TcpExt_TCPOFOQueue Statistic TcpExtTCPOFOQueue.
            # TYPE node_netstat_TcpExt_TCPOFOQueue untyped
            node_netstat_TcpExt_TCPOFOQueue 3.0
            # HELP node_netstat_TcpExt_TCPRcvQDrop Statistic TcpExtTCPRcvQDrop.
            # TYPE node_netstat_TcpExt_TCPRcvQDrop untyped
            node_netstat_TcpExt_TCPRcvQDrop 0.0
            # HELP node_netstat_TcpExt_TCPSynRetrans Statistic TcpExtTCPSynRetrans.
            # TYPE node_netstat_TcpExt_TCPSynRetrans untyped
            node_netstat_TcpExt_TCPSynRetrans 0.0
            # HELP node_netstat_TcpExt_TCPTimeouts Statistic TcpExtTCPTimeouts.
            # TYPE node_netstat_TcpExt_TCPTimeouts untyped
            node_netstat_TcpExt_TCPTimeouts 2.0
            # HELP node_netstat_Tcp_ActiveOpens Statistic TcpActiveOpens.
            # TYPE node_netstat_Tcp_ActiveOpens untyped
            node_netstat_Tcp_ActiveOpens 8544.0
            # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
            # TYPE node_netstat_Tcp_CurrEstab untyped
            node_netstat_Tcp_CurrEstab 0.0
            # HELP node_netstat_Tcp_InErrs Statistic TcpInErrs.
            # TYPE node_netstat_Tcp_InErrs untyped
            node_netstat_Tcp_InErrs 0.0
            # HELP node_netstat_Tcp_InSegs Statistic TcpInSegs.
            # TYPE node_netstat_Tcp_InSegs untyped
            node_netstat_Tcp_InSegs 587892.0
            # HELP node_netstat_Tcp_OutRsts Statistic TcpOutRsts.
            # TYPE node_netstat_Tcp_OutRsts untyped
            node_netstat_Tcp_OutRsts 791.0
            # HELP node_netstat_Tcp_OutSegs Statistic TcpOutSegs.
            # TYPE node_netstat_Tcp_OutSegs untyped
            node_netstat_Tcp_OutSegs 588021.0
            # HELP node_netstat_Tcp_PassiveOpens Statistic TcpPassiveOpens.
            # TYPE node_netstat_Tcp_PassiveOpens untyped
            node_netstat_Tcp_PassiveOpens 8001.0
            # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
            # TYPE node_netstat_Tcp_RetransSegs untyped
            node_netstat_Tcp_RetransSegs 2247.0
            # HELP node_netstat_Udp6_InDatagrams Statistic Udp6InDatagrams.
            # TYPE node_netstat_Udp6_InDatagrams untyped
            node_netstat_Udp6_InDatagrams 0.0
            # HELP node_netstat_Udp6_InErrors Statistic Udp6InErrors.
            # TYPE node_netstat_Udp6_InErrors untyped
            node_netstat_Udp6_InErrors 0.0
            # HELP node_netstat_Udp6_NoPorts Statistic Udp6NoPorts.
            # TYPE node_netstat_Udp6_NoPorts untyped
            node_netstat_Udp6_NoPorts 0.0
            # HELP node_netstat_Udp6_OutDatagrams Statistic Udp6OutDatagrams.
            # TYPE node_netstat_Udp6_OutDatagrams untyped
            node_netstat_Udp6_OutDatagrams 0.0
            # HELP node_netstat_Udp6_RcvbufErrors Statistic Udp6RcvbufErrors.
            # TYPE node_netstat_Udp6_RcvbufErrors untyped
            node_netstat_Udp6_RcvbufErrors 0.0
            # HELP node_netstat_Udp6_SndbufErrors Statistic Udp6SndbufErrors.
            # TYPE node_netstat_Udp6_SndbufErrors untyped
            node_netstat_Udp6_SndbufErrors 0.0
            # HELP node_netstat_UdpLite6_InErrors Statistic UdpLite6InErrors.
            # TYPE node_netstat_UdpLite6_InErrors untyped
            node_netstat_UdpLite6_InErrors 0.0
            # HELP node_netstat_UdpLite_InErrors Statistic UdpLiteInErrors.
            # TYPE node_netstat_UdpLite_InErrors untyped
            node_netstat_UdpLite_InErrors 0.0
            # HELP node_netstat_Udp_InDatagrams Statistic UdpInDatagrams.
            # TYPE node_netstat_Udp_InDatagrams untyped
            node_netstat_Udp_InDatagrams 65.0
            # HELP node_netstat_Udp_InErrors Statistic UdpInErrors.
            # TYPE node_netstat_Udp_InErrors untyped
            node_netstat_Udp_InErrors 0.0
            # HELP node_netstat_Udp_NoPorts Statistic UdpNoPorts.
            # TYPE node_netstat_Udp_NoPorts untyped
            node_netstat_Udp_NoPorts 0.0
            # HELP node_netstat_Udp_OutDatagrams Statistic UdpOutDatagrams.
            # TYPE node_netstat_Udp_OutDatagrams untyped
            node_netstat_Udp_OutDatagrams 66.0
            # HELP node_netstat_Udp_RcvbufErrors Statistic UdpRcvbufErrors.
            # TYPE node_netstat_Udp_RcvbufErrors untyped
            node_netstat_Udp_RcvbufErrors 0.0
            # HELP node_netstat_Udp_SndbufErrors Statistic UdpSndbufErrors.
            # TYPE node_netstat_Udp_SndbufErrors untyped
            node_netstat_Udp_SndbufErrors 0.0
            """);
  }

  @Test
  void goldenTextOfAGpuServer() {
    assertThat(HostFixtures.text(new NetstatCollector(HostFixtures.proc("netstat", "gpu-server"), DEFAULT)))
        .isEqualTo(
            """
            # HELP node_netstat_Icmp6_InErrors Statistic Icmp6InErrors.
            # TYPE node_netstat_Icmp6_InErrors untyped
            node_netstat_Icmp6_InErrors 99151.0
            # HELP node_netstat_Icmp6_InMsgs Statistic Icmp6InMsgs.
            # TYPE node_netstat_Icmp6_InMsgs untyped
            node_netstat_Icmp6_InMsgs 54909.0
            # HELP node_netstat_Icmp6_OutMsgs Statistic Icmp6OutMsgs.
            # TYPE node_netstat_Icmp6_OutMsgs untyped
            node_netstat_Icmp6_OutMsgs 0.0
            # HELP node_netstat_Icmp_InErrors Statistic IcmpInErrors.
            # TYPE node_netstat_Icmp_InErrors untyped
            node_netstat_Icmp_InErrors 146074.0
            # HELP node_netstat_Icmp_InMsgs Statistic IcmpInMsgs.
            # TYPE node_netstat_Icmp_InMsgs untyped
            node_netstat_Icmp_InMsgs 0.0
            # HELP node_netstat_Icmp_OutMsgs Statistic IcmpOutMsgs.
            # TYPE node_netstat_Icmp_OutMsgs untyped
            node_netstat_Icmp_OutMsgs 0.0
            # HELP node_netstat_Ip6_InOctets Statistic Ip6InOctets.
            # TYPE node_netstat_Ip6_InOctets untyped
            node_netstat_Ip6_InOctets 3.529116035634E12
            # HELP node_netstat_Ip6_OutOctets Statistic Ip6OutOctets.
            # TYPE node_netstat_Ip6_OutOctets untyped
            node_netstat_Ip6_OutOctets 3.1423051974738E13
            # HELP node_netstat_IpExt_InOctets Statistic IpExtInOctets.
            # TYPE node_netstat_IpExt_InOctets untyped
            node_netstat_IpExt_InOctets 8.172244188094E13
            # HELP node_netstat_IpExt_OutOctets Statistic IpExtOutOctets.
            # TYPE node_netstat_IpExt_OutOctets untyped
            node_netstat_IpExt_OutOctets 6.9409593842163E13
            # HELP node_netstat_Ip_Forwarding Statistic IpForwarding.
            # TYPE node_netstat_Ip_Forwarding untyped
            node_netstat_Ip_Forwarding 1.0
            # HELP node_netstat_TcpExt_ListenDrops Statistic TcpExtListenDrops.
            # TYPE node_netstat_TcpExt_ListenDrops untyped
            node_netstat_TcpExt_ListenDrops 0.0
            # HELP node_netstat_TcpExt_ListenOverflows Statistic TcpExtListenOverflows.
            # TYPE node_netstat_TcpExt_ListenOverflows untyped
            node_netstat_TcpExt_ListenOverflows 36955.0
            # HELP node_netstat_TcpExt_SyncookiesFailed Statistic TcpExtSyncookiesFailed.
            # TYPE node_netstat_TcpExt_SyncookiesFailed untyped
            node_netstat_TcpExt_SyncookiesFailed 0.0
            # HELP node_netstat_TcpExt_SyncookiesRecv Statistic TcpExtSyncookiesRecv.
            # TYPE node_netstat_TcpExt_SyncookiesRecv untyped
            node_netstat_TcpExt_SyncookiesRecv 0.0
            # HELP node_netstat_TcpExt_SyncookiesSent Statistic TcpExtSyncookiesSent.
            # TYPE node_netstat_TcpExt_SyncookiesSent untyped
            node_netstat_TcpExt_SyncookiesSent 183860.0
            # HELP node_netstat_TcpExt_TCPOFOQueue Statistic TcpExtTCPOFOQueue.
            # TYPE node_netstat_TcpExt_TCPOFOQueue untyped
            node_netstat_TcpExt_TCPOFOQueue 158558.0
            # HELP node_netstat_TcpExt_TCPRcvQDrop Statistic TcpExtTCPRcvQDrop.
            # TYPE node_netstat_TcpExt_TCPRcvQDrop untyped
            node_netstat_TcpExt_TCPRcvQDrop 0.0
            # HELP node_netstat_TcpExt_TCPSynRetrans Statistic TcpExtTCPSynRetrans.
            # TYPE node_netstat_TcpExt_TCPSynRetrans untyped
            node_netstat_TcpExt_TCPSynRetrans 0.0
            # HELP node_netstat_TcpExt_TCPTimeouts Statistic TcpExtTCPTimeouts.
            # TYPE node_netstat_TcpExt_TCPTimeouts untyped
            node_netstat_TcpExt_TCPTimeouts 16117.0
            # HELP node_netstat_Tcp_ActiveOpens Statistic TcpActiveOpens.
            # TYPE node_netstat_Tcp_ActiveOpens untyped
            node_netstat_Tcp_ActiveOpens 144145.0
            # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
            # TYPE node_netstat_Tcp_CurrEstab untyped
            node_netstat_Tcp_CurrEstab 412.0
            # HELP node_netstat_Tcp_InErrs Statistic TcpInErrs.
            # TYPE node_netstat_Tcp_InErrs untyped
            node_netstat_Tcp_InErrs 61473.0
            # HELP node_netstat_Tcp_InSegs Statistic TcpInSegs.
            # TYPE node_netstat_Tcp_InSegs untyped
            node_netstat_Tcp_InSegs 3.0695333907E10
            # HELP node_netstat_Tcp_OutRsts Statistic TcpOutRsts.
            # TYPE node_netstat_Tcp_OutRsts untyped
            node_netstat_Tcp_OutRsts 122646.0
            # HELP node_netstat_Tcp_OutSegs Statistic TcpOutSegs.
            # TYPE node_netstat_Tcp_OutSegs untyped
            node_netstat_Tcp_OutSegs 1.4570685129E10
            # HELP node_netstat_Tcp_PassiveOpens Statistic TcpPassiveOpens.
            # TYPE node_netstat_Tcp_PassiveOpens untyped
            node_netstat_Tcp_PassiveOpens 0.0
            # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
            # TYPE node_netstat_Tcp_RetransSegs untyped
            node_netstat_Tcp_RetransSegs 188651.0
            # HELP node_netstat_Udp6_InDatagrams Statistic Udp6InDatagrams.
            # TYPE node_netstat_Udp6_InDatagrams untyped
            node_netstat_Udp6_InDatagrams 1.6461889041E10
            # HELP node_netstat_Udp6_InErrors Statistic Udp6InErrors.
            # TYPE node_netstat_Udp6_InErrors untyped
            node_netstat_Udp6_InErrors 169994.0
            # HELP node_netstat_Udp6_NoPorts Statistic Udp6NoPorts.
            # TYPE node_netstat_Udp6_NoPorts untyped
            node_netstat_Udp6_NoPorts 136658.0
            # HELP node_netstat_Udp6_OutDatagrams Statistic Udp6OutDatagrams.
            # TYPE node_netstat_Udp6_OutDatagrams untyped
            node_netstat_Udp6_OutDatagrams 1.3569078076E10
            # HELP node_netstat_Udp6_RcvbufErrors Statistic Udp6RcvbufErrors.
            # TYPE node_netstat_Udp6_RcvbufErrors untyped
            node_netstat_Udp6_RcvbufErrors 0.0
            # HELP node_netstat_Udp6_SndbufErrors Statistic Udp6SndbufErrors.
            # TYPE node_netstat_Udp6_SndbufErrors untyped
            node_netstat_Udp6_SndbufErrors 0.0
            # HELP node_netstat_UdpLite6_InErrors Statistic UdpLite6InErrors.
            # TYPE node_netstat_UdpLite6_InErrors untyped
            node_netstat_UdpLite6_InErrors 0.0
            # HELP node_netstat_UdpLite_InErrors Statistic UdpLiteInErrors.
            # TYPE node_netstat_UdpLite_InErrors untyped
            node_netstat_UdpLite_InErrors 124948.0
            # HELP node_netstat_Udp_InDatagrams Statistic UdpInDatagrams.
            # TYPE node_netstat_Udp_InDatagrams untyped
            node_netstat_Udp_InDatagrams 3.1277066404E10
            # HELP node_netstat_Udp_InErrors Statistic UdpInErrors.
            # TYPE node_netstat_Udp_InErrors untyped
            node_netstat_Udp_InErrors 198445.0
            # HELP node_netstat_Udp_NoPorts Statistic UdpNoPorts.
            # TYPE node_netstat_Udp_NoPorts untyped
            node_netstat_Udp_NoPorts 0.0
            # HELP node_netstat_Udp_OutDatagrams Statistic UdpOutDatagrams.
            # TYPE node_netstat_Udp_OutDatagrams untyped
            node_netstat_Udp_OutDatagrams 1.8124050148E10
            # HELP node_netstat_Udp_RcvbufErrors Statistic UdpRcvbufErrors.
            # TYPE node_netstat_Udp_RcvbufErrors untyped
            node_netstat_Udp_RcvbufErrors 0.0
            # HELP node_netstat_Udp_SndbufErrors Statistic UdpSndbufErrors.
            # TYPE node_netstat_Udp_SndbufErrors untyped
            node_netstat_Udp_SndbufErrors 0.0
            """);
  }

  @Test
  void anEmptyFilterServesEveryField() {
    String text = HostFixtures.text(new NetstatCollector(HostFixtures.proc("netstat", "vm"), null));

    assertThat(text).contains("node_netstat_Tcp_MaxConn -1.0", "node_netstat_MPTcpExt_MPCapableSYNRX 0.0",
        "node_netstat_IcmpMsg_InType3 1.0", "node_netstat_Icmp6_OutType135 4.0");
    assertThat(text.lines().filter(l -> !l.startsWith("#")).count()).isEqualTo(402);
  }

  @Test
  void withoutIpv6TheOtherFiles(@TempDir Path root) {
    HostFixtures.write(root, "net/snmp", "Tcp: RetransSegs CurrEstab\nTcp: 7 3\n");

    assertThat(HostFixtures.text(new NetstatCollector(ProcFs.at(root), DEFAULT)))
        .isEqualTo(
            """
            # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
            # TYPE node_netstat_Tcp_CurrEstab untyped
            node_netstat_Tcp_CurrEstab 3.0
            # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
            # TYPE node_netstat_Tcp_RetransSegs untyped
            node_netstat_Tcp_RetransSegs 7.0
            """);
  }

  @Test
  void noFilesNoSeries(@TempDir Path empty) {
    assertThat(HostFixtures.text(new NetstatCollector(ProcFs.at(empty), DEFAULT))).isEmpty();
  }

  /** node_exporter merges the files protocol by protocol: a later block replaces an earlier one whole. */
  @Test
  void aLaterBlockOfTheSameProtocolReplacesTheEarlier(@TempDir Path root) {
    HostFixtures.write(root, "net/netstat", "Tcp: InErrs OutRsts\nTcp: 1 2\n");
    HostFixtures.write(root, "net/snmp", "Tcp: InErrs\nTcp: 5\n");

    assertThat(HostFixtures.text(new NetstatCollector(ProcFs.at(root), DEFAULT)))
        .contains("node_netstat_Tcp_InErrs 5.0").doesNotContain("OutRsts");
  }

  @Test
  void aChangedHeaderIsReadAnew(@TempDir Path root) {
    NetstatCollector collector = new NetstatCollector(ProcFs.at(root), DEFAULT);
    HostFixtures.write(root, "net/snmp", "Udp: InDatagrams NoPorts\nUdp: 10 20\n");
    assertThat(HostFixtures.text(collector)).contains("node_netstat_Udp_NoPorts 20.0");

    HostFixtures.write(root, "net/snmp", "Udp: NoPorts InDatagrams\nUdp: 30 40\n");
    assertThat(HostFixtures.text(collector))
        .contains("node_netstat_Udp_NoPorts 30.0").contains("node_netstat_Udp_InDatagrams 40.0");
  }

  @Test
  void fewerValuesThanNamesNamesTheFileAndLine(@TempDir Path root) {
    HostFixtures.write(root, "net/snmp", "Ip: Forwarding DefaultTTL\nIp: 1 64\nTcp: RtoAlgorithm RtoMin\nTcp: 1\n");

    assertThatThrownBy(() -> new NetstatCollector(ProcFs.at(root), DEFAULT).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(root.resolve("net/snmp") + " line 4: expected 2 values, one per name of Tcp in \"Tcp: 1\"");
  }

  @Test
  void namesWithoutValuesAreATruncatedFile(@TempDir Path root) {
    HostFixtures.write(root, "net/netstat", "TcpExt: SyncookiesSent\n");

    assertThatThrownBy(() -> new NetstatCollector(ProcFs.at(root), DEFAULT).collect())
        .hasMessageContaining("line 1: expected a line of values after the names of TcpExt");
  }

  @Test
  void valuesOfAnotherProtocolAreRejected(@TempDir Path root) {
    HostFixtures.write(root, "net/netstat", "TcpExt: SyncookiesSent\nIpExt: 0\n");

    assertThatThrownBy(() -> new NetstatCollector(ProcFs.at(root), DEFAULT).collect())
        .hasMessageContaining("line 2: expected the values of TcpExt");
  }

  @Test
  void aValueThatIsNotANumberFailsEvenWhereTheFilterLeavesItOut(@TempDir Path root) {
    HostFixtures.write(root, "net/snmp", "Tcp: RtoAlgorithm\nTcp: one\n");

    assertThatThrownBy(() -> new NetstatCollector(ProcFs.at(root), DEFAULT).collect())
        .hasMessageContaining("line 2: expected an unsigned decimal number in \"Tcp: one\"");
  }

  @Test
  void aFieldNameThatCannotBeAMetricNameFailsOnlyWhenServed(@TempDir Path root) {
    HostFixtures.write(root, "net/snmp", "Tcp: Bad-Name\nTcp: 1\n");

    assertThat(HostFixtures.text(new NetstatCollector(ProcFs.at(root), DEFAULT))).isEmpty();
    assertThatThrownBy(() -> new NetstatCollector(ProcFs.at(root), null).collect())
        .hasMessageContaining("line 1: expected field names of letters, digits and '_', not \"Tcp_Bad-Name\"");
  }

  @Test
  void aBadFieldsExpressionNamesTheOption() {
    assertThatThrownBy(() -> new NetstatPlugin().create(CollectorConfig.of(Map.of(NetstatPlugin.FIELDS, List.of("^(Tcp_")))))
        .hasMessageContaining("option netstat.fields '^(Tcp_' is not a valid regular expression");
  }
}
