package io.taoprom.chain.rpc;

import java.net.URI;
import java.time.Duration;

/** A connect or request timeout ran out before the node answered. */
public class RpcTimeoutException extends RpcTransportException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  public RpcTimeoutException(URI endpoint, String method, boolean maybeDelivered, Duration timeout,
      String message) {
    this(endpoint, method, maybeDelivered, timeout, message, null);
  }

  public RpcTimeoutException(URI endpoint, String method, boolean maybeDelivered, Duration timeout,
      String message, Throwable cause) {
    super(endpoint, method, maybeDelivered, message, cause);
    this.timeout = timeout;
  }

  /** The timeout that ran out. */
  public Duration timeout() {
    return timeout;
  }
}
