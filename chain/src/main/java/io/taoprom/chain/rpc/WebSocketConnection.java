package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.untrusted.Excerpt;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One open WebSocket: the requests waiting for an answer on it, the subscriptions whose
 * notifications arrive on it, and the reader that dispatches frames. When it fails, everything
 * pending on it fails at once and the client decides what to re-send.
 */
final class WebSocketConnection implements WebSocket.Listener {

  /** A request sent (or about to be sent) on this connection. */
  private static final class Pending {
    final String method;
    final CompletableFuture<JsonNode> future = new CompletableFuture<>();
    final ManagedSubscription subscription;
    volatile boolean written;
    volatile ScheduledFuture<?> timeout;

    Pending(String method, ManagedSubscription subscription) {
      this.method = method;
      this.subscription = subscription;
    }
  }

  private final WebSocketRpcClient client;
  private final URI endpoint;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, ManagedSubscription> subscriptions = new ConcurrentHashMap<>();
  private MessageReader incoming; // the message being read; only the socket's reader touches it
  private final Object sendLock = new Object();
  private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;
  private volatile boolean closed;

  WebSocketConnection(WebSocketRpcClient client) {
    this.client = client;
    this.endpoint = client.endpoint();
  }

  boolean isOpen() {
    return !closed && socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    this.socket = webSocket;
    webSocket.request(1);
  }

  /** Sends one request; the future completes with its result or its typed failure. */
  CompletableFuture<JsonNode> call(String method, List<?> params, Duration timeout,
      ManagedSubscription subscription) {
    if (!isOpen()) {
      return CompletableFuture.failedFuture(new RpcTransportException(endpoint, method, false,
          method + ": the connection to " + endpoint + " is closed", null));
    }
    long id = client.nextId();
    String frame = JsonRpc.request(id, method, params);
    Pending p = new Pending(method, subscription);
    pending.put(id, p);
    try {
      p.timeout = client.timer.schedule(() -> {
        if (pending.remove(id, p)) {
          fail(p, new RpcTimeoutException(endpoint, method, p.written, timeout,
              method + " on " + endpoint + " got no answer within " + timeout.toMillis() + " ms"));
        }
      }, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException shutDown) {
      pending.remove(id);
      return CompletableFuture.failedFuture(client.closedException(method));
    }
    synchronized (sendLock) {
      // A submission counts as possibly delivered from the moment it is handed to the socket.
      p.written = true;
      sendChain = sendChain.handle((x, e) -> null)
          .thenCompose(x -> socket.sendText(frame, true))
          .whenComplete((ws, error) -> {
            if (error != null && pending.remove(id, p)) {
              fail(p, new RpcTransportException(endpoint, method, true,
                  method + ": sending to " + endpoint + " failed: " + AbstractRpcClient.unwrap(error),
                  error));
            }
          });
    }
    return p.future;
  }

  void forget(String subscriptionId) {
    subscriptions.remove(subscriptionId);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (closed) {
      return null; // dropped: what is still buffered is not read
    }
    try {
      if (incoming == null) {
        incoming = new MessageReader(client.limits());
      }
      incoming.feed(data);
      if (last) {
        MessageReader done = incoming;
        incoming = null;
        handle(done.finish(), done);
      }
    } catch (RefusedMessage refused) {
      MessageReader bad = incoming;
      incoming = null;
      refuse(refused, bad);
      return null;
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
    client.settings.listener().onUnexpectedMessage(endpoint, "binary frame of " + data.remaining() + " bytes");
    webSocket.request(1);
    return null;
  }

  private void refuse(RefusedMessage refused, MessageReader reader) {
    String head = reader == null || reader.head().isEmpty() ? "" : ": " + reader.head();
    if (refused.reason() == RefusedMessage.Reason.TOO_LARGE) {
      tooLarge("a message from " + endpoint + " was refused: " + refused.getMessage()
          + (head.isEmpty() ? "" : "; it started" + head));
    } else {
      protocolFailure("malformed JSON-RPC frame from " + endpoint + " (" + Excerpt.of(refused.getMessage())
          + ")" + head);
    }
  }

  private void handle(JsonNode node, MessageReader reader) {
    if (!node.isContainerNode()) {
      protocolFailure("malformed JSON-RPC frame from " + endpoint + " (not an object): "
          + reader.head());
      return;
    }
    if (node.isArray()) {
      node.forEach(this::dispatch);
    } else {
      dispatch(node);
    }
  }

  private void dispatch(JsonNode node) {
    JsonNode id = node.get("id");
    if (id != null && !id.isNull()) {
      if (!id.canConvertToLong()) {
        client.settings.listener().onUnexpectedMessage(endpoint, "response with id " + JsonRpc.snippet(id)
            + " we never used");
        return;
      }
      Pending p = pending.remove(id.asLong());
      if (p == null) {
        client.settings.listener().onUnexpectedMessage(endpoint,
            "response for unknown or expired id " + id.asLong());
        return;
      }
      cancelTimeout(p);
      JsonNode result;
      try {
        result = JsonRpc.resultOrThrow(endpoint, p.method, node);
      } catch (RuntimeException e) {
        client.completeLater(p.future, null, e);
        return;
      }
      if (p.subscription != null) {
        // Registered here, on the reader, so a notification in the very next frame finds it.
        String subscriptionId = result.isContainerNode() ? JsonRpc.snippet(result) : result.asText();
        subscriptions.put(subscriptionId, p.subscription);
        p.subscription.attach(this, subscriptionId);
      }
      client.completeLater(p.future, result, null);
      return;
    }
    JsonNode params = node.get("params");
    if (node.has("method") && params != null && params.has("subscription")) {
      JsonNode sid = params.get("subscription");
      ManagedSubscription s = sid.isContainerNode() ? null : subscriptions.get(sid.asText());
      if (s == null) {
        client.settings.listener().onUnexpectedMessage(endpoint, "notification for unknown subscription "
            + JsonRpc.snippet(sid) + " (" + JsonRpc.snippet(node.get("method")) + ")");
        return;
      }
      s.deliver(params.get("result"));
      return;
    }
    client.settings.listener().onUnexpectedMessage(endpoint, "frame that is neither a response nor a "
        + "notification: " + JsonRpc.snippet(node));
  }

  /** A broken frame means a broken peer: fail what waits here now rather than at its timeout. */
  private void protocolFailure(String message) {
    client.settings.listener().onUnexpectedMessage(endpoint, message);
    RpcProtocolException e = new RpcProtocolException(endpoint, message);
    List<Pending> failed = drainPending();
    for (Pending p : failed) {
      fail(p, new RpcProtocolException(endpoint, p.method + ": " + message));
    }
    lost(e, false);
    abort();
  }

  /**
   * A message over the limits: the connection is dropped (its unread rest with it) and what
   * waits here fails as a transport failure, so reads are retried on a new connection and a
   * submission is reported as possibly delivered.
   */
  private void tooLarge(String message) {
    client.settings.listener().onUnexpectedMessage(endpoint, message);
    RpcMessageTooLargeException cause = new RpcMessageTooLargeException(endpoint, null, true,
        client.limits().maxBytes(), message);
    for (Pending p : drainPending()) {
      fail(p, new RpcMessageTooLargeException(endpoint, p.method, p.written, client.limits().maxBytes(),
          p.method + ": " + message));
    }
    lost(cause, false);
    abort();
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    lost(new RpcTransportException(endpoint, null, true, "the node at " + endpoint
        + " closed the connection (code " + statusCode
        + (reason == null || reason.isEmpty() ? "" : ", " + Excerpt.quoted(reason, JsonRpc.SNIPPET_CHARS)) + ")",
        null), false);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    lost(new RpcTransportException(endpoint, null, true, "the connection to " + endpoint
        + " failed: " + Excerpt.of(String.valueOf(error), JsonRpc.SNIPPET_CHARS), error), false);
  }

  /** Closes this connection because the client is closing; nothing is re-sent. */
  void closeByClient() {
    lost(null, true);
    WebSocket ws = socket;
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closed").whenComplete((x, e) -> ws.abort());
    }
  }

  /** Drops the TCP connection at once (tests use it to simulate a network failure). */
  void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  private List<Pending> drainPending() {
    List<Pending> out = new ArrayList<>();
    for (Long id : new ArrayList<>(pending.keySet())) {
      Pending p = pending.remove(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private void lost(Exception cause, boolean clientClosing) {
    List<ManagedSubscription> orphaned;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      orphaned = new ArrayList<>(subscriptions.values());
      subscriptions.clear();
    }
    for (Pending p : drainPending()) {
      String why = cause == null ? "the client was closed" : cause.getMessage();
      fail(p, new RpcTransportException(endpoint, p.method, p.written,
          p.method + " got no answer: " + why, cause));
    }
    client.connectionLost(this, orphaned, cause, clientClosing);
  }

  private void fail(Pending p, RuntimeException e) {
    cancelTimeout(p);
    client.completeLater(p.future, null, e);
  }

  private static void cancelTimeout(Pending p) {
    ScheduledFuture<?> t = p.timeout;
    if (t != null) {
      t.cancel(false);
    }
  }
}
