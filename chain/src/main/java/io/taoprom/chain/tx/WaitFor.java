package io.taoprom.chain.tx;

/** How long {@link Author#submitAndWatch} waits. */
public enum WaitFor {
  /** Until the transaction is in a block (fast; the block may still be retracted). */
  IN_BLOCK,
  /** Until the block that includes it is finalized (the default for registrations). */
  FINALIZED
}
