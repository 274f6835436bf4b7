/**
 * The {@code metagraph} collector plugin: a subnet's neurons as {@code bittensor_*} series, read
 * from chain storage through the runtime's own metadata, in the background and at most once per
 * block, served from the last snapshot at once ({@link io.taoprom.chainmetrics.metagraph.MetagraphPlugin},
 * {@link io.taoprom.chainmetrics.metagraph.MetagraphCollector}).
 *
 * <pre>{@code
 * MetagraphCollector metagraph = new MetagraphCollector(MetagraphSettings.parse(config));
 * metagraph.connect(subtensor.chain());
 * }</pre>
 */
package io.taoprom.chainmetrics.metagraph;
