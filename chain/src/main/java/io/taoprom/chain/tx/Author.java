package io.taoprom.chain.tx;

import io.taoprom.chain.Block;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainException;
import io.taoprom.chain.ChainRuntime;
import io.taoprom.chain.codec.DispatchFailure;
import io.taoprom.chain.codec.EventRecord;
import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.rpc.Delivery;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.rpc.Subscription;
import io.taoprom.chain.rpc.SubscriptionListener;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.storage.StorageKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Submits signed extrinsics and follows them to a block: {@code author_submitExtrinsic}, or
 * {@code author_submitAndWatchExtrinsic} with every status, then the block's extrinsics and
 * events to find what ours did. Submissions are at-most-once: a connection lost after submitting
 * surfaces as an {@link io.taoprom.chain.rpc.RpcTransportException} with {@code
 * maybeDelivered()}, never as a second submission.
 *
 * <pre>{@code
 * Author author = new Author(chain);
 * ExtrinsicOutcome out = author.submitAndWatch(xt, runtime, WaitFor.FINALIZED, Duration.ofMinutes(2),
 *     status -> log.info("{}", status.name()));
 * if (!out.isSuccess()) log.warn("failed: {}", out.failure().describe());
 * }</pre>
 */
public final class Author {

  private final ChainClient chain;

  public Author(ChainClient chain) {
    this.chain = chain;
  }

  /** Submits without watching; returns the extrinsic hash the node reports. */
  public String submit(SignedExtrinsic xt) {
    return chain.submitExtrinsic(xt.bytes());
  }

  /** Submits and waits for {@code waitFor}, then reads what the extrinsic did. */
  public ExtrinsicOutcome submitAndWatch(SignedExtrinsic xt, ChainRuntime runtime, WaitFor waitFor,
      Duration timeout) {
    return submitAndWatch(xt, runtime, waitFor, timeout, s -> { });
  }

  /**
   * Submits and waits for {@code waitFor}, reporting every status to {@code onStatus}, then reads
   * the including block and the extrinsic's events.
   *
   * @throws io.taoprom.chain.rpc.RpcException when the node rejects it ({@code 1010 invalid}...)
   * @throws io.taoprom.chain.rpc.RpcTransportException when the connection failed; the extrinsic
   *     may or may not have been submitted
   * @throws TxNotIncludedException when it was dropped, found invalid or usurped
   * @throws TxException when {@code timeout} passed first
   */
  public ExtrinsicOutcome submitAndWatch(SignedExtrinsic xt, ChainRuntime runtime, WaitFor waitFor,
      Duration timeout, Consumer<TransactionStatus> onStatus) {
    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    SubscriptionListener listener = new SubscriptionListener() {
      @Override
      public void onNotification(com.fasterxml.jackson.databind.JsonNode result) {
        try {
          queue.add(TransactionStatus.parse(result));
        } catch (TxException e) {
          queue.add(e);
        }
      }

      @Override
      public void onError(Exception error) {
        queue.add(error);
      }
    };
    long deadline = System.nanoTime() + timeout.toNanos();
    Subscription sub = RpcClient.await(chain.rpc().subscribeAsync("author_submitAndWatchExtrinsic",
        List.of(xt.hex()), "author_unwatchExtrinsic", Delivery.AT_MOST_ONCE, listener));
    List<TransactionStatus> statuses = new ArrayList<>();
    String inBlock = null;
    while (true) {
      // Waiting for the next status is a wait the caller asked for (bounded by timeout), not
      // conversation: it does not spend the thread's RPC deadline.
      Object next = Deadline.pausedIfAny(() -> poll(queue, deadline));
      if (next == INTERRUPTED) {
        sub.unsubscribe();
        throw new ChainException("interrupted while watching " + xt);
      }
      if (next == null) {
        sub.unsubscribe();
        throw new TxException(xt + ": no " + (waitFor == WaitFor.IN_BLOCK ? "inclusion" : "finalization")
            + " within " + timeout.toSeconds() + " s (statuses: " + names(statuses) + "); it may still be "
            + "included: look for its hash before submitting again");
      }
      if (next instanceof ChainException e) {
        throw e;
      }
      if (next instanceof Exception e) {
        throw new TxException("watching " + xt + " failed: " + e.getMessage(), e);
      }
      TransactionStatus status = (TransactionStatus) next;
      statuses.add(status);
      onStatus.accept(status);
      if (status instanceof TransactionStatus.InBlock ib) {
        inBlock = ib.blockHash();
        if (waitFor == WaitFor.IN_BLOCK) {
          sub.unsubscribe();
          return outcomeIn(xt, runtime, inBlock, false, statuses);
        }
      } else if (status instanceof TransactionStatus.Retracted) {
        inBlock = null;
      } else if (status instanceof TransactionStatus.Finalized f) {
        sub.markEnded();
        return outcomeIn(xt, runtime, f.blockHash(), true, statuses);
      } else if (status.isFinal()) {
        sub.markEnded();
        throw new TxNotIncludedException(xt + " ended " + status.name() + describe(status)
            + " (statuses: " + names(statuses) + ")"
            + (inBlock != null ? "; it was in block " + inBlock : ""), status, statuses);
      }
    }
  }

  private static final Object INTERRUPTED = new Object();

  private static Object poll(BlockingQueue<Object> queue, long deadline) {
    try {
      return queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return INTERRUPTED;
    }
  }

  /** The outcome of {@code xt} included in block {@code blockHash}: its index and events. */
  public ExtrinsicOutcome outcomeIn(SignedExtrinsic xt, ChainRuntime runtime, String blockHash,
      boolean finalized, List<TransactionStatus> statuses) {
    Block block = chain.block(blockHash);
    int index = block.extrinsics().indexOf(xt.hex().toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new TxException(xt + " is not among the " + block.extrinsics().size() + " extrinsics of block "
          + blockHash + " that the node reported including it");
    }
    byte[] raw = new Storage(chain).rawAt(StorageKey.prefix("System", "Events"), blockHash);
    List<EventRecord> mine = new ArrayList<>();
    DispatchFailure failure = null;
    for (EventRecord e : runtime.events().decode(raw)) {
      if (e.emittedBy(index)) {
        mine.add(e);
        if (e.is("System", "ExtrinsicFailed")) {
          failure = runtime.events().dispatchFailure(e);
        }
      }
    }
    return new ExtrinsicOutcome(xt.hashHex(), blockHash, block.number(), index, finalized,
        List.copyOf(statuses), List.copyOf(mine), failure);
  }

  private static String describe(TransactionStatus s) {
    if (s instanceof TransactionStatus.Invalid inv && !inv.detail().isEmpty()) {
      return " (" + inv.detail() + ")";
    }
    if (s instanceof TransactionStatus.Usurped u && u.hash() != null) {
      return " by " + u.hash();
    }
    return "";
  }

  private static String names(List<TransactionStatus> statuses) {
    return statuses.stream().map(TransactionStatus::name).toList().toString();
  }
}
