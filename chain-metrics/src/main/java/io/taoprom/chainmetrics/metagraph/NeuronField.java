package io.taoprom.chainmetrics.metagraph;

/**
 * One per-neuron series of the {@code metagraph} collector and the {@code SubtensorModule} storage
 * entry it is read from. Every series carries {@code netuid}, {@code uid} and {@code hotkey}.
 *
 * <p>Runtimes rename and retype these entries: the reader looks each one up in the metadata of
 * the block it reads, and a field whose entry is missing, or does not decode as {@link #conversion}
 * expects, is left out with a note ({@link MetagraphSnapshot#notes()}).
 */
enum NeuronField {
  INCENTIVE("bittensor_neuron_incentive_ratio", "Incentive", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's incentive (the chain's u16 / 65535)."),
  DIVIDENDS("bittensor_neuron_dividends_ratio", "Dividends", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's dividends (the chain's u16 / 65535)."),
  TRUST("bittensor_neuron_trust_ratio", "Trust", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's trust (the chain's u16 / 65535)."),
  CONSENSUS("bittensor_neuron_consensus_ratio", "Consensus", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's consensus (the chain's u16 / 65535)."),
  RANK("bittensor_neuron_rank_ratio", "Rank", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's rank (the chain's u16 / 65535)."),
  VALIDATOR_TRUST("bittensor_neuron_validator_trust_ratio", "ValidatorTrust", Source.SUBNET_VECTOR, Conversion.RATIO_U16,
      "The neuron's validator trust (the chain's u16 / 65535)."),
  VALIDATOR_PERMIT("bittensor_neuron_validator_permit", "ValidatorPermit", Source.SUBNET_VECTOR, Conversion.FLAG,
      "Whether the neuron holds a validator permit: 1 yes, 0 no."),
  ACTIVE("bittensor_neuron_active", "Active", Source.SUBNET_VECTOR, Conversion.FLAG,
      "Whether the chain counts the neuron as active: 1 yes, 0 no."),
  LAST_UPDATE("bittensor_neuron_last_update_block", "LastUpdate", Source.SUBNET_VECTOR, Conversion.COUNT,
      "The block at which the neuron last set weights."),
  REGISTERED("bittensor_neuron_registered_block", "BlockAtRegistration", Source.NETUID_UID, Conversion.COUNT,
      "The block at which the neuron's hotkey registered on the subnet."),
  EMISSION("bittensor_neuron_emission_alpha", "Emission", Source.SUBNET_VECTOR, Conversion.TOKENS,
      "The neuron's emission in the last tempo, in the subnet's alpha tokens."),
  STAKE_ALPHA("bittensor_neuron_stake_alpha", "TotalHotkeyAlpha", Source.HOTKEY_NETUID, Conversion.TOKENS,
      "Stake on the neuron's hotkey on this subnet, in the subnet's alpha tokens."),
  STAKE_TAO("bittensor_neuron_stake_tao", "TotalHotkeyStake", Source.HOTKEY, Conversion.TOKENS,
      "Stake on the neuron's hotkey in TAO, where the runtime holds it (TotalHotkeyStake)."),
  AXON_SERVED("bittensor_neuron_axon_served", "Axons", Source.NETUID_HOTKEY, Conversion.SERVED,
      "Whether the neuron has served an axon endpoint (non-zero ip) on the subnet: 1 yes, 0 no."),
  PROMETHEUS_SERVED("bittensor_neuron_prometheus_served", "Prometheus", Source.NETUID_HOTKEY, Conversion.SERVED,
      "Whether the neuron has served a Prometheus endpoint (non-zero ip) on the subnet: 1 yes, 0 no.");

  /** Which keys the entry takes, and so how a neuron's value is found. */
  enum Source {
    /** {@code entry(netuid) -> Vec<T>}, the neuron's value at index uid. */
    SUBNET_VECTOR,
    /** {@code entry(netuid, uid)}. */
    NETUID_UID,
    /** {@code entry(hotkey, netuid)}. */
    HOTKEY_NETUID,
    /** {@code entry(hotkey)}. */
    HOTKEY,
    /** {@code entry(netuid, hotkey)}. */
    NETUID_HOTKEY
  }

  final String metric;
  final String entry;
  final Source source;
  final Conversion conversion;
  final String help;

  NeuronField(String metric, String entry, Source source, Conversion conversion, String help) {
    this.metric = metric;
    this.entry = entry;
    this.source = source;
    this.conversion = conversion;
    this.help = help;
  }
}
