package io.taoprom.chain.registration;

import io.taoprom.chain.tx.WaitFor;
import java.util.Locale;

/**
 * How long {@code register} waits after submitting ({@code --wait}).
 *
 * <pre>{@code
 * WaitMode w = WaitMode.named("inclusion");
 * }</pre>
 */
public enum WaitMode {
  /** Until the including block is finalized (the default). */
  FINALIZATION,
  /** Until the transaction is in a block. */
  INCLUSION,
  /**
   * Submit once ({@code author_submitExtrinsic}) and return: the node accepted it into its pool,
   * and nothing is known yet about inclusion. A lost connection is not retried (it may have arrived).
   */
  NONE;

  /** {@code finalization}, {@code inclusion} or {@code none}. */
  public static WaitMode named(String name) {
    for (WaitMode w : values()) {
      if (w.name().equalsIgnoreCase(name.strip())) {
        return w;
      }
    }
    throw new IllegalArgumentException("unknown wait mode '" + name + "'; use finalization, inclusion or none");
  }

  /** What the chain client waits for ({@link #NONE} does not watch; it maps to inclusion here). */
  public WaitFor waitFor() {
    return this == FINALIZATION ? WaitFor.FINALIZED : WaitFor.IN_BLOCK;
  }

  /** The name as given on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
