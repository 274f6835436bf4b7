package io.taoprom.chain.registration;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.metadata.Pallet;

/**
 * The documentation of {@code SubtensorModule}'s errors, from the metadata of the runtime the node
 * runs: what an error means, in the chain's own words. An error this runtime does not have reads
 * as no documentation.
 */
final class PalletDocs {

  private static final String PALLET = "SubtensorModule";

  private final ChainClient chain;

  PalletDocs(ChainClient chain) {
    this.chain = chain;
  }

  /** The error's documentation, stripped, or empty. */
  String of(String error) {
    try {
      String d = pallet().error(error).docText();
      return d == null ? "" : d.strip();
    } catch (RuntimeException notInThisRuntime) {
      return "";
    }
  }

  /** {@code " (documentation)"}, or empty: to append to a sentence. */
  String appended(String error) {
    String d = of(error);
    return d.isEmpty() ? "" : " (" + d + ")";
  }

  /** The first of {@code candidates} that this runtime names (errors were renamed between runtimes). */
  String firstKnown(String... candidates) {
    try {
      Pallet p = pallet();
      for (String c : candidates) {
        try {
          p.error(c);
          return c;
        } catch (RuntimeException absent) {
          // try the next spelling
        }
      }
    } catch (RuntimeException e) {
      // fall through to the first name
    }
    return candidates[0];
  }

  private Pallet pallet() {
    return chain.runtime().metadata().pallet(PALLET);
  }
}
