package io.taoprom.metrics.host.stat;

/**
 * The system-wide figures of {@code /proc/stat}, each as node_exporter exposes it (a {@code u64}
 * as a double).
 *
 * @param interrupts the first number of the {@code intr} line: interrupts serviced since boot
 * @param contextSwitches {@code ctxt}
 * @param bootTime {@code btime}, seconds since the epoch
 * @param forks {@code processes}: processes and threads created since boot
 * @param running {@code procs_running}
 * @param blocked {@code procs_blocked}
 * @param softirqs the ten per-vector numbers of the {@code softirq} line, in the kernel's order
 *     ({@link ProcStat#SOFTIRQ_VECTORS}); null when they were not asked for
 */
record KernelStat(
    double interrupts,
    double contextSwitches,
    double bootTime,
    double forks,
    double running,
    double blocked,
    double[] softirqs) {}
