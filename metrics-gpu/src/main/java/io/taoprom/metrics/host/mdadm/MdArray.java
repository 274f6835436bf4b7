package io.taoprom.metrics.host.mdadm;

/**
 * One md array as {@code /proc/mdstat} describes it.
 *
 * @param name the kernel's name, {@code md0}
 * @param activity {@code active} or {@code inactive}, or the sync in progress: {@code recovering},
 *     {@code resyncing}, {@code checking}, {@code reshaping}
 * @param disksRequired the members the array is built of ({@code n} in {@code [n/m]})
 * @param disksActive the members in sync ({@code m} in {@code [n/m]})
 * @param disksFailed members marked {@code (F)}
 * @param disksSpare members marked {@code (S)}
 * @param blocks the array's size in 1 KiB blocks
 * @param blocksSynced the blocks in sync: {@code blocks} unless a sync runs, 0 while one waits
 */
record MdArray(
    String name,
    String activity,
    long disksRequired,
    long disksActive,
    long disksFailed,
    long disksSpare,
    long blocks,
    long blocksSynced) {}
