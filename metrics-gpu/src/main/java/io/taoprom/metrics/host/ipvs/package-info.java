/**
 * The {@code ipvs} collector: the IP Virtual Server's totals ({@code /proc/net/ip_vs_stats}) and
 * its backends' connections and weights ({@code /proc/net/ip_vs}), as kube-proxy's IPVS mode sets
 * them up.
 */
package io.taoprom.metrics.host.ipvs;
