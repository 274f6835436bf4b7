/**
 * What only the network collectors ({@code netclass}, {@code infiniband}, {@code bonding},
 * {@code fibrechannel}) need: sysfs attributes that a driver may refuse to show
 * ({@link io.taoprom.metrics.host.net.DriverAttributes}). Like every host collector they read
 * kernel text with {@link io.taoprom.metrics.host.ProcText} and {@link io.taoprom.metrics.host.KernelNumbers},
 * gather their series in {@link io.taoprom.metrics.host.HostFamilies}, filter devices with
 * {@link io.taoprom.metrics.host.DeviceFilter} and are available on Linux only
 * ({@link io.taoprom.metrics.host.LinuxOnly}).
 */
package io.taoprom.metrics.host.net;
