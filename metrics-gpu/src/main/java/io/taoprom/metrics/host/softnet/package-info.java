/** The {@code softnet} collector: per-CPU packet processing figures from {@code /proc/net/softnet_stat}. */
package io.taoprom.metrics.host.softnet;
