package io.taoprom.chain.rpc;

import java.net.URI;
import java.time.Duration;

/**
 * Observes what an {@link RpcClient} does, for metrics and logs. The chain module knows nothing
 * of Prometheus; the CLI implements this interface and turns the calls into
 * {@code taoprom_chain_*} series. Every method has an empty default, so an implementation picks
 * what it needs. Calls come from the client's own threads and must return quickly.
 *
 * <pre>{@code
 * RpcClient rpc = RpcClient.builder(url)
 *     .listener(new RpcListener() {
 *       public void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {
 *         requests.labelValues(method, outcome.name()).inc();
 *       }
 *     })
 *     .build();
 * }</pre>
 */
public interface RpcListener {

  /** A listener that ignores everything. */
  RpcListener NONE = new RpcListener() {};

  /**
   * Attempt {@code attempt} (1-based, of at most {@code maxAttempts}) of {@code method} starts: it
   * connects if it must, sends and waits. {@link #onRequest} says how it ended.
   */
  default void onAttempt(String method, int attempt, int maxAttempts) {}

  /** One attempt of {@code method} ended with {@code outcome} after {@code took}. */
  default void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {}

  /** Attempt {@code nextAttempt} of {@code method} follows in {@code delay}, after {@code cause}. */
  default void onRetry(String method, int nextAttempt, Duration delay, Exception cause) {}

  /** A connection to {@code endpoint} was opened. */
  default void onConnected(URI endpoint) {}

  /** The connection to {@code endpoint} was lost (not by {@link RpcClient#close()}). */
  default void onDisconnected(URI endpoint, Throwable cause) {}

  /** A subscription made with {@code method} was re-established after a reconnect. */
  default void onResubscribed(String method) {}

  /**
   * A frame that matched no pending request or subscription, was not JSON-RPC, or was refused
   * for its size. {@code summary} quotes the node's text only escaped and cut short.
   */
  default void onUnexpectedMessage(URI endpoint, String summary) {}

  /** A new block was seen (reported by higher layers that follow the chain's head). */
  default void onBlock(long number) {}
}
