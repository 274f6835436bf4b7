/**
 * The {@code nfsd} collector: node_exporter's kernel NFS server series ({@code node_nfsd_*}), from
 * {@code /proc/net/rpc/nfsd}.
 */
package io.taoprom.metrics.host.nfsd;
