package io.taoprom.chain.rpc;

/**
 * What the client may do with a request when the transport fails before an answer arrives.
 *
 * <p>Reads are idempotent: asking twice costs nothing, so they are {@link #AT_LEAST_ONCE} and
 * are re-sent after a reconnect or timeout. A submission is {@link #AT_MOST_ONCE}: once it may
 * have reached the node it is never re-sent by the client, because a second copy could be a
 * second transaction (or, with the same nonce, a confusing {@code 1010 stale}). The caller
 * re-checks the nonce, the storage it meant to change, or the extrinsic hash in a block before
 * deciding to submit again. A request that provably never left (the connection could not be
 * opened) is retried under both modes.
 */
public enum Delivery {
  /** Idempotent: re-sent after a transport failure, within the {@link RetryPolicy}. */
  AT_LEAST_ONCE,
  /** A submission: fails with {@link RpcTransportException#maybeDelivered()} instead of resending. */
  AT_MOST_ONCE
}
