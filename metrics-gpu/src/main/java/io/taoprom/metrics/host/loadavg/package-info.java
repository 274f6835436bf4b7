/** The {@code loadavg} collector: {@code node_load1}, {@code node_load5}, {@code node_load15}. */
package io.taoprom.metrics.host.loadavg;
