package io.taoprom.chain.registration;

/**
 * What a registration's messages refer to when they tell the caller what to change: the inputs of
 * a registration (netuid, hotkey, address, port, version, …) and the two things to do next (read
 * the status, ask for more detail). The SDK names them in plain words ({@link ParameterNames#PLAIN});
 * a program with its own vocabulary, such as the CLI with its flags, passes a {@link
 * ParameterNames} that says them its way.
 *
 * <pre>{@code
 * ParameterNames.PLAIN.of(Parameter.IP);   // "ip"
 * }</pre>
 */
public enum Parameter {
  /** Which chain: a network name or a node URL. */
  NETWORK("network"),
  /** The subnet. */
  NETUID("netuid"),
  /** The hotkey that signs, however it is given. */
  HOTKEY("hotkey"),
  /** Where a hotkey's secret can come from, for a hotkey given without one. */
  HOTKEY_SECRET("a secret URI or a wallet"),
  /** A secret URI ({@code //Alice}, a phrase with derivations). */
  SECRET_URI("secret URI"),
  /** The hotkey's SS58 address (reading only). */
  HOTKEY_ADDRESS("hotkey address"),
  /** The way to name a btcli wallet instead of a secret URI. */
  WALLET("a wallet"),
  /** The directory that holds btcli wallets. */
  WALLET_PATH("wallet path"),
  /** The wallet's name. */
  WALLET_NAME("wallet name"),
  /** The hotkey's name in the wallet. */
  WALLET_HOTKEY("wallet hotkey"),
  /** The address to register. */
  IP("ip"),
  /** The address type, 4 or 6. */
  IP_TYPE("ip_type"),
  /** The port to register. */
  PORT("port"),
  /** The version number to register. */
  VERSION("version"),
  /** Waiting for the serving rate limit instead of reporting it. */
  WAIT_RATE_LIMIT("waitRateLimit"),
  /** How to see what the chain holds, as an imperative ("call Registrar.status"). */
  STATUS("call Registrar.status"),
  /** How to get more detail about a failure, as a phrase after "run again". */
  DEBUG("with debug logging");

  private final String plain;

  Parameter(String plain) {
    this.plain = plain;
  }

  /** The SDK's own words for it. */
  public String plain() {
    return plain;
  }
}
