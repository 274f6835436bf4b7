package io.taoprom.chainmetrics.metagraph;

import java.util.List;
import java.util.Map;

/**
 * One subnet as read at a block.
 *
 * @param netuid the subnet
 * @param values its per-subnet values, by field (absent where the runtime lacks the entry)
 * @param neurons its neurons in uid order (those kept by the hotkey filter and the neuron cap)
 */
record Subnet(int netuid, Map<SubnetField, Double> values, List<Neuron> neurons) {

  Subnet {
    values = Map.copyOf(values);
    neurons = List.copyOf(neurons);
  }
}
