/**
 * The {@code netstat} collector: the protocol counters of {@code /proc/net/netstat},
 * {@code /proc/net/snmp} and {@code /proc/net/snmp6} that {@code --netstat.fields} selects, as
 * node_exporter's untyped {@code node_netstat_<Protocol>_<Name>}.
 */
package io.taoprom.metrics.host.netstat;
