/**
 * The {@code stat} collector: the system-wide lines of {@code /proc/stat} (interrupts, context
 * switches, forks, boot time, running and blocked processes, and on request softirqs by vector).
 * Its per-CPU lines are the {@code cpu} collector's.
 */
package io.taoprom.metrics.host.stat;
