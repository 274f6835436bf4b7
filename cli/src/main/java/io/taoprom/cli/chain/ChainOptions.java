package io.taoprom.cli.chain;

import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcDeadlineException;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.rpc.RpcMessageTooLargeException;
import io.taoprom.chain.subtensor.Network;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.cli.targets.DurationConverter;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How every chain command talks to its node — {@code register}, {@code status}, {@code targets},
 * {@code serve --register} and {@code serve --sd.netuid} — as one picocli mixin: the deadline of
 * the whole conversation, the timeouts of each connect and request, the retry policy and the
 * largest message accepted.
 *
 * <pre>
 * $ taoprom status --network ws://10.0.0.5:9944 --netuid 27 --hotkey 5F… --chain.timeout 30s \
 *     --chain.request-timeout 5s --chain.retry.attempts 5 --chain.retry.delay 500ms
 * </pre>
 *
 * <pre>{@code
 * @Mixin ChainOptions chain;
 * try (Subtensor s = chain.open("finney", RpcListener.NONE, spec)) {
 *   chain.deadline().call(() -> s.currentBlock());
 * }
 * }</pre>
 */
public final class ChainOptions {

  @Option(names = "--chain.timeout", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
      description = "The longest a command talks to the chain in all: connecting, every request, every retry"
          + " (default: ${DEFAULT-VALUE}). Waits asked for (--wait, --wait-rate-limit) do not count. In serve, the"
          + " bound of each registration round and each /sd read.")
  Duration timeout;

  @Option(names = "--chain.connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
      converter = DurationConverter.class,
      description = "How long one connect may take: TCP, TLS and the WebSocket handshake (default: ${DEFAULT-VALUE}).")
  Duration connectTimeout;

  /** The name register and status had before the --chain.* options; kept so that scripts still run. */
  @Option(names = "--connect-timeout", paramLabel = "SECONDS", hidden = true, converter = DurationConverter.class)
  Duration legacyConnectTimeout;

  @Option(names = "--chain.request-timeout", paramLabel = "DURATION", defaultValue = "10s",
      converter = DurationConverter.class,
      description = "How long one attempt of a request waits for its answer (default: ${DEFAULT-VALUE}).")
  Duration requestTimeout;

  @Option(names = "--chain.retry.attempts", paramLabel = "N", defaultValue = "3",
      description = "Attempts of a read in all, after connection failures and timeouts (default: ${DEFAULT-VALUE});"
          + " a submission that may have reached the node is never sent again.")
  int attempts;

  @Option(names = "--chain.retry.delay", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
      description = "The wait before the second attempt (default: ${DEFAULT-VALUE}).")
  Duration firstDelay;

  @Option(names = "--chain.retry.backoff", paramLabel = "FACTOR", defaultValue = "2",
      description = "What each further wait is multiplied by (default: ${DEFAULT-VALUE}).")
  double backoff;

  @Option(names = "--chain.retry.max-delay", paramLabel = "DURATION", defaultValue = "4s",
      converter = DurationConverter.class, description = "The longest wait between attempts (default: ${DEFAULT-VALUE}).")
  Duration maxDelay;

  @Option(names = "--chain.max-message-size", paramLabel = "SIZE", defaultValue = "16MiB",
      converter = ByteSizeConverter.class,
      description = "The largest answer accepted from the node, counted while it arrives (default: ${DEFAULT-VALUE};"
          + " at least 64KiB). A larger one drops the connection and the read is retried.")
  int maxMessageBytes;

  /** The deadline of the whole conversation ({@code --chain.timeout}). */
  public Duration timeout() {
    return timeout;
  }

  /** A fresh deadline of {@code --chain.timeout}, starting now. */
  public Deadline deadline() {
    return Deadline.after(timeout);
  }

  /** Overrides {@code --chain.request-timeout} (for {@code targets --timeout}, its older name). */
  public void requestTimeout(Duration t) {
    this.requestTimeout = t;
  }

  /** The retry policy the options describe; a wrong combination is a command-line error. */
  public RetryPolicy retryPolicy(CommandSpec spec) {
    try {
      return new RetryPolicy(attempts, firstDelay, backoff, maxDelay, 0.0);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --chain.retry.* options: " + e.getMessage()
          .replace("maxAttempts", "--chain.retry.attempts").replace("maxDelay", "--chain.retry.max-delay")
          .replace("firstDelay", "--chain.retry.delay").replace("multiplier", "--chain.retry.backoff"));
    }
  }

  /** Checks the options; a wrong one is a command-line error naming it. */
  public void validate(CommandSpec spec) {
    retryPolicy(spec);
    if (maxMessageBytes < 64 << 10) {
      throw new ParameterException(spec.commandLine(), "--chain.max-message-size " + maxMessageBytes
          + " is below the 64KiB the client needs at least");
    }
  }

  /**
   * The node a {@code --network} value stands for; a value that is neither a network name nor a
   * node URL is a command-line error.
   */
  public static Network.Endpoint resolve(String network, CommandSpec spec) {
    try {
      return Network.resolve(network);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --network: " + e.getMessage());
    }
  }

  /**
   * How a {@code --network} value is named in messages: {@code finney
   * (wss://entrypoint-finney.opentensor.ai:443)}, or the URL itself.
   *
   * @throws IllegalArgumentException when it is neither a network name nor a node URL
   */
  public static String describe(String network) {
    Network.Endpoint e = Network.resolve(network);
    return e.name().equals(e.uri().toString()) ? e.uri().toString() : e.name() + " (" + e.uri() + ")";
  }

  /**
   * A client for {@code network} (finney, test, archive, local or a URL) with these options: the one
   * way the CLI opens a chain connection ({@link ChainConversation} wraps it for one command).
   * Connects lazily: a node that is down fails the first request, within the deadline, not this call.
   */
  public Subtensor open(String network, RpcListener listener, CommandSpec spec) {
    validate(spec);
    resolve(network, spec);
    return Subtensor.builder().network(network).listener(listener)
        .connectTimeout(legacyConnectTimeout != null ? legacyConnectTimeout : connectTimeout)
        .requestTimeout(requestTimeout).retryPolicy(retryPolicy(spec)).maxMessageBytes(maxMessageBytes).build();
  }

  /**
   * What to add to a failure's message so that the user knows which option bounded it: the
   * deadline or the message cap; empty for other failures.
   */
  public String hint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RpcDeadlineException) {
        return deadlineHint();
      }
      if (t instanceof RpcMessageTooLargeException) {
        return sizeHint();
      }
    }
    return "";
  }

  /**
   * The same for a failure known only by its message (a registration outcome, which carries the
   * chain module's words, not the exception).
   */
  public String hint(String message) {
    if (message == null) {
      return "";
    }
    if (message.contains("gave up at the deadline")) {
      return deadlineHint();
    }
    return message.contains(" was refused: it exceeds") ? sizeHint() : "";
  }

  private String deadlineHint() {
    return "; the whole conversation with the node is bounded by --chain.timeout (" + describe(timeout)
        + "): raise it for a slow link";
  }

  private String sizeHint() {
    return "; answers over --chain.max-message-size (" + size(maxMessageBytes) + ") are refused";
  }

  static String size(int bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "MiB";
    }
    return bytes % (1 << 10) == 0 ? (bytes >> 10) + "KiB" : bytes + " bytes";
  }

  static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : String.format(Locale.ROOT, "%.3fs", ms / 1000.0).replaceAll("0+s$", "s");
  }
}
