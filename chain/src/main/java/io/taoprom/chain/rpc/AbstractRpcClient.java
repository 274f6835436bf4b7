package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * What both transports share: ids, the timer, the callback pool, and the retry loop that applies
 * the {@link RetryPolicy} and the {@link Delivery} rules.
 */
abstract class AbstractRpcClient implements RpcClient {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  final ClientSettings settings;
  final ScheduledExecutorService timer;
  final ExecutorService callbacks;
  private final AtomicLong ids = new AtomicLong();
  volatile boolean closed;

  AbstractRpcClient(ClientSettings settings) {
    this.settings = settings;
    int n = CLIENTS.incrementAndGet();
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, daemon("taoprom-rpc-timer-" + n));
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
    this.callbacks = Executors.newCachedThreadPool(daemon("taoprom-rpc-callback-" + n));
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread th = new Thread(r, prefix + "-" + count.incrementAndGet());
      th.setDaemon(true);
      return th;
    };
  }

  @Override
  public URI endpoint() {
    return settings.endpoint();
  }

  long nextId() {
    return ids.incrementAndGet();
  }

  /** Completes {@code f} off the calling (I/O) thread, so dependent stages never block it. */
  <T> void completeLater(CompletableFuture<T> f, T value, Throwable error) {
    Runnable r = () -> {
      if (error == null) {
        f.complete(value);
      } else {
        f.completeExceptionally(error);
      }
    };
    try {
      callbacks.execute(r);
    } catch (RejectedExecutionException shutDown) {
      r.run();
    }
  }

  @Override
  public CompletableFuture<JsonNode> requestAsync(String method, List<?> params, Delivery delivery) {
    if (closed) {
      return CompletableFuture.failedFuture(closedException(method));
    }
    return withRetries(method, delivery, attempt -> attempt(method, params));
  }

  /** One attempt of a request: send it once and wait for its answer, within the timeouts. */
  abstract CompletableFuture<JsonNode> attempt(String method, List<?> params);

  RpcTransportException closedException(String method) {
    return new RpcTransportException(endpoint(), method, false,
        method + ": the client for " + endpoint() + " is closed", null);
  }

  /** Runs {@code attempt} until it succeeds or the policy and delivery rules say stop. */
  <T> CompletableFuture<T> withRetries(String method, Delivery delivery,
      IntFunction<CompletableFuture<T>> attempt) {
    CompletableFuture<T> result = new CompletableFuture<>();
    run(method, delivery, attempt, 1, result);
    return result;
  }

  private <T> void run(String method, Delivery delivery, IntFunction<CompletableFuture<T>> attempt,
      int n, CompletableFuture<T> result) {
    long start = System.nanoTime();
    CompletableFuture<T> f;
    try {
      f = attempt.apply(n);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    f.whenComplete((value, error) -> {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (error == null) {
        settings.listener().onRequest(method, RequestOutcome.SUCCESS, took, n);
        result.complete(value);
        return;
      }
      Throwable cause = unwrap(error);
      settings.listener().onRequest(method, outcomeOf(cause), took, n);
      if (!(cause instanceof RpcTransportException transport) || closed) {
        result.completeExceptionally(cause);
        return;
      }
      if (delivery == Delivery.AT_MOST_ONCE && transport.maybeDelivered()) {
        result.completeExceptionally(new RpcTransportException(endpoint(), method, true,
            method + " may have reached " + endpoint() + " before the transport failed ("
                + transport.getMessage() + "); a submission is not re-sent automatically: re-check"
                + " the nonce or the chain state before submitting again", transport));
        return;
      }
      RetryPolicy policy = settings.retryPolicy();
      if (!policy.allowsAttemptAfter(n)) {
        result.completeExceptionally(n == 1 ? transport : exhausted(transport, n));
        return;
      }
      Duration delay;
      synchronized (settings.random()) { // generators are not thread-safe; retries may race
        delay = policy.delayBefore(n + 1, settings.random());
      }
      settings.listener().onRetry(method, n + 1, delay, transport);
      try {
        timer.schedule(() -> run(method, delivery, attempt, n + 1, result),
            delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shutDown) {
        result.completeExceptionally(closedException(method));
      }
    });
  }

  private RpcTransportException exhausted(RpcTransportException last, int attempts) {
    String message = last.getMessage() + " (gave up after " + attempts + " attempts)";
    if (last instanceof RpcTimeoutException t) {
      return new RpcTimeoutException(endpoint(), last.method(), last.maybeDelivered(), t.timeout(),
          message, last);
    }
    return new RpcTransportException(endpoint(), last.method(), last.maybeDelivered(), message, last);
  }

  static Throwable unwrap(Throwable t) {
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static RequestOutcome outcomeOf(Throwable cause) {
    if (cause instanceof RpcException) {
      return RequestOutcome.RPC_ERROR;
    }
    if (cause instanceof RpcTimeoutException) {
      return RequestOutcome.TIMEOUT;
    }
    if (cause instanceof RpcTransportException) {
      return RequestOutcome.TRANSPORT_ERROR;
    }
    return RequestOutcome.PROTOCOL_ERROR;
  }

  /** Stops the timer and callback threads (after the subclass failed what was pending). */
  void shutdownThreads() {
    timer.shutdownNow();
    callbacks.shutdown();
  }
}
