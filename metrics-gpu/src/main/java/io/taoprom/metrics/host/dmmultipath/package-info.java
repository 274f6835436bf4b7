/**
 * The {@code dmmultipath} collector: device-mapper multipath maps and the state of their paths,
 * from {@code /sys/block/dm-*}, with the names current upstream node_exporter gives them (the
 * collector is newer than node_exporter 1.5).
 */
package io.taoprom.metrics.host.dmmultipath;
