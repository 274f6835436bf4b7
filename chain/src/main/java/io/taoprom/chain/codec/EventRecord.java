package io.taoprom.chain.codec;

import java.util.List;

/**
 * One event of a block, from {@code System.Events}.
 *
 * @param phase when in the block it was emitted
 * @param extrinsicIndex the index of the extrinsic that emitted it during {@link
 *     Phase#APPLY_EXTRINSIC}, else -1
 * @param pallet the pallet name ({@code SubtensorModule})
 * @param name the event name ({@code PrometheusServed})
 * @param fields the event's content, as {@link DynamicCodec} decodes it
 * @param topics the event's topics (32-byte hashes)
 */
public record EventRecord(Phase phase, int extrinsicIndex, String pallet, String name, Object fields,
    List<byte[]> topics) {

  /** When an event was emitted. */
  public enum Phase { APPLY_EXTRINSIC, FINALIZATION, INITIALIZATION }

  /** Whether this is {@code pallet.name}. */
  public boolean is(String palletName, String eventName) {
    return pallet.equals(palletName) && name.equals(eventName);
  }

  /** Whether it was emitted by the extrinsic at {@code index}. */
  public boolean emittedBy(int index) {
    return phase == Phase.APPLY_EXTRINSIC && extrinsicIndex == index;
  }

  @Override
  public String toString() {
    return pallet + "." + name + (fields == null ? "" : Values.toString(fields))
        + (phase == Phase.APPLY_EXTRINSIC ? " @extrinsic " + extrinsicIndex : " @" + phase);
  }
}
