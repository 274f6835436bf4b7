package io.taoprom.chain.rpc;

import io.taoprom.chain.ChainException;
import java.net.URI;

/**
 * No answer came: the connection could not be opened, dropped, or the client was closed.
 * {@link #maybeDelivered()} says whether the request may have reached the node — what decides
 * if an {@link Delivery#AT_MOST_ONCE at-most-once} submission can be sent again without a
 * re-check.
 */
public class RpcTransportException extends ChainException {

  private static final long serialVersionUID = 1L;

  private final URI endpoint;
  private final String method;
  private final boolean maybeDelivered;

  public RpcTransportException(URI endpoint, String method, boolean maybeDelivered, String message,
      Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.method = method;
    this.maybeDelivered = maybeDelivered;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The method of the request that failed, or null for a failure of the connection itself. */
  public String method() {
    return method;
  }

  /**
   * True when the request was handed to the connection before it failed, so the node may have
   * received (and acted on) it; false when it provably never left this process.
   */
  public boolean maybeDelivered() {
    return maybeDelivered;
  }
}
