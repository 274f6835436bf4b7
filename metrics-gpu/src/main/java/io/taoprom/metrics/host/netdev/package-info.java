/** The {@code netdev} collector: {@code node_network_{receive,transmit}_*_total{device}}. */
package io.taoprom.metrics.host.netdev;
