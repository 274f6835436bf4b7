/**
 * What the network collectors ({@code arp}, {@code conntrack}, {@code netclass}, {@code netstat},
 * {@code sockstat}, {@code softnet}, {@code udp_queues}, {@code infiniband}, {@code bonding},
 * {@code ipvs}, {@code fibrechannel}) share: a cursor over kernel text whose errors name the file
 * and line and quote only an escaped excerpt ({@link io.taoprom.metrics.host.net.KernelText}), the
 * number formats of {@code /proc} and {@code /sys} ({@link io.taoprom.metrics.host.net.KernelNumbers}),
 * sysfs attributes that a driver may refuse to show ({@link io.taoprom.metrics.host.net.DriverAttributes}),
 * node_exporter's include/exclude device filters ({@link io.taoprom.metrics.host.net.DeviceSelection}),
 * and a small builder of metric families ({@link io.taoprom.metrics.host.net.Families}). They are
 * available on Linux only ({@link io.taoprom.metrics.host.LinuxOnly}).
 */
package io.taoprom.metrics.host.net;
