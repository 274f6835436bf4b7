/** The {@code entropy} collector: the kernel's entropy estimate and pool size from {@code /proc/sys/kernel/random}. */
package io.taoprom.metrics.host.entropy;
