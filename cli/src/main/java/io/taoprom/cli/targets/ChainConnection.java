package io.taoprom.cli.targets;

import io.taoprom.chain.subtensor.Network;

/**
 * How a {@code --network} value is named in messages. (Connections are opened by
 * {@link io.taoprom.cli.chain.ChainOptions}.)
 *
 * <pre>{@code
 * ChainConnection.describe("finney"); // finney (wss://entrypoint-finney.opentensor.ai:443)
 * }</pre>
 */
public final class ChainConnection {

  private ChainConnection() {}

  /** The address a {@code --network} value stands for, for messages. */
  public static String describe(String network) {
    Network.Endpoint e = Network.resolve(network);
    return e.name().equals(e.uri().toString()) ? e.uri().toString() : e.name() + " (" + e.uri() + ")";
  }
}
