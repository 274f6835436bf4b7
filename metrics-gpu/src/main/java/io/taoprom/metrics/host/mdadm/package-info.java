/**
 * The {@code mdadm} collector: node_exporter's {@code node_md_*} series for Linux software RAID,
 * from {@code /proc/mdstat}.
 */
package io.taoprom.metrics.host.mdadm;
