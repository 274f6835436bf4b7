package io.taoprom.chain.discovery;

/** Why a {@code PrometheusInfo} entry on chain was not turned into a target. */
public enum SkipReason {
  /** The address is 0: the neuron never served one, or reset it. */
  IP_ZERO("ip 0"),
  /** The port is 0: nothing to scrape. */
  PORT_ZERO("port 0"),
  /** ip_type is neither 4 nor 6, or the value does not fit its type. */
  INVALID_ADDRESS("an invalid address"),
  /** The entry is still stored but its hotkey has no uid on the subnet any more (deregistered). */
  NOT_REGISTERED("a hotkey no longer registered");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** Words for a summary line: "ip 0", "port 0", … */
  public String description() {
    return description;
  }
}
