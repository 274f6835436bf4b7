/**
 * JSON-RPC 2.0 over WebSocket and HTTP, the way a Substrate node speaks it: requests correlated
 * by id, subscriptions, connect and request timeouts, a {@link io.taoprom.chain.rpc.RetryPolicy}
 * with backoff, reconnects that re-establish subscriptions, and per-request
 * {@link io.taoprom.chain.rpc.Delivery} semantics so that a submission is never blindly sent
 * twice.
 *
 * <pre>{@code
 * try (RpcClient rpc = RpcClient.builder("wss://entrypoint-finney.opentensor.ai:443").build()) {
 *   JsonNode head = rpc.request("chain_getHeader");
 * }
 * }</pre>
 */
package io.taoprom.chain.rpc;
