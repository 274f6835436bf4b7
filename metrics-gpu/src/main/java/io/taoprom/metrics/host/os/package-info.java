/**
 * The {@code os} collector: the distribution's identity from {@code /etc/os-release} (or
 * {@code /usr/lib/os-release}) as {@code node_os_info}, {@code node_os_version} and, where the
 * file gives it, {@code node_os_support_end_timestamp_seconds}.
 */
package io.taoprom.metrics.host.os;
