package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.ChainException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.random.RandomGenerator;

/**
 * A JSON-RPC 2.0 client for a Substrate node, over WebSocket ({@code ws://}, {@code wss://}) or
 * HTTP ({@code http://}, {@code https://}; no subscriptions). Requests may be made from any
 * thread and run concurrently; each is correlated with its answer by id.
 *
 * <pre>{@code
 * try (RpcClient rpc = RpcClient.builder("ws://127.0.0.1:9944")
 *     .connectTimeout(Duration.ofSeconds(2))
 *     .requestTimeout(Duration.ofSeconds(20))
 *     .retryPolicy(RetryPolicy.defaults())
 *     .build()) {
 *   String genesis = rpc.request("chain_getBlockHash", 0).asText();
 *   Subscription heads = rpc.subscribe("chain_subscribeNewHeads", List.of(),
 *       "chain_unsubscribeNewHeads", head -> System.out.println(head.get("number")));
 *   ...
 *   heads.unsubscribe();
 * }
 * }</pre>
 *
 * Failures are typed: {@link RpcException} (the node's error object), {@link
 * RpcTransportException} and its {@link RpcTimeoutException}, {@link RpcProtocolException}. The
 * blocking methods throw them directly; the asynchronous ones complete exceptionally with them.
 */
public interface RpcClient extends AutoCloseable {

  /** A builder for {@code endpoint}; the scheme picks the transport. */
  static Builder builder(String endpoint) {
    return new Builder(URI.create(endpoint));
  }

  /** A builder for {@code endpoint}; the scheme picks the transport. */
  static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  /** The node's address. */
  URI endpoint();

  /** Sends {@code method} with positional {@code params}; null elements are sent as JSON null. */
  CompletableFuture<JsonNode> requestAsync(String method, List<?> params, Delivery delivery);

  /**
   * Subscribes with {@code method}; notifications go to {@code listener} until {@link
   * Subscription#unsubscribe()}, which calls {@code unsubscribeMethod}. An {@link
   * Delivery#AT_LEAST_ONCE} subscription is re-established after a reconnect; an {@link
   * Delivery#AT_MOST_ONCE} one (a watched submission) ends with {@link
   * SubscriptionListener#onError} instead.
   *
   * @throws UnsupportedOperationException on an HTTP endpoint
   */
  CompletableFuture<Subscription> subscribeAsync(String method, List<?> params,
      String unsubscribeMethod, Delivery delivery, SubscriptionListener listener);

  /** Whether this transport supports subscriptions (WebSocket does, HTTP does not). */
  boolean supportsSubscriptions();

  /** An idempotent read: waits for the result, retrying transport failures. */
  default JsonNode request(String method, Object... params) {
    return await(requestAsync(method, Arrays.asList(params), Delivery.AT_LEAST_ONCE));
  }

  /** A submission: waits for the result and never re-sends what may have reached the node. */
  default JsonNode submit(String method, Object... params) {
    return await(requestAsync(method, Arrays.asList(params), Delivery.AT_MOST_ONCE));
  }

  /** A re-established-after-reconnect subscription; waits until the node confirmed it. */
  default Subscription subscribe(String method, List<?> params, String unsubscribeMethod,
      SubscriptionListener listener) {
    return await(subscribeAsync(method, params, unsubscribeMethod, Delivery.AT_LEAST_ONCE, listener));
  }

  /** Closes the connection; pending requests fail with {@link RpcTransportException}. */
  @Override
  void close();

  /**
   * Waits for {@code future} and returns its value, rethrowing a {@link ChainException} (or other
   * runtime exception) it failed with unwrapped.
   */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainException("interrupted while waiting for the node", e);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new ChainException(cause.toString(), cause);
    }
  }

  /** Configures and builds an {@link RpcClient}. */
  final class Builder {
    private final URI endpoint;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private RpcListener listener = RpcListener.NONE;
    private RandomGenerator random = RandomGenerator.getDefault();
    private int maxMessageBytes = MessageLimits.DEFAULT_MAX_BYTES;

    Builder(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
      if (!List.of("ws", "wss", "http", "https").contains(scheme) || endpoint.getHost() == null) {
        throw new IllegalArgumentException("not a node address: '" + endpoint
            + "'; use ws://host:port, wss://host:port, http://host:port or https://host:port");
      }
    }

    /** How long opening a connection may take (TCP, TLS and the WebSocket handshake); 5 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /** How long one attempt of a request may wait for its answer; 30 s. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** Retries after transport failures, and reconnects; {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /** Observes requests, retries and connections; none by default. */
    public Builder listener(RpcListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The source of retry jitter (tests pass a seeded one). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The largest message accepted from the node, in bytes; 16 MiB, at least 64 KiB. A message
     * is counted while it arrives and refused when it passes this, before it is held whole
     * ({@link RpcMessageTooLargeException}: the connection is dropped, a read is retried). Once
     * parsed, its longest string may be half this many characters, its JSON tokens this / 64,
     * and it may nest 64 deep, so that a message of any shape at the cap parses in a 64 MiB heap.
     */
    public Builder maxMessageBytes(int bytes) {
      MessageLimits.forMaxBytes(bytes); // checks the floor
      this.maxMessageBytes = bytes;
      return this;
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }

    /** Builds the client. WebSocket clients connect lazily, on the first request. */
    public RpcClient build() {
      ClientSettings settings = new ClientSettings(endpoint, connectTimeout, requestTimeout,
          retryPolicy, listener, random, MessageLimits.forMaxBytes(maxMessageBytes));
      String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
      return scheme.startsWith("ws") ? new WebSocketRpcClient(settings) : new HttpRpcClient(settings);
    }
  }
}
