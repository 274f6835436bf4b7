package io.taoprom.untrusted.testing;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * For fuzz tests: runs a parser on one input and fails when it allocated more than a budget
 * proportional to the input. This is what "bounded memory" means for a parser of outside input —
 * a length prefix or a count taken from the input must never make it allocate beyond what the
 * input can justify — and it is checked per input, far below the point where the heap would run
 * out. A parse during which a class was loaded is not judged: that allocation is a one-time cost
 * of the class (and of its instrumentation under the fuzzer), not of the input. Shipped to the
 * other modules as this module's test jar.
 *
 * <pre>{@code
 * AllocationBudget.perInputByte(128).check(input.length, () -> codec.decodeAll(input));
 * }</pre>
 */
public final class AllocationBudget {

  /** What any parse may allocate whatever the input: class loading, first-use caches, messages. */
  public static final long BASE_BYTES = 2L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final ClassLoadingMXBean CLASSES = ManagementFactory.getClassLoadingMXBean();

  private final long perByte;
  private final long base;

  private AllocationBudget(long perByte, long base) {
    this.perByte = perByte;
    this.base = base;
  }

  /** A budget of {@code perByte} bytes of allocation per input byte, plus {@link #BASE_BYTES}. */
  public static AllocationBudget perInputByte(long perByte) {
    return new AllocationBudget(perByte, BASE_BYTES);
  }

  /**
   * This budget with a larger fixed part, for parsers with a constant cost of their own (a key
   * derivation) that is the same whatever the input claims.
   */
  public AllocationBudget plusFixed(long bytes) {
    return new AllocationBudget(perByte, base + bytes);
  }

  /** An action that may throw, as parsers do. */
  @FunctionalInterface
  public interface Parse {
    void run() throws Exception;
  }

  /**
   * Runs {@code parse} on this thread, rethrowing what it throws, and fails with an {@link
   * AssertionError} when it allocated more than the budget for {@code inputBytes}.
   */
  public void check(long inputBytes, Parse parse) throws Exception {
    long classesBefore = CLASSES.getTotalLoadedClassCount();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    try {
      parse.run();
    } finally {
      long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
      long budget = base + perByte * inputBytes;
      // A parse that loaded a class paid a one-time cost (the class, its static state and, under
      // the fuzzer, its instrumentation) that says nothing about the input; the next input down
      // the same path is judged.
      boolean firstUse = CLASSES.getTotalLoadedClassCount() != classesBefore;
      if (allocated > budget && !firstUse) {
        throw new AssertionError("allocated " + allocated + " bytes for an input of " + inputBytes
            + " bytes; the budget is " + budget + " (" + perByte + " per byte + " + base + ")");
      }
    }
  }
}
