/** The {@code arp} collector: {@code node_arp_entries{device}} from {@code /proc/net/arp}. */
package io.taoprom.metrics.host.arp;
