package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP transport: one POST per request, no subscriptions. Useful behind proxies that do not
 * pass WebSockets, and for one-shot reads.
 */
final class HttpRpcClient extends AbstractRpcClient {

  private final HttpClient http;
  private final JsonBodyHandler bodies;

  HttpRpcClient(ClientSettings settings) {
    super(settings);
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .executor(callbacks)
        .build();
    this.bodies = new JsonBodyHandler(settings.limits());
  }

  @Override
  public boolean supportsSubscriptions() {
    return false;
  }

  @Override
  CompletableFuture<JsonNode> attempt(String method, List<?> params) {
    String body = JsonRpc.request(nextId(), method, params);
    HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    CompletableFuture<HttpResponse<JsonBodyHandler.Body>> sent = http.sendAsync(request, bodies);
    // The client's own timeout ends at the response headers; a body that trickles in must not
    // hold the attempt longer than connecting and answering may take together.
    Duration whole = settings.connectTimeout().plus(settings.requestTimeout());
    try {
      ScheduledFuture<?> guard = timer.schedule(() -> {
        if (result.completeExceptionally(new RpcTimeoutException(endpoint(), method, true, whole, method + " on "
            + endpoint() + " got no whole answer within " + whole.toMillis() + " ms"))) {
          sent.cancel(true);
        }
      }, whole.toNanos(), TimeUnit.NANOSECONDS);
      result.whenComplete((v, e) -> guard.cancel(false));
    } catch (RejectedExecutionException shutDown) {
      sent.cancel(true);
      return CompletableFuture.failedFuture(closedException(method));
    }
    sent.whenComplete((response, error) -> {
      try {
        if (error != null) {
          throw failure(method, unwrap(error));
        }
        result.complete(parse(method, response));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  private JsonNode parse(String method, HttpResponse<JsonBodyHandler.Body> response) {
    JsonBodyHandler.Body body = response.body();
    int status = response.statusCode();
    if (body.refused() != null && body.refused().reason() == RefusedMessage.Reason.TOO_LARGE) {
      throw new RpcMessageTooLargeException(endpoint(), method, true, settings.limits().maxBytes(),
          method + ": the answer from " + endpoint() + " (HTTP " + status + ") was refused: "
              + body.refused().getMessage() + (body.head().isEmpty() ? "" : "; it started: " + body.head()));
    }
    JsonNode node = body.json();
    if (node != null && node.isObject() && (node.has("result") || node.has("error"))) {
      return JsonRpc.resultOrThrow(endpoint(), method, node);
    }
    if (status == 429 || status >= 500) {
      throw new RpcTransportException(endpoint(), method, true, method + ": " + endpoint()
          + " answered HTTP " + status + (body.head().isEmpty() ? "" : ": " + body.head()), null);
    }
    throw new RpcProtocolException(endpoint(), method + ": " + endpoint() + " answered HTTP " + status
        + " without a JSON-RPC body" + (body.head().isEmpty() ? "" : ": " + body.head()));
  }

  @Override
  Stall stall(String method) {
    return new Stall(endpoint() + " has not answered " + method, true);
  }

  private RpcTransportException failure(String method, Throwable error) {
    if (error instanceof HttpConnectTimeoutException) {
      return new RpcTimeoutException(endpoint(), method, false, settings.connectTimeout(),
          method + ": cannot connect to " + endpoint() + " within "
              + settings.connectTimeout().toMillis() + " ms");
    }
    if (error instanceof HttpTimeoutException) {
      return new RpcTimeoutException(endpoint(), method, true, settings.requestTimeout(),
          method + " on " + endpoint() + " got no answer within "
              + settings.requestTimeout().toMillis() + " ms");
    }
    if (error instanceof ConnectException) {
      return new RpcTransportException(endpoint(), method, false, method + ": cannot connect to "
          + endpoint() + ": connection refused; is a node listening there?", error);
    }
    return new RpcTransportException(endpoint(), method, true,
        method + ": the request to " + endpoint() + " failed: " + JsonRpc.snippet(String.valueOf(error)), error);
  }

  @Override
  public CompletableFuture<Subscription> subscribeAsync(String method, List<?> params,
      String unsubscribeMethod, Delivery delivery, SubscriptionListener listener) {
    throw new UnsupportedOperationException(method + " needs a subscription, which " + endpoint()
        + " (HTTP) cannot carry; use the node's ws:// or wss:// address");
  }

  @Override
  public void close() {
    closed = true;
    shutdownThreads();
  }
}
