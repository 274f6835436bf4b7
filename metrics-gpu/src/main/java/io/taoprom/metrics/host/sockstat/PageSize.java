package io.taoprom.metrics.host.sockstat;

import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

/**
 * The kernel's page size, which {@code /proc/net/sockstat} counts socket buffer memory in: 4 KiB
 * on x86-64, often 64 KiB on arm64 (NVIDIA Grace). Java has no call for it, so it is read from
 * the auxiliary vector the kernel hands every process ({@code AT_PAGESZ} in
 * {@code /proc/self/auxv}), what {@code getpagesize(3)} returns.
 *
 * <pre>{@code
 * long page = PageSize.of(ProcFs.system()); // 4096
 * }</pre>
 */
final class PageSize {

  /** {@code AT_PAGESZ} in {@code <elf.h>}. */
  private static final long AT_PAGESZ = 6;

  /** Where the auxiliary vector cannot be read, the size every x86-64 kernel uses. */
  static final long FALLBACK = 4096;

  private PageSize() {}

  /** This process's page size, from {@code self/auxv} below {@code proc}. */
  static long of(ProcFs proc) {
    try {
      byte[] auxv = Files.readAllBytes(proc.path("self/auxv"));
      return fromAuxv(auxv, "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8, ByteOrder.nativeOrder());
    } catch (IOException | RuntimeException unreadable) {
      return FALLBACK;
    }
  }

  /**
   * {@code AT_PAGESZ} from an auxiliary vector of (type, value) pairs of {@code wordBytes} each.
   *
   * @throws IllegalArgumentException when the vector holds no plausible page size
   */
  static long fromAuxv(byte[] auxv, int wordBytes, ByteOrder order) {
    ByteBuffer words = ByteBuffer.wrap(auxv).order(order);
    while (words.remaining() >= 2 * wordBytes) {
      long type = wordBytes == 8 ? words.getLong() : Integer.toUnsignedLong(words.getInt());
      long value = wordBytes == 8 ? words.getLong() : Integer.toUnsignedLong(words.getInt());
      if (type == 0) {
        break; // AT_NULL ends the vector
      }
      if (type == AT_PAGESZ && value >= 1024 && Long.bitCount(value) == 1) {
        return value;
      }
    }
    throw new IllegalArgumentException("no AT_PAGESZ in the auxiliary vector");
  }
}
