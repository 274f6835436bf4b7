package io.taoprom.chainmetrics.metagraph;

/**
 * One per-subnet series of the {@code metagraph} collector ({@code netuid} label) and the
 * {@code SubtensorModule} storage entry, keyed by netuid, it is read from.
 */
enum SubnetField {
  NEURONS("bittensor_subnet_neurons", "SubnetworkN", Conversion.COUNT,
      "Neurons registered on the subnet."),
  MAX_NEURONS("bittensor_subnet_max_neurons", "MaxAllowedUids", Conversion.COUNT,
      "The most neurons the subnet allows."),
  TEMPO("bittensor_subnet_tempo_blocks", "Tempo", Conversion.COUNT,
      "Blocks between two epochs of the subnet."),
  BLOCKS_SINCE_LAST_STEP("bittensor_subnet_blocks_since_last_step", "BlocksSinceLastStep", Conversion.COUNT,
      "Blocks since the subnet's last epoch."),
  IMMUNITY_PERIOD("bittensor_subnet_immunity_period_blocks", "ImmunityPeriod", Conversion.COUNT,
      "Blocks a new neuron is safe from deregistration."),
  REGISTRATION_COST("bittensor_subnet_registration_cost_tao", "Burn", Conversion.TOKENS,
      "What a registration on the subnet burns, in TAO."),
  SERVING_RATE_LIMIT("bittensor_subnet_serving_rate_limit_blocks", "ServingRateLimit", Conversion.COUNT,
      "Blocks that must pass between two serves of one hotkey on the subnet.");

  final String metric;
  final String entry;
  final Conversion conversion;
  final String help;

  SubnetField(String metric, String entry, Conversion conversion, String help) {
    this.metric = metric;
    this.entry = entry;
    this.conversion = conversion;
    this.help = help;
  }
}
