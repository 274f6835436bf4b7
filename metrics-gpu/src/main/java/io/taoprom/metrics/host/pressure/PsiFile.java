package io.taoprom.metrics.host.pressure;

import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one file of {@code /proc/pressure}, such as {@code io}:
 *
 * <pre>
 * some avg10=0.00 avg60=0.04 avg300=0.01 total=3248354
 * full avg10=0.00 avg60=0.00 avg300=0.00 total=2149127
 * </pre>
 *
 * <p>Only the {@code total} stall times (microseconds) are kept; the averages are Prometheus'
 * to compute with {@code rate()}.
 */
final class PsiFile {

  /** What reading a resource's file found. */
  enum State {
    /** The file was read; its totals are in the {@link Totals}. */
    READ,
    /** No such file: a kernel before 4.20 (6.1 for {@code irq}) or without {@code CONFIG_PSI}. */
    ABSENT,
    /** PSI is built in but switched off ({@code psi=0}): the kernel refuses with EOPNOTSUPP. */
    DISABLED
  }

  /**
   * One file's totals in microseconds, NaN for a line it does not have.
   *
   * @param file the file read, for messages
   */
  record Totals(State state, Path file, double some, double full) {

    /** The file should have had this line. */
    MalformedFileException lacks(String kind) {
      return new MalformedFileException(file, "has no \"" + kind + "\" line");
    }
  }

  /** What Java reports for EOPNOTSUPP (its text of {@code strerror}, the same in every locale). */
  private static final String NOT_SUPPORTED = "Operation not supported";

  /** Reads a file below {@code /proc}; the seam through which tests make the kernel refuse. */
  @FunctionalInterface
  interface Reader {
    String read(String relative) throws IOException;
  }

  private static final String FORMAT = "is not \"some|full avg10=A avg60=A avg300=A total=N\"";

  private PsiFile() {}

  static Totals read(ProcFs proc, Reader reader, String resource) throws IOException {
    String relative = "pressure/" + resource;
    Path file = proc.path(relative);
    String content;
    try {
      content = reader.read(relative);
    } catch (NoSuchFileException e) {
      return new Totals(State.ABSENT, file, Double.NaN, Double.NaN);
    } catch (FileSystemException e) {
      if (NOT_SUPPORTED.equals(e.getReason())) {
        return new Totals(State.DISABLED, file, Double.NaN, Double.NaN);
      }
      throw e;
    }
    double some = Double.NaN;
    double full = Double.NaN;
    ProcText text = new ProcText(content, file);
    while (text.nextLine()) {
      int line = text.lineNumber();
      if (!text.hasField()) {
        continue;
      }
      boolean isSome = text.fieldStartsWith("some");
      if (!isSome && !text.fieldStartsWith("full") || text.fieldsLeft() != 5) {
        throw MalformedFileException.quoting(file, line, FORMAT, text.line());
      }
      String kind = text.field();
      double total = total(text, file, line);
      if (kind.equals("some")) {
        some = total;
      } else if (kind.equals("full")) {
        full = total;
      } else {
        throw MalformedFileException.quoting(file, line, FORMAT, text.line());
      }
    }
    return new Totals(State.READ, file, some, full);
  }

  /** The {@code total=} of the current line, after its three averages. */
  private static double total(ProcText text, Path file, int line) throws MalformedFileException {
    boolean averages = text.fieldStartsWith("avg10=");
    text.skipField();
    averages &= text.fieldStartsWith("avg60=");
    text.skipField();
    averages &= text.fieldStartsWith("avg300=");
    text.skipField();
    String total = text.field();
    if (!averages || !total.startsWith("total=")) {
      throw MalformedFileException.quoting(file, line, FORMAT, text.line());
    }
    try {
      long micros = Long.parseUnsignedLong(total, "total=".length(), total.length(), 10);
      return KernelNumbers.unsignedToDouble(micros); // a u64 as node_exporter's float64(uint64) has it
    } catch (NumberFormatException e) {
      throw MalformedFileException.quoting(file, line, "has a total that is not a whole number", text.line());
    }
  }
}
