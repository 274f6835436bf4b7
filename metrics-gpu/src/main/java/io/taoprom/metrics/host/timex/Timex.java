package io.taoprom.metrics.host.timex;

import java.nio.ByteBuffer;

/**
 * What {@code adjtimex(2)} returns: the clock state and the {@code struct timex} it fills, the
 * fields node_exporter reads, in the kernel's units.
 *
 * <p>{@link #decode} reads the struct as glibc lays it out on 64-bit Linux (x86_64 and aarch64
 * alike, where {@code long} is 8 bytes and {@code int} 4, each aligned to its size): 208 bytes,
 *
 * <pre>
 *   0 modes (int)      8 offset     16 freq      24 maxerror   32 esterror   40 status (int)
 *  48 constant        56 precision  64 tolerance 72 time (timeval, 16)      88 tick
 *  96 ppsfreq        104 jitter    112 shift (int)           120 stabil    128 jitcnt
 * 136 calcnt         144 errcnt    152 stbcnt   160 tai (int) 164..207 reserved
 * </pre>
 *
 * @param clockState the return value: {@code TIME_OK} 0 ... {@code TIME_ERROR} 5
 * @param offset time offset, microseconds (nanoseconds with {@code STA_NANO} in {@code status})
 * @param freq frequency offset, ppm with a 16-bit fraction
 * @param maxError maximum error, microseconds
 * @param estError estimated error, microseconds
 * @param status the {@code STA_*} bits
 * @param constant the PLL time constant
 * @param tick microseconds between clock ticks
 * @param ppsFreq PPS frequency, ppm with a 16-bit fraction
 * @param jitter PPS jitter, microseconds (nanoseconds with {@code STA_NANO})
 * @param shift PPS interval duration, seconds as a power of two
 * @param stabil PPS stability, ppm with a 16-bit fraction
 * @param jitCnt PPS jitter limit exceeded events
 * @param calCnt PPS calibration intervals
 * @param errCnt PPS calibration errors
 * @param stbCnt PPS stability limit exceeded events
 * @param tai TAI offset, seconds
 */
record Timex(
    int clockState,
    long offset,
    long freq,
    long maxError,
    long estError,
    int status,
    long constant,
    long tick,
    long ppsFreq,
    long jitter,
    int shift,
    long stabil,
    long jitCnt,
    long calCnt,
    long errCnt,
    long stbCnt,
    int tai) {

  /** {@code sizeof(struct timex)} on 64-bit glibc. */
  static final int STRUCT_SIZE = 208;

  /** {@code TIME_ERROR}: the clock is not synchronized to a reliable server. */
  static final int TIME_ERROR = 5;

  /** {@code STA_NANO}: offset and jitter are in nanoseconds, not microseconds. */
  static final int STA_NANO = 0x2000;

  /** Reads a filled struct from {@code struct}'s position, in its byte order (the machine's for a real call). */
  static Timex decode(ByteBuffer struct, int clockState) {
    ByteBuffer b = struct.duplicate().order(struct.order());
    if (b.remaining() < STRUCT_SIZE) {
      throw new IllegalArgumentException("struct timex is " + STRUCT_SIZE + " bytes, got " + b.remaining());
    }
    int base = b.position();
    return new Timex(
        clockState,
        b.getLong(base + 8),
        b.getLong(base + 16),
        b.getLong(base + 24),
        b.getLong(base + 32),
        b.getInt(base + 40),
        b.getLong(base + 48),
        b.getLong(base + 88),
        b.getLong(base + 96),
        b.getLong(base + 104),
        b.getInt(base + 112),
        b.getLong(base + 120),
        b.getLong(base + 128),
        b.getLong(base + 136),
        b.getLong(base + 144),
        b.getLong(base + 152),
        b.getInt(base + 160));
  }
}
