/**
 * The {@code tapestats} collector: node_exporter's SCSI tape drive series ({@code node_tape_*}),
 * from the {@code stats} directory of each {@code /sys/class/scsi_tape/stN}.
 */
package io.taoprom.metrics.host.tapestats;
