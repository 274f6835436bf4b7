/**
 * The {@code vmstat} collector: the fields of {@code /proc/vmstat} that {@code --vmstat.fields}
 * selects, as untyped {@code node_vmstat_NAME} series.
 */
package io.taoprom.metrics.host.vmstat;
