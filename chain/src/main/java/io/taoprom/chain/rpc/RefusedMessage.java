package io.taoprom.chain.rpc;

/**
 * Why a {@link MessageReader} stopped reading a message: it broke one of the {@link MessageLimits}
 * or it is not one JSON value. The transports turn it into the public exceptions: a message too
 * large is a transport failure (the connection is dropped, reads are retried on a new one),
 * a malformed one a protocol failure.
 */
final class RefusedMessage extends Exception {

  private static final long serialVersionUID = 1L;

  /** What was wrong. */
  enum Reason {
    /** Over a limit: bytes, string length, tokens or depth. */
    TOO_LARGE,
    /** Not one well-formed JSON value. */
    MALFORMED
  }

  private final Reason reason;

  RefusedMessage(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
