package io.taoprom.chain.tx;

/**
 * The mortality of a transaction ({@code CheckMortality}): immortal, or valid for {@code period}
 * blocks from the block it was built at.
 *
 * <pre>{@code
 * Era era = Era.mortal(64, 1_000_123);   // valid from block 1_000_123 (its "birth") for 64 blocks
 * byte[] encoded = era.encode();
 * }</pre>
 *
 * @param period the number of blocks it is valid for (a power of two in 4..65536), or 0 for
 *     immortal
 * @param phase the position of the birth block within the period
 */
public record Era(int period, int phase) {

  /** Valid forever (signed against the genesis hash). */
  public static Era immortal() {
    return new Era(0, 0);
  }

  /**
   * Valid for about {@code period} blocks (rounded up to a power of two within 4..65536) from
   * {@code currentBlock}.
   */
  public static Era mortal(long period, long currentBlock) {
    if (period <= 0) {
      throw new IllegalArgumentException("a mortal era needs a positive period, got " + period);
    }
    long p = Long.highestOneBit(Math.max(4, Math.min(period, 1L << 16)));
    if (p < period && p < (1L << 16)) {
      p <<= 1;
    }
    long phase = currentBlock % p;
    long quantize = Math.max(p >> 12, 1);
    long quantizedPhase = phase / quantize * quantize;
    return new Era((int) p, (int) quantizedPhase);
  }

  public boolean isImmortal() {
    return period == 0;
  }

  /** The SCALE encoding: {@code 0x00} for immortal, else two bytes. */
  public byte[] encode() {
    if (isImmortal()) {
      return new byte[] {0};
    }
    int quantize = Math.max(period >> 12, 1);
    int low = Math.min(15, Math.max(1, Integer.numberOfTrailingZeros(period) - 1));
    int encoded = low | ((phase / quantize) << 4);
    return new byte[] {(byte) encoded, (byte) (encoded >>> 8)};
  }

  /** The first block in which a transaction built at {@code currentBlock} is valid. */
  public long birth(long currentBlock) {
    if (isImmortal()) {
      return 0;
    }
    return (Math.max(currentBlock, phase) - phase) / period * period + phase;
  }

  /** The first block in which it is no longer valid. */
  public long death(long currentBlock) {
    return isImmortal() ? Long.MAX_VALUE : birth(currentBlock) + period;
  }
}
