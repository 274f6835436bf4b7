package io.taoprom.metrics.host.nfs;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcText;
import java.nio.file.Path;

/**
 * What the NFS client's {@code /proc/net/rpc/nfs} and the server's {@code /proc/net/rpc/nfsd}
 * share: lines of a label and unsigned counters ({@code net}, {@code rpc}, {@code procN}), and the
 * NFSv2 and NFSv3 procedures the {@code procN} lines count, in the kernel's order, as
 * node_exporter's {@code method} label names them.
 *
 * <pre>{@code
 * RpcStatLines.forEachLine(file, text, (label, lines) -> {
 *   switch (label) {
 *     case "rpc" -> RpcStatLines.exactly(lines, label, rpc);                        // "rpc 48620137 27 48620164"
 *     case "proc3" -> RpcStatLines.procedures(lines, label, v3, RpcStatLines.V3.length); // "proc3 22 0 11042 ..."
 *     default -> { }
 *   }
 * });
 * }</pre>
 */
public final class RpcStatLines {

  /** NFSv2 procedures in the kernel's order. */
  public static final String[] V2 = {
    "Null", "GetAttr", "SetAttr", "Root", "Lookup", "ReadLink", "Read", "WrCache", "Write", "Create",
    "Remove", "Rename", "Link", "SymLink", "MkDir", "RmDir", "ReadDir", "FsStat",
  };

  /** NFSv3 procedures in the kernel's order. */
  public static final String[] V3 = {
    "Null", "GetAttr", "SetAttr", "Lookup", "Access", "ReadLink", "Read", "Write", "Create", "MkDir",
    "SymLink", "MkNod", "Remove", "RmDir", "Rename", "Link", "ReadDir", "ReadDirPlus", "FsStat",
    "FsInfo", "PathConf", "Commit",
  };

  private RpcStatLines() {}

  /** One labelled line's reading. */
  @FunctionalInterface
  public interface LabelledLine {
    /** Reads the rest of the line labelled {@code label} from {@code lines}. */
    void read(String label, ProcText lines) throws MalformedFileException;
  }

  /**
   * Every line of {@code text}, read from {@code file}, handed to {@code line} with its label;
   * blank lines are skipped. A label neither file knows is a line a newer kernel adds, which
   * {@code line} leaves alone (node_exporter 1.5 would refuse the file).
   */
  public static void forEachLine(Path file, String text, LabelledLine line) throws MalformedFileException {
    ProcText lines = new ProcText(text, file);
    while (lines.nextLine()) {
      if (lines.hasField()) {
        line.read(lines.field(), lines);
      }
    }
  }

  /** The rest of the line labelled {@code label}, exactly {@code into.length} values. */
  public static void exactly(ProcText lines, String label, double[] into) throws MalformedFileException {
    if (lines.fieldsLeft() != into.length) {
      throw MalformedFileException.expected(lines.file(), lines.lineNumber(), into.length + " values", lines.line());
    }
    for (int i = 0; i < into.length; i++) {
      into[i] = unsigned(lines, label);
    }
  }

  /**
   * The rest of a {@code procN} line: its count, then that many values; at least {@code minimum}
   * of them. Values beyond {@code into} are newer procedures node_exporter does not serve; missing
   * ones (an older kernel) stay 0.
   */
  public static void procedures(ProcText lines, String label, double[] into, int minimum)
      throws MalformedFileException {
    double count = unsigned(lines, label);
    int values = lines.fieldsLeft();
    if (count != values || values < minimum) {
      throw MalformedFileException.expected(lines.file(), lines.lineNumber(),
          "a count of at least " + minimum + " and that many values", lines.line());
    }
    for (int i = 0; i < values; i++) {
      double v = unsigned(lines, label);
      if (i < into.length) {
        into[i] = v;
      }
    }
  }

  /** The next value of the line labelled {@code label}. */
  public static double unsigned(ProcText lines, String label) throws MalformedFileException {
    try {
      return lines.unsigned();
    } catch (MalformedFileException e) {
      throw MalformedFileException.expected(
          lines.file(), lines.lineNumber(), "unsigned numbers after " + label, lines.line());
    }
  }
}
