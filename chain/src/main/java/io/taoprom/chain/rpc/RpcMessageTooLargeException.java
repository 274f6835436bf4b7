package io.taoprom.chain.rpc;

import java.net.URI;

/**
 * A message from the node broke a limit of this client — its size ({@link
 * RpcClient.Builder#maxMessageBytes}), or once parsed its longest string, number of tokens or
 * depth, which follow from that size — and was refused while it arrived, before it could cost
 * more memory. The connection it came on is dropped; like any transport failure, a read is
 * retried (on a new connection) within the {@link RetryPolicy}, and a submission is not re-sent.
 */
public class RpcMessageTooLargeException extends RpcTransportException {

  private static final long serialVersionUID = 1L;

  private final long limitBytes;

  public RpcMessageTooLargeException(URI endpoint, String method, boolean maybeDelivered, long limitBytes,
      String message) {
    super(endpoint, method, maybeDelivered, message, null);
    this.limitBytes = limitBytes;
  }

  /** The size cap in force, in bytes. */
  public long limitBytes() {
    return limitBytes;
  }
}
