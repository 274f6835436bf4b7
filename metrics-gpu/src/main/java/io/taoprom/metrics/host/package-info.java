/**
 * Host collectors with node_exporter's names: {@code cpu}, {@code loadavg}, {@code meminfo},
 * {@code netdev}, {@code diskstats}, {@code filesystem}, {@code time} and {@code uname}, and the
 * Linux-only storage collectors {@code mdadm}, {@code bcache}, {@code btrfs}, {@code dmmultipath},
 * {@code nfs}, {@code nfsd}, {@code tapestats}, {@code xfs} and {@code zfs}, each its own
 * {@link io.taoprom.exporter.spi.CollectorPlugin} in a subpackage.
 *
 * <p>Every collector reads through a small source interface. On Linux the sources read
 * {@code /proc} directly ({@link io.taoprom.metrics.host.ProcFs}): that is what node_exporter
 * reads, it has every field node_exporter exposes, and it costs microseconds. Elsewhere they read
 * OSHI ({@link io.taoprom.metrics.host.OshiHost}), whose first call is paid once on a background
 * thread. {@link io.taoprom.metrics.host.HostBackend} makes the choice.
 *
 * <p>The kernel and system collectors ({@code stat}, {@code vmstat}, {@code pressure},
 * {@code filefd}, {@code entropy}, {@code timex}, {@code os}, {@code selinux},
 * {@code kernel_hung}, {@code schedstat}, {@code watchdog}) read what only Linux has and have no
 * portable path: elsewhere they are unavailable ({@link io.taoprom.metrics.host.LinuxOnly}). On
 * Linux a missing feature yields no series; a file in a format they do not know fails the
 * collector with a {@link io.taoprom.metrics.host.MalformedFileException} naming it.
 *
 * <p>The hardware collectors {@code hwmon}, {@code thermal_zone}, {@code powersupplyclass},
 * {@code rapl}, {@code nvme}, {@code edac}, {@code dmi} and {@code cpufreq} read sysfs
 * ({@link io.taoprom.metrics.host.SysFs}, one attribute at a time through
 * {@link io.taoprom.metrics.host.SysAttribute}) and exist on Linux only
 * ({@link io.taoprom.metrics.host.LinuxOnly}); where the hardware is absent they serve nothing.
 *
 * thread. {@link io.taoprom.metrics.host.HostBackend} makes the choice. The storage collectors
 * read {@code /proc} and {@code /sys} ({@link io.taoprom.metrics.host.SysFs}) only, and are
 * unavailable elsewhere ({@link io.taoprom.metrics.host.LinuxOnly}).
 */
package io.taoprom.metrics.host;
