/** The {@code edac} collector: {@code node_edac_*_errors_total} from {@code /sys/devices/system/edac/mc}. */
package io.taoprom.metrics.host.edac;
