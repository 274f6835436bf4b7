package io.taoprom.metrics.host.udp_queues;

import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MalformedFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sums the queue column of a socket table, {@code /proc/net/udp} or {@code /proc/net/udp6}:
 *
 * <pre>
 *    sl  local_address rem_address   st tx_queue rx_queue tr tm-&gt;when retrnsmt   uid  timeout inode ref pointer drops
 *  1211: 00000000:0044 00000000:0000 07 00000000:00000a40 00:00000000 00000000     0        0 21512 2 0000000000000000 0
 * </pre>
 *
 * <p>The file has a line per socket, so a busy server's is megabytes long: it is read in chunks
 * into one buffer and parsed there, without a {@code String} per line or field. Lines are checked
 * for the kernel's shape (13 columns; {@code sl:}, {@code address:port} pairs in hexadecimal, the
 * state, {@code tx:rx}), as node_exporter's parser checks them.
 *
 * <pre>{@code
 * UdpSocketTable.Queues q = UdpSocketTable.sum(Path.of("/proc/net/udp")); // Queues[tx=0, rx=2624]
 * }</pre>
 */
final class UdpSocketTable {

  /** The queued bytes summed over every socket (64-bit sums, wrapping as node_exporter's do). */
  record Queues(long tx, long rx) {}

  /** Columns of a UDP line: sl through drops. */
  private static final int COLUMNS = 13;

  /** Big enough for hundreds of lines per read; a line must fit in it. */
  private static final int BUFFER_BYTES = 64 * 1024;

  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[BUFFER_BYTES]);

  private final Path file;
  /** Start and end of each of the first {@link #COLUMNS} fields of the current line. */
  private final int[] bounds = new int[2 * COLUMNS];
  private int lineNumber;
  private long tx;
  private long rx;

  private UdpSocketTable(Path file) {
    this.file = file;
  }

  /**
   * The sums of the tx and rx queue columns of {@code file}.
   *
   * @throws java.nio.file.NoSuchFileException when the file does not exist (no IPv6)
   * @throws IOException naming the file and line when a line is not a socket's
   */
  static Queues sum(Path file) throws IOException {
    UdpSocketTable table = new UdpSocketTable(file);
    table.read();
    return new Queues(table.tx, table.rx);
  }

  private void read() throws IOException {
    byte[] buffer = BUFFER.get();
    int filled = 0;
    try (InputStream in = Files.newInputStream(file)) {
      while (true) {
        int n = in.read(buffer, filled, buffer.length - filled);
        if (n < 0) {
          break;
        }
        filled += n;
        int consumed = lines(buffer, filled, false);
        System.arraycopy(buffer, consumed, buffer, 0, filled - consumed);
        filled -= consumed;
        if (filled == buffer.length) {
          throw new IOException(file + " line " + (lineNumber + 1) + " is longer than " + BUFFER_BYTES + " bytes");
        }
      }
    }
    lines(buffer, filled, true);
  }

  /** Parses the complete lines in {@code buffer[0, filled)}; returns the bytes consumed. */
  private int lines(byte[] buffer, int filled, boolean atEnd) throws IOException {
    int start = 0;
    while (start < filled) {
      int nl = indexOf(buffer, (byte) '\n', start, filled);
      if (nl < 0 && !atEnd) {
        break;
      }
      int end = nl < 0 ? filled : nl;
      lineNumber++;
      if (lineNumber > 1) { // the first line is the header
        socket(buffer, start, end);
      }
      start = end + 1;
    }
    return Math.min(start, filled);
  }

  private void socket(byte[] b, int start, int end) throws IOException {
    int columns = 0;
    int i = start;
    while (i < end) {
      while (i < end && b[i] == ' ') {
        i++;
      }
      if (i == end) {
        break;
      }
      int fieldStart = i;
      while (i < end && b[i] != ' ') {
        i++;
      }
      if (columns < COLUMNS) {
        bounds[2 * columns] = fieldStart;
        bounds[2 * columns + 1] = i;
      }
      columns++;
    }
    if (columns == 0) {
      return;
    }
    if (columns < COLUMNS) {
      throw malformed(COLUMNS + " columns", b, start, end);
    }
    if (b[bounds[1] - 1] != ':' || !hex(b, bounds[0], bounds[1] - 1)) {
      throw malformed("the slot number and ':' first", b, bounds[0], bounds[1]);
    }
    if (!pair(b, bounds[2], bounds[3])) {
      throw malformed("a hexadecimal address:port", b, bounds[2], bounds[3]);
    }
    if (!pair(b, bounds[4], bounds[5])) {
      throw malformed("a hexadecimal address:port", b, bounds[4], bounds[5]);
    }
    if (!hex(b, bounds[6], bounds[7])) {
      throw malformed("the socket state in hexadecimal", b, bounds[6], bounds[7]);
    }
    int colon = colon(b, bounds[8], bounds[9]);
    if (colon < 0 || !hex(b, bounds[8], colon) || !hex(b, colon + 1, bounds[9])
        || colon - bounds[8] > 16 || bounds[9] - colon - 1 > 16) {
      throw malformed("the queues as hexadecimal tx:rx", b, bounds[8], bounds[9]);
    }
    tx += value(b, bounds[8], colon);
    rx += value(b, colon + 1, bounds[9]);
  }

  private static boolean pair(byte[] b, int from, int to) {
    int colon = colon(b, from, to);
    int address = colon - from;
    return colon > 0 && (address == 8 || address == 32) && hex(b, from, colon) && hex(b, colon + 1, to);
  }

  private static int colon(byte[] b, int from, int to) {
    return indexOf(b, (byte) ':', from, to);
  }

  private static boolean hex(byte[] b, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (KernelNumbers.hexDigit((char) b[i]) < 0) {
        return false;
      }
    }
    return true;
  }

  private static long value(byte[] b, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | KernelNumbers.hexDigit((char) b[i]);
    }
    return v;
  }

  private static int indexOf(byte[] b, byte wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  /** An error about the current line, quoting the part of it that is wrong, escaped and cut short. */
  private IOException malformed(String expected, byte[] b, int from, int to) {
    String found = new String(b, from, Math.min(to - from, 200), StandardCharsets.ISO_8859_1);
    return MalformedFileException.expected(file, lineNumber, expected, found);
  }
}
