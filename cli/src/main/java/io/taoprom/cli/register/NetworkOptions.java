package io.taoprom.cli.register;

import io.taoprom.cli.chain.ChainConversation;
import io.taoprom.cli.chain.ChainOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --network finney|test|local|URL} and how to talk to it ({@link ChainOptions}: deadline,
 * timeouts, retries, message cap), as a picocli mixin.
 *
 * <pre>{@code
 * @Mixin NetworkOptions network;
 * try (ChainConversation chain = network.converse(spec)) { chain.call(() -> ...); }
 * }</pre>
 */
public final class NetworkOptions {

  @Option(names = "--network", paramLabel = "NETWORK", required = true,
      description = "finney (wss://entrypoint-finney.opentensor.ai:443), test (wss://test.finney.opentensor.ai:443),"
          + " local (ws://127.0.0.1:9944), archive (wss://archive.chain.opentensor.ai:443) or a ws://, wss://, http://"
          + " or https:// URL.")
  String network;

  @Mixin ChainOptions chain;

  /** The conversation with the chosen network; nothing is sent until it is used. */
  public ChainConversation converse(CommandSpec spec) {
    return ChainConversation.open(chain, network, spec);
  }

  /** The value given, for messages. */
  public String name() {
    return network;
  }
}
