package io.taoprom.chain.tx;

import io.taoprom.chain.codec.DispatchFailure;
import io.taoprom.chain.codec.EventRecord;
import java.util.List;

/**
 * What became of a submitted extrinsic that reached a block.
 *
 * @param extrinsicHash the extrinsic's hash ({@code 0x…})
 * @param blockHash the block that included it
 * @param blockNumber that block's number
 * @param extrinsicIndex its index in the block
 * @param finalized whether the block was finalized when this was reported
 * @param statuses every status seen, in order
 * @param events the events it emitted
 * @param failure why its call failed ({@code System.ExtrinsicFailed}), or null on success
 */
public record ExtrinsicOutcome(String extrinsicHash, String blockHash, long blockNumber, int extrinsicIndex,
    boolean finalized, List<TransactionStatus> statuses, List<EventRecord> events, DispatchFailure failure) {

  /** Whether the call succeeded ({@code System.ExtrinsicSuccess}). */
  public boolean isSuccess() {
    return failure == null;
  }

  /** Whether it emitted {@code pallet.event}. */
  public boolean hasEvent(String pallet, String event) {
    return events.stream().anyMatch(e -> e.is(pallet, event));
  }
}
