package io.taoprom.metrics.host.nfsd;

import io.taoprom.metrics.host.ProcText;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;

/**
 * {@code /proc/net/rpc/nfsd}, the kernel NFS server's counters:
 *
 * <pre>
 * rc 0 157093 1843211
 * fh 3 0 0 0 0
 * io 1324875776 6589108224
 * th 64 0 0.000 0.000 ...
 * ra 0 0 0 0 0 0 0 0 0 0 0 0
 * net 2000302 0 2000302 126
 * rpc 2000301 0 0 0 0
 * proc3 22 12 2983 34 ...
 * proc4 2 1 2000286
 * proc4ops 76 0 0 0 1234 ...
 * wdeleg_getattr 0
 * </pre>
 *
 * The reply cache (hits, misses, uncached), stale file handles, bytes read and written, threads,
 * the read-ahead cache (size, ten histogram buckets, not found), packets (all, UDP, TCP) and TCP
 * connections, RPC calls and bad calls (total, format, auth, client), then per NFS version the
 * count of each procedure, and per NFSv4 operation number the operations in compounds.
 */
final class NfsdStats {

  /** NFSv2 procedures in the kernel's order. */
  static final String[] V2 = {
    "Null", "GetAttr", "SetAttr", "Root", "Lookup", "ReadLink", "Read", "WrCache", "Write", "Create",
    "Remove", "Rename", "Link", "SymLink", "MkDir", "RmDir", "ReadDir", "FsStat",
  };

  /** NFSv3 procedures in the kernel's order. */
  static final String[] V3 = {
    "Null", "GetAttr", "SetAttr", "Lookup", "Access", "ReadLink", "Read", "Write", "Create", "MkDir",
    "SymLink", "MkNod", "Remove", "RmDir", "Rename", "Link", "ReadDir", "ReadDirPlus", "FsStat",
    "FsInfo", "PathConf", "Commit",
  };

  /** The NFSv4 operations node_exporter serves, by their number ({@code OP_ACCESS} = 3, …). */
  static final String[] V4_OPS = new String[40];

  static {
    String[] names = {
      "Access", "Close", "Commit", "Create", "DelegPurge", "DelegReturn", "GetAttr", "GetFH", "Link",
      "Lock", "Lockt", "Locku", "Lookup", "LookupRoot", "Nverify", "Open", "OpenAttr", "OpenConfirm",
      "OpenDgrd", "PutFH", "PutPubFH", "PutRootFH", "Read", "ReadDir", "ReadLink", "Remove", "Rename",
      "Renew", "RestoreFH", "SaveFH", "SecInfo", "SetAttr", "SetClientID", "SetClientIDConfirm",
      "Verify", "Write", "RelLockOwner",
    };
    System.arraycopy(names, 0, V4_OPS, 3, names.length);
  }

  final double[] replyCache = new double[3];
  final double[] fileHandles = new double[5];
  final double[] io = new double[2];
  final double[] threads = new double[2];
  final double[] readAhead = new double[12];
  final double[] net = new double[4];
  final double[] rpc = new double[5];
  final double[] v2 = new double[V2.length];
  final double[] v3 = new double[V3.length];
  final double[] v4Ops = new double[V4_OPS.length];
  double wdelegGetattr;

  private NfsdStats() {}

  /**
   * Parses the file's text.
   *
   * @param file the path to name in errors
   */
  static NfsdStats parse(String file, String text) throws IOException {
    NfsdStats stats = new NfsdStats();
    ProcText lines = new ProcText(text);
    int lineNumber = 0;
    while (lines.nextLine()) {
      lineNumber++;
      if (!lines.hasField()) {
        continue;
      }
      String label = lines.field();
      try {
        switch (label) {
          case "rc" -> exactly(lines, stats.replyCache, file, lineNumber);
          case "fh" -> exactly(lines, stats.fileHandles, file, lineNumber);
          case "io" -> exactly(lines, stats.io, file, lineNumber);
          case "th" -> { // thread count and "pool full" count; the histogram after them is deprecated
            if (lines.fieldsLeft() < 2) {
              throw malformed(file, lineNumber, "at least 2 values", lines.line());
            }
            stats.threads[0] = lines.unsigned();
            stats.threads[1] = lines.unsigned();
          }
          case "ra" -> exactly(lines, stats.readAhead, file, lineNumber);
          case "net" -> exactly(lines, stats.net, file, lineNumber);
          case "rpc" -> exactly(lines, stats.rpc, file, lineNumber);
          case "proc2" -> procedures(lines, stats.v2, V2.length, file, lineNumber);
          case "proc3" -> procedures(lines, stats.v3, V3.length, file, lineNumber);
          case "proc4" -> procedures(lines, new double[2], 2, file, lineNumber);
          case "proc4ops" -> procedures(lines, stats.v4Ops, V4_OPS.length - 1, file, lineNumber);
          case "wdeleg_getattr" -> {
            double[] value = new double[1];
            exactly(lines, value, file, lineNumber);
            stats.wdelegGetattr = value[0];
          }
          default -> { } // a line a newer kernel adds; node_exporter 1.5 would refuse the file
        }
      } catch (IllegalArgumentException e) {
        throw malformed(file, lineNumber, "unsigned numbers after " + label, lines.line());
      }
    }
    return stats;
  }

  private static void exactly(ProcText lines, double[] into, String file, int lineNumber) throws IOException {
    if (lines.fieldsLeft() != into.length) {
      throw malformed(file, lineNumber, into.length + " values", lines.line());
    }
    for (int i = 0; i < into.length; i++) {
      into[i] = lines.unsigned();
    }
  }

  /** Its count, then that many values, at least {@code minimum}; values beyond {@code into} are left out. */
  private static void procedures(ProcText lines, double[] into, int minimum, String file, int lineNumber)
      throws IOException {
    double count = lines.unsigned();
    int values = lines.fieldsLeft();
    if (count != values || values < minimum) {
      throw malformed(file, lineNumber, "a count of at least " + minimum + " and that many values", lines.line());
    }
    for (int i = 0; i < values; i++) {
      double v = lines.unsigned();
      if (i < into.length) {
        into[i] = v;
      }
    }
  }

  private static IOException malformed(String file, int lineNumber, String expected, String line) {
    return new IOException(file + " line " + lineNumber + ": expected " + expected + ", found "
        + Excerpt.quoted(line, 120));
  }
}
