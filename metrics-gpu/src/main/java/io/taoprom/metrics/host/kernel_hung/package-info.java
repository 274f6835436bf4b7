/**
 * The {@code kernel_hung} collector: tasks the kernel's hung-task detector has reported, from
 * {@code /proc/sys/kernel/hung_task_detect_count} (added to node_exporter after 1.5).
 */
package io.taoprom.metrics.host.kernel_hung;
