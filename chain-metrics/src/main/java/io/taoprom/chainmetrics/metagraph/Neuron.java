package io.taoprom.chainmetrics.metagraph;

import java.util.Map;

/**
 * One neuron as read at a block: its identity and the values the runtime had for it (a field
 * the runtime lacks is absent from {@code values}).
 *
 * @param uid the neuron's uid on the subnet
 * @param hotkey SS58 (prefix 42)
 * @param coldkey the hotkey's owner, SS58; null where the runtime has no {@code Owner}
 * @param values sample values (already in base units), by field
 */
record Neuron(int uid, String hotkey, String coldkey, Map<NeuronField, Double> values) {

  Neuron {
    values = Map.copyOf(values);
  }
}
