package io.taoprom.chain.rpc;

import java.net.URI;
import java.time.Duration;

/**
 * The {@link Deadline} bound to the caller's thread was spent before the node answered: the
 * request (and its retries) stopped there. {@link #timeout()} is the deadline's whole budget;
 * the message says what the node did not do (complete a WebSocket handshake, answer a method)
 * and for how long.
 */
public class RpcDeadlineException extends RpcTimeoutException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  public RpcDeadlineException(URI endpoint, String method, boolean maybeDelivered, Duration budget, int attempts,
      String message, Throwable lastFailure) {
    super(endpoint, method, maybeDelivered, budget, message, lastFailure);
    this.attempts = attempts;
  }

  /** Attempts made before the deadline (0 when it was spent before the first). */
  public int attempts() {
    return attempts;
  }
}
