package io.taoprom.metrics.host.netstat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import java.util.List;

/**
 * The {@code netstat} plugin: node_exporter's {@code node_netstat_<Protocol>_<Name>} from
 * {@code /proc/net/netstat}, {@code /proc/net/snmp} and {@code /proc/net/snmp6} (TCP segments and
 * retransmissions, listen-queue overflows, UDP buffer errors, IP octets, ...), untyped as
 * node_exporter emits them. Which fields are served is a regular expression over
 * {@code Protocol_Name}, upstream node_exporter's default unless given:
 *
 * <pre>{@code
 * taoprom serve --netstat.fields '^(Tcp_.*|TcpExt_.*|Udp_.*)$'
 * }</pre>
 */
public final class NetstatPlugin implements CollectorPlugin {

  static final String FIELDS = "netstat.fields";

  /** Upstream node_exporter's default (1.6 and later added TCPOFOQueue and TCPRcvQDrop). */
  static final String DEFAULT_FIELDS = "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
      + "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue|TCPRcvQDrop)"
      + "|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
      + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

  @Override
  public String name() {
    return "netstat";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "TCP, UDP, IP and ICMP protocol counters from /proc/net/netstat, snmp and snmp6 (node_netstat_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/netstat");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(FIELDS, "REGEX",
        "Fields to serve, searched in Protocol_Name (Tcp_RetransSegs); empty serves all", DEFAULT_FIELDS));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new NetstatCollector(
        ProcFs.system(), DeviceFilter.compile(FIELDS, config.value(FIELDS).orElse(DEFAULT_FIELDS)));
  }
}
