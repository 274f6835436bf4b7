package io.taoprom.chainmetrics.metagraph;

/**
 * Expected expositions of the metagraph collector, over {@link FakeMetagraph}'s subnet: each value
 * follows from the formula in {@link FakeMetagraph#write} (uid 1's incentive is 2000 / 65535,
 * its emission 1.0 alpha, its stake 20 alpha, ...).
 */
final class MetagraphGolden {

  private MetagraphGolden() {}

  /** Netuid 1 with three neurons (//Alice, //Bob, //Charlie, all owned by //Ferdie) at block 100, runtime 343. */
  static final String THREE_NEURONS = """
      # HELP bittensor_chain_best_block The chain's best block when the metagraph was last read.
      # TYPE bittensor_chain_best_block gauge
      bittensor_chain_best_block 100.0
      # HELP bittensor_chain_finalized_block The chain's last finalized block when the metagraph was last read.
      # TYPE bittensor_chain_finalized_block gauge
      bittensor_chain_finalized_block 100.0
      # HELP bittensor_metagraph_block The block the served metagraph was read at.
      # TYPE bittensor_metagraph_block gauge
      bittensor_metagraph_block 100.0
      # HELP bittensor_metagraph_last_refresh_timestamp_seconds When the served metagraph was read, in seconds since the epoch.
      # TYPE bittensor_metagraph_last_refresh_timestamp_seconds gauge
      bittensor_metagraph_last_refresh_timestamp_seconds 1.7966088E9
      # HELP bittensor_neuron_active Whether the chain counts the neuron as active: 1 yes, 0 no.
      # TYPE bittensor_neuron_active gauge
      bittensor_neuron_active{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.0
      bittensor_neuron_active{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 1.0
      bittensor_neuron_active{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 1.0
      # HELP bittensor_neuron_axon_served Whether the neuron has served an axon endpoint (non-zero ip) on the subnet: 1 yes, 0 no.
      # TYPE bittensor_neuron_axon_served gauge
      bittensor_neuron_axon_served{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.0
      bittensor_neuron_axon_served{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.0
      bittensor_neuron_axon_served{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 1.0
      # HELP bittensor_neuron_consensus_ratio The neuron's consensus (the chain's u16 / 65535).
      # TYPE bittensor_neuron_consensus_ratio gauge
      bittensor_neuron_consensus_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.12207217517357137
      bittensor_neuron_consensus_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.18310826276035705
      bittensor_neuron_consensus_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.061036087586785685
      # HELP bittensor_neuron_dividends_ratio The neuron's dividends (the chain's u16 / 65535).
      # TYPE bittensor_neuron_dividends_ratio gauge
      bittensor_neuron_dividends_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.061036087586785685
      bittensor_neuron_dividends_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.09155413138017852
      bittensor_neuron_dividends_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.030518043793392843
      # HELP bittensor_neuron_emission_alpha The neuron's emission in the last tempo, in the subnet's alpha tokens.
      # TYPE bittensor_neuron_emission_alpha gauge
      bittensor_neuron_emission_alpha{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 1.0
      bittensor_neuron_emission_alpha{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 1.5
      bittensor_neuron_emission_alpha{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.5
      # HELP bittensor_neuron_incentive_ratio The neuron's incentive (the chain's u16 / 65535).
      # TYPE bittensor_neuron_incentive_ratio gauge
      bittensor_neuron_incentive_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.030518043793392843
      bittensor_neuron_incentive_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.04577706569008926
      bittensor_neuron_incentive_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.015259021896696421
      # HELP bittensor_neuron_info A neuron of the subnet, by uid and hotkey, with its owner's coldkey; always 1.
      # TYPE bittensor_neuron_info gauge
      bittensor_neuron_info{coldkey="5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 1.0
      bittensor_neuron_info{coldkey="5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 1.0
      bittensor_neuron_info{coldkey="5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 1.0
      # HELP bittensor_neuron_last_update_block The block at which the neuron last set weights.
      # TYPE bittensor_neuron_last_update_block gauge
      bittensor_neuron_last_update_block{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 901.0
      bittensor_neuron_last_update_block{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 902.0
      bittensor_neuron_last_update_block{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 900.0
      # HELP bittensor_neuron_prometheus_served Whether the neuron has served a Prometheus endpoint (non-zero ip) on the subnet: 1 yes, 0 no.
      # TYPE bittensor_neuron_prometheus_served gauge
      bittensor_neuron_prometheus_served{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.0
      bittensor_neuron_prometheus_served{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.0
      bittensor_neuron_prometheus_served{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 1.0
      # HELP bittensor_neuron_rank_ratio The neuron's rank (the chain's u16 / 65535).
      # TYPE bittensor_neuron_rank_ratio gauge
      bittensor_neuron_rank_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.15259021896696423
      bittensor_neuron_rank_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.22888532845044632
      bittensor_neuron_rank_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.07629510948348212
      # HELP bittensor_neuron_registered_block The block at which the neuron's hotkey registered on the subnet.
      # TYPE bittensor_neuron_registered_block gauge
      bittensor_neuron_registered_block{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 101.0
      bittensor_neuron_registered_block{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 102.0
      bittensor_neuron_registered_block{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 100.0
      # HELP bittensor_neuron_stake_alpha Stake on the neuron's hotkey on this subnet, in the subnet's alpha tokens.
      # TYPE bittensor_neuron_stake_alpha gauge
      bittensor_neuron_stake_alpha{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 20.0
      bittensor_neuron_stake_alpha{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 30.0
      bittensor_neuron_stake_alpha{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 10.0
      # HELP bittensor_neuron_trust_ratio The neuron's trust (the chain's u16 / 65535).
      # TYPE bittensor_neuron_trust_ratio gauge
      bittensor_neuron_trust_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.09155413138017852
      bittensor_neuron_trust_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.1373311970702678
      bittensor_neuron_trust_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.04577706569008926
      # HELP bittensor_neuron_validator_permit Whether the neuron holds a validator permit: 1 yes, 0 no.
      # TYPE bittensor_neuron_validator_permit gauge
      bittensor_neuron_validator_permit{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.0
      bittensor_neuron_validator_permit{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 1.0
      bittensor_neuron_validator_permit{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 1.0
      # HELP bittensor_neuron_validator_trust_ratio The neuron's validator trust (the chain's u16 / 65535).
      # TYPE bittensor_neuron_validator_trust_ratio gauge
      bittensor_neuron_validator_trust_ratio{hotkey="5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",netuid="1",uid="1"} 0.18310826276035705
      bittensor_neuron_validator_trust_ratio{hotkey="5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",netuid="1",uid="2"} 0.2746623941405356
      bittensor_neuron_validator_trust_ratio{hotkey="5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",netuid="1",uid="0"} 0.09155413138017852
      # HELP bittensor_subnet_blocks_since_last_step Blocks since the subnet's last epoch.
      # TYPE bittensor_subnet_blocks_since_last_step gauge
      bittensor_subnet_blocks_since_last_step{netuid="1"} 17.0
      # HELP bittensor_subnet_immunity_period_blocks Blocks a new neuron is safe from deregistration.
      # TYPE bittensor_subnet_immunity_period_blocks gauge
      bittensor_subnet_immunity_period_blocks{netuid="1"} 5000.0
      # HELP bittensor_subnet_max_neurons The most neurons the subnet allows.
      # TYPE bittensor_subnet_max_neurons gauge
      bittensor_subnet_max_neurons{netuid="1"} 256.0
      # HELP bittensor_subnet_neurons Neurons registered on the subnet.
      # TYPE bittensor_subnet_neurons gauge
      bittensor_subnet_neurons{netuid="1"} 3.0
      # HELP bittensor_subnet_registration_cost_tao What a registration on the subnet burns, in TAO.
      # TYPE bittensor_subnet_registration_cost_tao gauge
      bittensor_subnet_registration_cost_tao{netuid="1"} 1.5
      # HELP bittensor_subnet_serving_rate_limit_blocks Blocks that must pass between two serves of one hotkey on the subnet.
      # TYPE bittensor_subnet_serving_rate_limit_blocks gauge
      bittensor_subnet_serving_rate_limit_blocks{netuid="1"} 50.0
      # HELP bittensor_subnet_tempo_blocks Blocks between two epochs of the subnet.
      # TYPE bittensor_subnet_tempo_blocks gauge
      bittensor_subnet_tempo_blocks{netuid="1"} 360.0
      # HELP taoprom_metagraph_refresh_success Whether the latest refresh of the metagraph succeeded: 1 yes, 0 no (the last good one is served).
      # TYPE taoprom_metagraph_refresh_success gauge
      taoprom_metagraph_refresh_success 1.0
      # HELP taoprom_metagraph_storage_entry_missing A storage entry the metagraph reads that this runtime lacks or holds in another type; its series are left out.
      # TYPE taoprom_metagraph_storage_entry_missing gauge
      taoprom_metagraph_storage_entry_missing{entry="SubtensorModule.TotalHotkeyStake"} 1.0
      """;
}
