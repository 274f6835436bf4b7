/**
 * The {@code scrape} collector: fetches other processes' {@code /metrics} (a Python neuron's
 * prometheus_client, say) under the scrape deadline and merges them into TaoProm's exposition
 * with a {@code source} label, so that the one endpoint registered on chain carries them too.
 */
package io.taoprom.metrics.scrape;
