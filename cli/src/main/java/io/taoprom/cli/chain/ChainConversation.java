package io.taoprom.cli.chain;

import io.taoprom.chain.subtensor.Network;
import io.taoprom.chain.subtensor.Subtensor;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One command's conversation with its node: the client the {@link ChainOptions} describe, the
 * deadline of {@code --chain.timeout} around everything the command asks, and the progress lines
 * on stderr while it waits. The one way {@code register}, {@code status} and {@code targets}
 * open a connection.
 *
 * <pre>{@code
 * try (ChainConversation chain = ChainConversation.open(options, "finney", spec)) {
 *   RegistrationStatus s = chain.call(() -> Registrar.over(chain.subtensor()).status(key, 27, null, null, null));
 * }
 * }</pre>
 */
public final class ChainConversation implements AutoCloseable {

  private final ChainOptions options;
  private final Subtensor subtensor;
  private final WaitProgress progress;

  private ChainConversation(ChainOptions options, Subtensor subtensor, WaitProgress progress) {
    this.options = options;
    this.subtensor = subtensor;
    this.progress = progress;
  }

  /**
   * Opens (lazily: nothing is sent yet) the conversation of {@code spec}'s command with {@code
   * network}; a bad {@code --network} or {@code --chain.*} value is a command-line error.
   */
  public static ChainConversation open(ChainOptions options, String network, CommandSpec spec) {
    Network.Endpoint endpoint = ChainOptions.resolve(network, spec);
    WaitProgress progress = WaitProgress.start(spec.commandLine().getErr(), io.taoprom.cli.log.ConsoleLog.source(spec), endpoint.uri());
    try {
      return new ChainConversation(options, options.open(network, progress, spec), progress);
    } catch (RuntimeException e) {
      progress.close();
      throw e;
    }
  }

  public Subtensor subtensor() {
    return subtensor;
  }

  /** Runs {@code work} within a fresh deadline of {@code --chain.timeout}. */
  public <T> T call(Supplier<T> work) {
    return options.deadline().call(work);
  }

  /** What to add to a failure's message: the option that bounded it, if one did. */
  public String hint(Throwable failure) {
    return options.hint(failure);
  }

  /** The same for a failure known by its message only. */
  public String hint(String message) {
    return options.hint(message);
  }

  @Override
  public void close() {
    try {
      subtensor.close();
    } finally {
      progress.close();
    }
  }
}
