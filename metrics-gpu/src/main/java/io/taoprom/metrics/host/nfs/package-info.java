/**
 * The {@code nfs} collector: node_exporter's NFS client series ({@code node_nfs_*}), from
 * {@code /proc/net/rpc/nfs}.
 */
package io.taoprom.metrics.host.nfs;
