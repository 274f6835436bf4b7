package io.taoprom.chain.rpc;

import java.util.concurrent.CompletableFuture;

/**
 * A live subscription. {@link #id()} is the node's subscription id, which changes when the
 * subscription is re-established after a reconnect.
 */
public interface Subscription extends AutoCloseable {

  /** The method that created it, for example {@code chain_subscribeNewHeads}. */
  String method();

  /** The node's current id for this subscription. */
  String id();

  /** Whether notifications may still come. */
  boolean isActive();

  /**
   * Stops the subscription: no further notifications are delivered, and the node is asked to
   * drop it (best effort when the connection is down). The future completes when the node
   * acknowledged, or at once when there is nothing to acknowledge.
   */
  CompletableFuture<Void> unsubscribe();

  /**
   * The node ended the subscription itself (for example after a final extrinsic status): stop
   * delivering and forget it, without a request to the node.
   */
  void markEnded();

  /** Same as {@link #unsubscribe()}, without waiting. */
  @Override
  default void close() {
    unsubscribe();
  }
}
