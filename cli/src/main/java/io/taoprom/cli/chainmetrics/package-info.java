/**
 * The chain as Prometheus series: {@link io.taoprom.cli.chainmetrics.ChainMetrics} implements the
 * chain module's {@link io.taoprom.chain.rpc.RpcListener} (requests, retries, durations, blocks)
 * and records registration state, into {@code taoprom_chain_*} families of the exporter's registry.
 * The chain module itself stays free of Prometheus types.
 *
 * <pre>{@code
 * ChainMetrics metrics = ChainMetrics.register(exporter.registry());
 * Subtensor subtensor = Subtensor.builder().network("finney").listener(metrics).build();
 * }</pre>
 */
package io.taoprom.cli.chainmetrics;
