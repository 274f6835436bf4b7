package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives the notifications of one subscription. Calls for one subscription come one at a time,
 * in order, on a thread of the client's callback pool (never the socket's reader), so a listener
 * may make blocking requests on the same client.
 */
public interface SubscriptionListener {

  /** The {@code result} of one notification. */
  void onNotification(JsonNode result);

  /**
   * The subscription ended because of a failure: the connection was lost and could not be
   * re-established within the retry policy, or (for an at-most-once subscription such as
   * {@code author_submitAndWatchExtrinsic}) it was lost at all. No further notifications follow.
   */
  default void onError(Exception error) {}

  /**
   * The connection was lost and the subscription re-established on a new one; notifications
   * sent in between (new heads, for example) were missed.
   */
  default void onResubscribed() {}
}
