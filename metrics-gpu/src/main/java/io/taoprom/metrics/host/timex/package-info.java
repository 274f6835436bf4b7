/**
 * The {@code timex} collector: the kernel's clock discipline state ({@code adjtimex(2)}), as
 * node_exporter serves it: offset, frequency, estimated and maximum error, sync status and the
 * PPS figures.
 */
package io.taoprom.metrics.host.timex;
