package io.taoprom.chain.subtensor;

import io.taoprom.core.keys.Ss58;

/**
 * One hotkey's Prometheus endpoint on a subnet, as service discovery hands it to Prometheus.
 *
 * @param netuid the subnet
 * @param hotkey the hotkey's account id (32 bytes)
 * @param info what is on chain
 */
public record PrometheusEndpoint(int netuid, byte[] hotkey, PrometheusInfo info) {

  /** The hotkey as an SS58 address (prefix 42). */
  public String hotkeySs58() {
    return Ss58.encode(hotkey, Ss58.BITTENSOR);
  }

  @Override
  public String toString() {
    return "netuid " + netuid + " " + hotkeySs58() + " " + info;
  }
}
