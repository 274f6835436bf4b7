package io.taoprom.cli.targets;

import io.taoprom.cli.CommandFailure;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.subtensor.Network;
import io.taoprom.chain.subtensor.Subtensor;
import java.time.Duration;

/**
 * Opens the {@link Subtensor} client for a {@code --network} value, turning a bad value into the
 * one-line error the CLI prints.
 *
 * <pre>{@code
 * try (Subtensor s = ChainConnection.open("finney", RpcListener.NONE, Duration.ofSeconds(30))) { ... }
 * }</pre>
 */
public final class ChainConnection {

  private ChainConnection() {}

  /**
   * A client for {@code network} (finney, test, local or a URL). Connects lazily: a node that is
   * down fails the first request, not this call.
   *
   * @param requestTimeout per attempt; the retry policy is the chain module's default
   */
  public static Subtensor open(String network, RpcListener listener, Duration requestTimeout) {
    try {
      Network.resolve(network);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage() + " (--network)", e);
    }
    return Subtensor.builder().network(network).listener(listener)
        .connectTimeout(Duration.ofSeconds(5)).requestTimeout(requestTimeout)
        .retryPolicy(RetryPolicy.defaults()).build();
  }

  /** The address a {@code --network} value stands for, for messages. */
  public static String describe(String network) {
    Network.Endpoint e = Network.resolve(network);
    return e.name().equals(e.uri().toString()) ? e.uri().toString() : e.name() + " (" + e.uri() + ")";
  }
}
