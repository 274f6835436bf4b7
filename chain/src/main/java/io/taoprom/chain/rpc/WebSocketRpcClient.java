package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * The WebSocket transport. It connects lazily and reconnects on demand: a request that finds no
 * open connection opens one (within the connect timeout); a lost connection fails what was
 * pending on it, re-sends reads under the retry policy, and re-establishes subscriptions.
 */
final class WebSocketRpcClient extends AbstractRpcClient {

  private final HttpClient http;
  private final Object connectLock = new Object();
  private CompletableFuture<WebSocketConnection> current;

  WebSocketRpcClient(ClientSettings settings) {
    super(settings);
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .executor(callbacks)
        .build();
  }

  @Override
  public boolean supportsSubscriptions() {
    return true;
  }

  /** The open connection, or a new one being opened. */
  CompletableFuture<WebSocketConnection> connection() {
    synchronized (connectLock) {
      if (closed) {
        return CompletableFuture.failedFuture(closedException(null));
      }
      if (current != null) {
        if (!current.isDone()) {
          return current;
        }
        if (!current.isCompletedExceptionally() && current.join().isOpen()) {
          return current;
        }
      }
      current = open();
      return current;
    }
  }

  private CompletableFuture<WebSocketConnection> open() {
    WebSocketConnection conn = new WebSocketConnection(this);
    Duration timeout = settings.connectTimeout();
    CompletableFuture<WebSocketConnection> opened = new CompletableFuture<>();
    http.newWebSocketBuilder()
        .connectTimeout(timeout)
        .buildAsync(settings.endpoint(), conn)
        // The JDK's own timeouts cover TCP and the handshake; this guards anything they miss.
        .orTimeout(timeout.toMillis() + 250, java.util.concurrent.TimeUnit.MILLISECONDS)
        .whenComplete((ws, error) -> {
          if (error == null) {
            settings.listener().onConnected(settings.endpoint());
            completeLater(opened, conn, null);
          } else {
            if (ws != null) {
              ws.abort();
            }
            completeLater(opened, null, connectFailure(unwrap(error), timeout));
          }
        });
    return opened;
  }

  private RpcTransportException connectFailure(Throwable error, Duration timeout) {
    String where = settings.endpoint().toString();
    if (error instanceof HttpTimeoutException || error instanceof TimeoutException) {
      return new RpcTimeoutException(settings.endpoint(), null, false, timeout,
          "cannot connect to " + where + ": no connection within " + timeout.toMillis()
              + " ms; check the address and that the node is reachable");
    }
    String why;
    if (error instanceof ConnectException) {
      why = "connection refused; is a node listening there?";
    } else if (error instanceof WebSocketHandshakeException h) {
      why = "the server refused the WebSocket upgrade (HTTP " + h.getResponse().statusCode()
          + "); is this a node's RPC port?";
    } else {
      why = Objects.toString(error.getMessage(), error.getClass().getSimpleName());
    }
    return new RpcTransportException(settings.endpoint(), null, false,
        "cannot connect to " + where + ": " + why, error);
  }

  @Override
  CompletableFuture<JsonNode> attempt(String method, List<?> params) {
    return connection()
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(relabel(unwrap(e), method)))
        .thenCompose(conn -> conn.call(method, params, settings.requestTimeout(), null));
  }

  @Override
  Stall stall(String method) {
    CompletableFuture<WebSocketConnection> c;
    synchronized (connectLock) {
      c = current;
    }
    if (c == null || !c.isDone()) {
      return new Stall("no WebSocket connection: the TCP connect or the WebSocket handshake with "
          + endpoint() + " has not completed", false);
    }
    if (!c.isCompletedExceptionally() && c.join().isOpen()) {
      return new Stall("the node completed the WebSocket handshake but has not answered " + method, true);
    }
    return new Stall("no open connection to " + endpoint(), false);
  }

  /** A connect failure, reported under the method that needed the connection. */
  private Throwable relabel(Throwable e, String method) {
    if (e instanceof RpcTimeoutException t) {
      return new RpcTimeoutException(t.endpoint(), method, false, t.timeout(),
          method + ": " + t.getMessage(), t);
    }
    if (e instanceof RpcTransportException t) {
      return new RpcTransportException(t.endpoint(), method, false, method + ": " + t.getMessage(), t);
    }
    return e;
  }

  @Override
  public CompletableFuture<Subscription> subscribeAsync(String method, List<?> params,
      String unsubscribeMethod, Delivery delivery, SubscriptionListener listener) {
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      return CompletableFuture.failedFuture(closedException(method));
    }
    ManagedSubscription sub = new ManagedSubscription(this, method, List.copyOf(params),
        unsubscribeMethod, delivery, listener);
    return establish(sub, delivery).thenApply(r -> sub);
  }

  private CompletableFuture<JsonNode> establish(ManagedSubscription sub, Delivery delivery) {
    return withRetries(sub.method, delivery, n -> connection()
        .exceptionallyCompose(e -> CompletableFuture.failedFuture(relabel(unwrap(e), sub.method)))
        .thenCompose(conn -> conn.call(sub.method, sub.params, settings.requestTimeout(), sub)));
  }

  /** Called by a connection that failed or was closed. */
  void connectionLost(WebSocketConnection conn, List<ManagedSubscription> orphaned, Exception cause,
      boolean clientClosing) {
    if (clientClosing || closed) {
      for (ManagedSubscription s : orphaned) {
        s.fail(closedException(s.method));
      }
      return;
    }
    settings.listener().onDisconnected(settings.endpoint(), cause);
    for (ManagedSubscription s : orphaned) {
      if (!s.isActive()) {
        continue;
      }
      if (s.delivery == Delivery.AT_MOST_ONCE) {
        s.fail(new RpcTransportException(settings.endpoint(), s.method, true, s.method + " on "
            + settings.endpoint() + " lost its connection (" + messageOf(cause) + "); what became of"
            + " the submission is unknown: look for it in the chain before submitting again", cause));
        continue;
      }
      establish(s, Delivery.AT_LEAST_ONCE).whenComplete((r, e) -> {
        if (e == null) {
          settings.listener().onResubscribed(s.method);
          s.resubscribed();
        } else {
          Throwable t = unwrap(e);
          s.fail(t instanceof Exception ex ? ex : new RuntimeException(t));
        }
      });
    }
  }

  private static String messageOf(Exception e) {
    return e == null ? "closed" : e.getMessage();
  }

  /** Drops the current connection abruptly, as a network failure would (for tests). */
  void dropConnectionForTest() {
    CompletableFuture<WebSocketConnection> c;
    synchronized (connectLock) {
      c = current;
    }
    if (c != null && c.isDone() && !c.isCompletedExceptionally()) {
      c.join().abort();
    }
  }

  @Override
  public void close() {
    CompletableFuture<WebSocketConnection> c;
    synchronized (connectLock) {
      if (closed) {
        return;
      }
      closed = true;
      c = current;
    }
    if (c != null) {
      c.whenComplete((conn, e) -> {
        if (conn != null) {
          conn.closeByClient();
        }
      });
    }
    shutdownThreads();
  }
}
