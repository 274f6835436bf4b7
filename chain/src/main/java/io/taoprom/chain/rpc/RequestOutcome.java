package io.taoprom.chain.rpc;

/** How one attempt of a request ended, as reported to an {@link RpcListener}. */
public enum RequestOutcome {
  /** A {@code result} came back. */
  SUCCESS,
  /** The node answered with a JSON-RPC error object. */
  RPC_ERROR,
  /** The connection failed or closed before an answer. */
  TRANSPORT_ERROR,
  /** The request (or connect) timeout ran out. */
  TIMEOUT,
  /** The answer was not valid JSON-RPC. */
  PROTOCOL_ERROR
}
