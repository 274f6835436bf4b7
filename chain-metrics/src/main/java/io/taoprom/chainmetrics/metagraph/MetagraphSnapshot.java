package io.taoprom.chainmetrics.metagraph;

import java.time.Instant;
import java.util.List;

/**
 * The metagraph of the selected subnets as read at one block: what every scrape serves until the
 * next refresh succeeds.
 *
 * @param block the number of the block it was read at (the best block then)
 * @param blockHash that block's hash
 * @param finalizedBlock the last finalized block's number, read in the same refresh
 * @param specVersion the runtime that executed {@code block}, whose metadata decoded it
 * @param readAt when the refresh finished
 * @param subnets the subnets, in netuid order
 * @param missing the storage entries this runtime lacks or retyped, so their series are left out
 * @param notes one line each: what was left out and why (missing entries, the neuron cap, a
 *     netuid that no longer exists)
 */
record MetagraphSnapshot(long block, String blockHash, long finalizedBlock, long specVersion, Instant readAt,
    List<Subnet> subnets, List<String> missing, List<String> notes) {

  MetagraphSnapshot {
    subnets = List.copyOf(subnets);
    missing = List.copyOf(missing);
    notes = List.copyOf(notes);
  }
}
