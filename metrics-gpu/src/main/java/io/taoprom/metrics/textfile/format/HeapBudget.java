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
 * served. The estimates are those of a 64-bit JVM with compressed references (client_java's
 * data point 48 bytes, a label set 24 bytes plus two arrays, a String 40 bytes plus its text).
 *
 * <pre>{@code
 * HeapBudget.Account account = HeapBudget.shared().account();
 * account.restart();                       // a new collection: the last one's objects are let go
 * long mark = account.charged();
 * try {
 *   ExpositionReader.builder().account(account).build().read(bytes);
 * } catch (InputLimitException e) {
 *   account.release(mark);                 // that input is dropped: so is its charge
 * }
 * }</pre>
 */
public final class HeapBudget {

  /** Half the heap: the rest is the exporter's, the other collectors' and the answer's. */
  private static final HeapBudget SHARED = new HeapBudget(Runtime.getRuntime().maxMemory() / 2);

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

  /** The budget of this JVM: half of its maximum heap ({@code -Xmx}). */
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
    return new Account();
  }

  /** What one collector holds. Used by one thread at a time (one collection runs at a time). */
  public final class Account {
    private long charged;

    private Account() {}

    /** Lets go of everything this account held: a new collection starts. */
    public void restart() {
      release(0);
    }

    /** What this account holds now; a mark for {@link #release(long)}. */
    public long charged() {
      return charged;
    }

    /** Gives back what was charged since {@code mark}. */
    public void release(long mark) {
      if (mark < 0 || mark > charged) {
        throw new IllegalArgumentException("mark " + mark + " is not between 0 and " + charged);
      }
      if (limit != Long.MAX_VALUE) {
        used.addAndGet(mark - charged);
      }
      charged = mark;
    }

    /** Charges {@code bytes}; refused (and not charged) when the budget has not that much left. */
    public void charge(long bytes) throws InputLimitException {
      if (limit != Long.MAX_VALUE && used.addAndGet(bytes) > limit) {
        used.addAndGet(-bytes);
        throw InputLimitException.heap(limit);
      }
      charged += bytes;
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
