/**
 * Host collectors with node_exporter's names, each its own
 * {@link io.taoprom.exporter.spi.CollectorPlugin} in a subpackage, and the one set of helpers
 * they share.
 *
 * <p>{@code cpu}, {@code loadavg}, {@code meminfo}, {@code netdev}, {@code diskstats},
 * {@code filesystem}, {@code time} and {@code uname} read through a small source interface. On
 * Linux the sources read {@code /proc} directly ({@link io.taoprom.metrics.host.ProcFs}): that is
 * what node_exporter reads, it has every field node_exporter exposes, and it costs microseconds.
 * Elsewhere they read OSHI ({@link io.taoprom.metrics.host.OshiHost}), whose first call is paid
 * once on a background thread. {@link io.taoprom.metrics.host.HostBackend} makes the choice.
 *
 * <p>Every other collector reads what only Linux has and is unavailable elsewhere
 * ({@link io.taoprom.metrics.host.LinuxOnly}); on Linux a missing feature or device yields no
 * series. They are the kernel and system collectors ({@code stat}, {@code vmstat},
 * {@code pressure}, {@code filefd}, {@code entropy}, {@code timex}, {@code os}, {@code selinux},
 * {@code kernel_hung}, {@code schedstat}, {@code watchdog}), the hardware collectors
 * ({@code hwmon}, {@code thermal_zone}, {@code powersupplyclass}, {@code rapl}, {@code nvme},
 * {@code edac}, {@code dmi}, {@code cpufreq}), the network collectors ({@code arp},
 * {@code conntrack}, {@code netclass}, {@code netstat}, {@code sockstat}, {@code softnet},
 * {@code udp_queues}, {@code infiniband}, {@code bonding}, {@code ipvs}, {@code fibrechannel})
 * and the storage collectors ({@code mdadm}, {@code bcache}, {@code btrfs}, {@code dmmultipath},
 * {@code nfs}, {@code nfsd}, {@code tapestats}, {@code xfs}, {@code zfs}).
 *
 * <p>What they share:
 *
 * <ul>
 *   <li>reading: {@link io.taoprom.metrics.host.ProcFs} and {@link io.taoprom.metrics.host.SysFs}
 *       (a root that tests point at a fixture tree), {@link io.taoprom.metrics.host.SysAttribute}
 *       for single sysfs attributes that a driver may refuse to show, and
 *       {@link io.taoprom.metrics.host.MountTable};
 *   <li>parsing: {@link io.taoprom.metrics.host.ProcText}, a cursor over kernel text, and
 *       {@link io.taoprom.metrics.host.KernelNumbers}, the kernel's number formats;
 *   <li>failing: a file in a format a collector does not know is a
 *       {@link io.taoprom.metrics.host.MalformedFileException} naming the file and line and
 *       quoting its text only escaped and cut short; one that cannot be read is restated by
 *       {@link io.taoprom.metrics.host.ReadError};
 *   <li>serving: {@link io.taoprom.metrics.host.HostFamilies} gathers the series of one
 *       collection, {@link io.taoprom.metrics.host.DeviceFilter} and
 *       {@link io.taoprom.metrics.host.BooleanOption} read node_exporter's options.
 * </ul>
 */
package io.taoprom.metrics.host;
