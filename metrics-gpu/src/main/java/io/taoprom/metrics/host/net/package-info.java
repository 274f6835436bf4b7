/**
 * What the network collectors ({@code arp}, {@code conntrack}, {@code netclass}, {@code netstat},
 * {@code sockstat}, {@code softnet}, {@code udp_queues}, {@code infiniband}, {@code bonding},
 * {@code ipvs}, {@code fibrechannel}) share: a cursor over kernel text whose errors name the file
 * and line and quote only an escaped excerpt ({@link io.taoprom.metrics.host.net.KernelText}), the
 * number formats of {@code /proc} and {@code /sys} ({@link io.taoprom.metrics.host.net.KernelNumbers}),
 * and sysfs attributes that a driver may refuse to show ({@link io.taoprom.metrics.host.net.DriverAttributes}).
 * They gather their series in {@link io.taoprom.metrics.host.HostFamilies}, are
 * available on Linux only ({@link io.taoprom.metrics.host.LinuxOnly}) and filter devices as the
 * other host collectors do ({@link io.taoprom.metrics.host.DeviceFilter}).
 */
package io.taoprom.metrics.host.net;
