package io.taoprom.chain.rpc;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How long a piece of work may wait on the chain in all: connecting, every request, every retry
 * and the delays between them. A command binds one to its thread; every request an {@link
 * RpcClient} starts on that thread — however deep in {@code Subtensor}, {@code Storage} or
 * {@code Registrar} — shares it, and fails with {@link RpcDeadlineException} once it is spent,
 * whatever the request timeout and the retry policy would still allow. (gRPC's deadlines travel
 * with its {@code Context} the same way.)
 *
 * <pre>{@code
 * try (Deadline.Scope s = Deadline.after(Duration.ofSeconds(15)).bind()) {
 *   RegistrationStatus st = Registrar.over(subtensor).status(hotkey, 27, null, null, null);
 * } // at most 15 s, even against a node that accepts connections and never answers
 * }</pre>
 *
 * <p>Waits the caller asked for — a block to come, a transaction to be finalized — are not
 * conversation: run them in {@link #paused}, and the remaining time stands still meanwhile
 * (a request made during the wait is still bounded by what remained).
 *
 * <p>Requests started on other threads (a subscription re-established after a reconnect) have
 * no deadline unless one is bound there. Thread-safe.
 */
public final class Deadline {

  private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

  private final Duration budget;
  private long end;      // System.nanoTime() at which it expires, while running
  private int pauses;    // nested paused() calls in progress
  private long pausedAt; // when the outermost pause began

  private Deadline(Duration budget) {
    this.budget = budget;
    this.end = System.nanoTime() + budget.toNanos();
  }

  /** A deadline {@code budget} from now. */
  public static Deadline after(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("a deadline needs a positive budget, got " + budget);
    }
    return new Deadline(budget);
  }

  /** The deadline bound to this thread, or null. */
  public static Deadline current() {
    return CURRENT.get();
  }

  /** The whole time it gave. */
  public Duration budget() {
    return budget;
  }

  /** What is left (zero once spent); it stands still while {@link #paused} runs. */
  public synchronized Duration remaining() {
    long now = pauses > 0 ? pausedAt : System.nanoTime();
    return Duration.ofNanos(Math.max(0, end - now));
  }

  /** Whether it is spent. */
  public boolean expired() {
    return remaining().isZero();
  }

  /** Binds this deadline to the calling thread until the scope is closed (the previous one returns). */
  public Scope bind() {
    Deadline previous = CURRENT.get();
    CURRENT.set(this);
    Thread owner = Thread.currentThread();
    return () -> {
      if (Thread.currentThread() == owner) {
        if (previous == null) {
          CURRENT.remove();
        } else {
          CURRENT.set(previous);
        }
      }
    };
  }

  /** Runs {@code task} with this deadline bound to the calling thread. */
  public <T> T call(Supplier<T> task) {
    try (Scope s = bind()) {
      return task.get();
    }
  }

  /**
   * Runs a wait the caller asked for (for a block, for finalization) without spending this
   * deadline: its remaining time stands still until {@code wait} returns.
   */
  public <T> T paused(Supplier<T> wait) {
    synchronized (this) {
      if (pauses++ == 0) {
        pausedAt = System.nanoTime();
      }
    }
    try {
      return wait.get();
    } finally {
      synchronized (this) {
        if (--pauses == 0) {
          end += System.nanoTime() - pausedAt;
        }
      }
    }
  }

  /** {@link #paused} on the thread's deadline, or just {@code wait} when none is bound. */
  public static <T> T pausedIfAny(Supplier<T> wait) {
    Deadline d = current();
    return d == null ? wait.get() : d.paused(wait);
  }

  @Override
  public String toString() {
    return "deadline of " + describe(budget) + " (" + describe(remaining()) + " left)";
  }

  /** {@code 15 s}, {@code 1.5 s}, {@code 250 ms}. */
  static String describe(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + " s";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** A binding of a deadline to a thread; closing it restores what was bound before. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
