package io.taoprom.cli.register;

import io.taoprom.chain.subtensor.Network;
import io.taoprom.chain.subtensor.Subtensor;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --network finney|test|local|URL} and the connection's timeouts, as a picocli mixin.
 *
 * <pre>{@code
 * @Mixin NetworkOptions network;
 * try (Subtensor subtensor = network.connect(spec)) { ... }
 * }</pre>
 */
public final class NetworkOptions {

  @Option(names = "--network", paramLabel = "NETWORK", required = true,
      description = "finney (wss://entrypoint-finney.opentensor.ai:443), test (wss://test.finney.opentensor.ai:443),"
          + " local (ws://127.0.0.1:9944) or a ws://, wss://, http:// or https:// URL.")
  String network;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "Deadline for connecting to the node (default: ${DEFAULT-VALUE}).")
  double connectTimeoutSeconds;

  /** A client for the chosen network; nothing is sent until it is used. */
  public Subtensor connect(CommandSpec spec) {
    try {
      Network.resolve(network);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --network: " + e.getMessage());
    }
    return Subtensor.builder().network(network)
        .connectTimeout(Duration.ofMillis(Math.max(1, Math.round(connectTimeoutSeconds * 1000)))).build();
  }

  /** The value given, for messages. */
  public String name() {
    return network;
  }
}
