/**
 * The {@code selinux} collector: whether SELinux is enabled, and its configured and current
 * enforcement modes ({@code node_selinux_*}).
 */
package io.taoprom.metrics.host.selinux;
