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
import java.util.concurrent.ScheduledFuture;
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

  /** What a message from the node may cost. */
  MessageLimits limits() {
    return settings.limits();
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

  /**
   * What the transport was waiting for when a deadline ran out: a connection, or an answer.
   *
   * @param what for the message: "the WebSocket handshake did not complete", …
   * @param maybeDelivered whether the request may have reached the node
   */
  record Stall(String what, boolean maybeDelivered) {}

  /** What the transport is waiting for on behalf of {@code method}. */
  abstract Stall stall(String method);

  /** The progress of one request through its attempts, for the deadline's message. */
  private static final class Progress {
    final String method;
    final Deadline deadline;
    volatile int attempts;
    volatile long attemptStarted = System.nanoTime();
    volatile RpcTransportException lastFailure;

    Progress(String method, Deadline deadline) {
      this.method = method;
      this.deadline = deadline;
    }
  }

  /**
   * Runs {@code attempt} until it succeeds or the policy and delivery rules say stop, within the
   * {@link Deadline} bound to the calling thread, if any.
   */
  <T> CompletableFuture<T> withRetries(String method, Delivery delivery,
      IntFunction<CompletableFuture<T>> attempt) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Progress progress = new Progress(method, Deadline.current());
    if (progress.deadline != null) {
      Duration left = progress.deadline.remaining();
      if (left.isZero()) {
        result.completeExceptionally(deadlineSpent(progress));
        return result;
      }
      try {
        ScheduledFuture<?> guard = timer.schedule(() -> result.completeExceptionally(deadlineSpent(progress)),
            left.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((v, e) -> guard.cancel(false));
      } catch (RejectedExecutionException shutDown) {
        result.completeExceptionally(closedException(method));
        return result;
      }
    }
    run(method, delivery, attempt, 1, result, progress);
    return result;
  }

  private <T> void run(String method, Delivery delivery, IntFunction<CompletableFuture<T>> attempt,
      int n, CompletableFuture<T> result, Progress progress) {
    if (result.isDone()) {
      return; // the deadline ran out during the delay
    }
    long start = System.nanoTime();
    progress.attempts = n;
    progress.attemptStarted = start;
    settings.listener().onAttempt(method, n, settings.retryPolicy().maxAttempts());
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
      if (result.isDone()) {
        return; // the deadline ran out first; nothing follows
      }
      if (!(cause instanceof RpcTransportException transport) || closed) {
        result.completeExceptionally(cause);
        return;
      }
      progress.lastFailure = transport;
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
      if (progress.deadline != null && delay.compareTo(progress.deadline.remaining()) >= 0) {
        result.completeExceptionally(deadlineSpent(progress)); // no attempt could start in time
        return;
      }
      settings.listener().onRetry(method, n + 1, delay, transport);
      try {
        timer.schedule(() -> run(method, delivery, attempt, n + 1, result, progress),
            delay.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException shutDown) {
        result.completeExceptionally(closedException(method));
      }
    });
  }

  /** The deadline ran out: what the node did not do, for how long, and after how many attempts. */
  private RpcDeadlineException deadlineSpent(Progress p) {
    Duration budget = p.deadline.budget();
    RpcTransportException last = p.lastFailure;
    StringBuilder m = new StringBuilder(p.method).append(" on ").append(endpoint())
        .append(": gave up at the deadline of ").append(Deadline.describe(budget));
    boolean delivered;
    if (p.attempts == 0) {
      m.append(" (spent before the request could start)");
      delivered = false;
    } else {
      Stall stall = stall(p.method);
      delivered = stall.maybeDelivered() || (last != null && last.maybeDelivered());
      Duration waited = Duration.ofNanos(System.nanoTime() - p.attemptStarted);
      m.append(", in attempt ").append(p.attempts).append(" of ").append(settings.retryPolicy().maxAttempts())
          .append(": ").append(stall.what()).append(" for ").append(Deadline.describe(waited));
      if (last != null) {
        m.append(" (the attempt before: ").append(last.getMessage()).append(')');
      }
    }
    return new RpcDeadlineException(endpoint(), p.method, delivered, budget, p.attempts, m.toString(), last);
  }

  private RpcTransportException exhausted(RpcTransportException last, int attempts) {
    String message = last.getMessage() + " (gave up after " + attempts + " attempts)";
    if (last instanceof RpcMessageTooLargeException big) {
      return new RpcMessageTooLargeException(endpoint(), last.method(), last.maybeDelivered(), big.limitBytes(),
          message);
    }
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
