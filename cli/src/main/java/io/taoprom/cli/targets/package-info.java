/**
 * Whole-subnet service discovery on the command line: {@code taoprom targets} prints a subnet's
 * registered Prometheus endpoints as {@code file_sd}/{@code http_sd} JSON, and
 * {@code taoprom serve --sd.netuid N} serves the same on {@code /sd} for Prometheus'
 * {@code http_sd_configs}, cached and refreshed once per block interval
 * ({@link io.taoprom.cli.targets.CachedTargets}).
 *
 * <pre>
 * $ taoprom targets --network finney --netuid 27 --output /etc/prometheus/sd/sn27.json
 * $ taoprom serve --sd.netuid 27,51
 * </pre>
 */
package io.taoprom.cli.targets;
