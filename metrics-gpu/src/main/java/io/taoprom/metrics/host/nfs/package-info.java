/**
 * The {@code nfs} collector: node_exporter's NFS client series ({@code node_nfs_*}), from
 * {@code /proc/net/rpc/nfs}; and the reading of that file's lines and procedure names that the
 * {@code nfsd} collector shares ({@link io.taoprom.metrics.host.nfs.RpcStatLines}).
 */
package io.taoprom.metrics.host.nfs;
