/**
 * Chain state as Prometheus series, the one place that knows both the chain client and the
 * exporter: {@link io.taoprom.chainmetrics.ChainMetrics} implements the chain module's
 * {@link io.taoprom.chain.rpc.RpcListener} (requests, retries, durations, blocks) and records
 * registration state into {@code taoprom_chain_*} families; the {@code metagraph} collector plugin
 * ({@link io.taoprom.chainmetrics.metagraph}) serves a subnet's neurons as {@code bittensor_*}
 * series. The chain module itself stays free of Prometheus types.
 *
 * <pre>{@code
 * ChainMetrics metrics = ChainMetrics.register(exporter.registry());
 * Subtensor subtensor = Subtensor.builder().network("finney").listener(metrics).build();
 * }</pre>
 */
package io.taoprom.chainmetrics;
