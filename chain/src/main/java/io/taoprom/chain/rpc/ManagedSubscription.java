package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A subscription as the caller sees it: it outlives connections. Each connection it lives on
 * gives it a new node-side id; notifications reach the listener in order on the callback pool.
 */
final class ManagedSubscription implements Subscription {

  final String method;
  final List<?> params;
  final String unsubscribeMethod;
  final Delivery delivery;
  private final SubscriptionListener listener;
  private final SerialExecutor serial;
  private final WebSocketRpcClient client;
  private volatile WebSocketConnection connection;
  private volatile String id;
  private volatile boolean active = true;

  ManagedSubscription(WebSocketRpcClient client, String method, List<?> params,
      String unsubscribeMethod, Delivery delivery, SubscriptionListener listener) {
    this.client = client;
    this.method = method;
    this.params = params;
    this.unsubscribeMethod = unsubscribeMethod;
    this.delivery = delivery;
    this.listener = listener;
    this.serial = new SerialExecutor(client.callbacks);
  }

  /** Called on the reader when the node confirmed the subscription on {@code conn}. */
  void attach(WebSocketConnection conn, String subscriptionId) {
    this.connection = conn;
    this.id = subscriptionId;
    if (!active) {
      // Unsubscribed while the subscribe request was in flight: drop it on the node too.
      conn.forget(subscriptionId);
      conn.call(unsubscribeMethod, List.of(subscriptionId), client.settings.requestTimeout(), null);
    }
  }

  void deliver(JsonNode result) {
    if (active) {
      serial.execute(() -> {
        if (active) {
          listener.onNotification(result);
        }
      });
    }
  }

  void resubscribed() {
    serial.execute(listener::onResubscribed);
  }

  /** Ends the subscription with {@code error}; nothing follows. */
  void fail(Exception error) {
    if (active) {
      active = false;
      serial.execute(() -> listener.onError(error));
    }
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean isActive() {
    return active;
  }

  @Override
  public void markEnded() {
    active = false;
    WebSocketConnection conn = connection;
    String current = id;
    if (conn != null && current != null) {
      conn.forget(current);
    }
  }

  @Override
  public CompletableFuture<Void> unsubscribe() {
    active = false;
    WebSocketConnection conn = connection;
    String current = id;
    if (conn == null || current == null || !conn.isOpen()) {
      return CompletableFuture.completedFuture(null);
    }
    conn.forget(current);
    return conn.call(unsubscribeMethod, List.of(current), client.settings.requestTimeout(), null)
        .handle((r, e) -> null);
  }

  @Override
  public String toString() {
    return method + "#" + id;
  }
}
