package io.taoprom.metrics.textfile.format;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap that expositions read from outside (textfiles, scrape targets) may hold, shared by
 * every collector that reads them: what one collector's inputs take, the others cannot. Parsing
 * charges an estimate of each object it keeps (series, label sets, strings, families) as it
 * makes it, and an input that would pass the budget is refused at that moment, so a hostile
 * input costs at most what is left of the budget, never the process.
 *
 * <p>Each collector has an {@link Account}. What a collection keeps stays charged until the
 * collector's next collection {@linkplain Account#restart() starts}: until then it is being
 * served. The bytes of an input are charged too while they are held (a file while it is parsed,
 * a target's body from its arrival to its parse), so the budget bounds all that outside input
 * can make TaoProm hold at once. The estimates are those of a 64-bit JVM with compressed references (client_java's
 * data point 48 bytes, a label set 24 bytes plus two arrays, a String 40 bytes plus its text).
 *
 * <pre>{@code
 * HeapBudget.Account account = HeapBudget.shared().account();
 * account.restart();                       // a new collection: the last one's objects are let go
 * HeapBudget.Account input = account.part();
 * try {
 *   input.charge(bytes.length);            // the input itself, while it is held
 *   ExpositionReader.builder().account(input).build().read(bytes);
 *   input.refund(bytes.length);            // parsed: the bytes are let go, the objects kept
 * } catch (InputLimitException e) {
 *   input.refundAll();                     // that input is dropped: so is its charge
 * }
 * }</pre>
 */
public final class HeapBudget {

  /**
   * A third of the heap: the rest is the exporter's own, the other collectors', the answer being
   * written, and what the estimates do not see (short-lived copies client_java makes, the
   * protobuf writer's messages). At -Xmx64m that is about 20 MiB: a 100,000-series file fits.
   */
  private static final HeapBudget SHARED = new HeapBudget(Runtime.getRuntime().maxMemory() / 3);

  /** No limit: for text TaoProm made itself (tests, tools). */
  static final HeapBudget UNLIMITED = new HeapBudget(Long.MAX_VALUE);

  private final long limit;
  private final AtomicLong used = new AtomicLong();

  /** A budget of {@code limitBytes}; tests make small ones. */
  public HeapBudget(long limitBytes) {
    if (limitBytes <= 0) {
      throw new IllegalArgumentException("limitBytes must be positive: " + limitBytes);
    }
    this.limit = limitBytes;
  }

  /** The budget of this JVM: a third of its maximum heap ({@code -Xmx}). */
  public static HeapBudget shared() {
    return SHARED;
  }

  /** The budget, in bytes. */
  public long limit() {
    return limit;
  }

  /** What all accounts hold now, in bytes. */
  public long used() {
    return used.get();
  }

  /** A new account on this budget, holding nothing. */
  public Account account() {
    return new Account(null);
  }

  /**
   * What one collector holds: the objects it keeps, and the bytes of its inputs while it holds
   * them; or, made by {@link #part()}, what one of its inputs holds. Thread-safe: a scrape
   * target's body is charged by the HTTP client's threads as it arrives.
   */
  public final class Account {
    private final Account parent;
    private long charged;

    private Account(Account parent) {
      this.parent = parent;
    }

    /**
     * An account for one input of this one: what it charges is charged here too, and
     * {@link #refundAll()} gives back exactly that, whatever the other inputs charged meanwhile.
     */
    public Account part() {
      return new Account(this);
    }

    /** Lets go of everything this account held: a new collection starts. */
    public synchronized void restart() {
      refund(charged);
    }

    /** What this account holds now. */
    public synchronized long charged() {
      return charged;
    }

    /** Gives back {@code bytes} charged earlier for something now let go (an input's bytes, once parsed). */
    public void refund(long bytes) {
      long given;
      synchronized (this) {
        given = Math.min(Math.max(0, bytes), charged);
        charged -= given;
      }
      if (parent != null) {
        parent.refund(given);
      } else if (limit != Long.MAX_VALUE) {
        used.addAndGet(-given);
      }
    }

    /** Gives back everything this account charged: its input is dropped. */
    public void refundAll() {
      refund(charged());
    }

    /** Charges {@code bytes}; refused (and not charged) when the budget has not that much left. */
    public void charge(long bytes) throws InputLimitException {
      if (parent != null) {
        parent.charge(bytes);
      } else if (limit != Long.MAX_VALUE && used.addAndGet(bytes) > limit) {
        used.addAndGet(-bytes);
        throw InputLimitException.heap(limit);
      }
      synchronized (this) {
        charged += bytes;
      }
    }

    /** Charges a String of {@code utf8Bytes} bytes of text (its internal array is never larger). */
    void chargeString(int utf8Bytes) throws InputLimitException {
      charge(40 + align(utf8Bytes));
    }
  }

  /** {@code bytes} rounded up to the JVM's 8-byte object alignment. */
  static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
