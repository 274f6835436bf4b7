package io.taoprom.chain.subtensor;

import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.tx.ExtrinsicOutcome;

/**
 * What {@link Subtensor#servePrometheus} (or {@link Subtensor#serveAxon}) achieved.
 *
 * <pre>{@code
 * switch (result) { ... }   // or:
 * if (result instanceof ServeResult.Failed f && f.error().equals("ServingRateLimitExceeded")) {
 *   scheduleAt(f.retryAtBlock());
 * }
 * }</pre>
 */
public sealed interface ServeResult {

  /** Whether the chain now has the endpoint that was asked for. */
  boolean isSuccess();

  /** One line for logs and the console. */
  String describe();

  /** Sent, included, and its call succeeded; {@code outcome} has the block, hash and events. */
  record Served(ExtrinsicOutcome outcome) implements ServeResult {
    public boolean isSuccess() {
      return true;
    }

    public String describe() {
      return "served in block #" + outcome.blockNumber() + " " + outcome.blockHash()
          + (outcome.finalized() ? " (finalized)" : " (in block)") + ", extrinsic " + outcome.extrinsicHash();
    }
  }

  /**
   * The connection was lost after submitting, and reading the chain afterwards showed the
   * endpoint as sent (so the extrinsic was included); its events were not read.
   */
  record ServedUnwatched(long servedAtBlock, String extrinsicHash) implements ServeResult {
    public boolean isSuccess() {
      return true;
    }

    public String describe() {
      return "served at block #" + servedAtBlock + " (confirmed from storage after the connection was lost),"
          + " extrinsic " + extrinsicHash;
    }
  }

  /** The chain already had exactly this endpoint; nothing was sent. */
  record Unchanged(long servedAtBlock) implements ServeResult {
    public boolean isSuccess() {
      return true;
    }

    public String describe() {
      return "already on chain since block #" + servedAtBlock + "; nothing sent";
    }
  }

  /** Where a failure was found. */
  enum Stage {
    /** By the local checks; nothing was sent. */
    PREFLIGHT,
    /** The transaction pool rejected it ({@code 1010}, or an invalid/dropped status). */
    POOL,
    /** It was included, and its call failed ({@code System.ExtrinsicFailed}). */
    DISPATCH,
    /** The connection failed after submitting and the chain did not show the result. */
    UNCONFIRMED
  }

  /**
   * Not served.
   *
   * @param error the error's name ({@code HotKeyNotRegisteredInNetwork}, {@code
   *     ServingRateLimitExceeded}, {@code InvalidIpAddress}, {@code stale}, ...)
   * @param docs the error's documentation from the metadata, or an explanation
   * @param stage where it was found
   * @param retryAtBlock for a rate limit, the first block at which serving is allowed; else -1
   * @param outcome the included extrinsic for {@link Stage#DISPATCH}, else null
   * @param invalid the decoded pool rejection for {@link Stage#POOL}, where there was one
   */
  record Failed(String error, String docs, Stage stage, long retryAtBlock, ExtrinsicOutcome outcome,
      InvalidTransaction invalid) implements ServeResult {
    public boolean isSuccess() {
      return false;
    }

    public String describe() {
      String where = switch (stage) {
        case PREFLIGHT -> "not sent";
        case POOL -> "rejected by the transaction pool";
        case DISPATCH -> "failed in block #" + outcome.blockNumber() + " " + outcome.blockHash();
        case UNCONFIRMED -> "unconfirmed";
      };
      return error + " (" + where + ")" + (docs == null || docs.isEmpty() ? "" : ": " + docs)
          + (retryAtBlock >= 0 ? "; allowed again from block #" + retryAtBlock : "");
    }
  }
}
