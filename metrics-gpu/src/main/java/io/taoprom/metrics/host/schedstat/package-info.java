/**
 * The {@code schedstat} collector: per-CPU run time, run-queue wait and time slices from
 * {@code /proc/schedstat} ({@code node_schedstat_*_total}).
 */
package io.taoprom.metrics.host.schedstat;
