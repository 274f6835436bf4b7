package io.taoprom.metrics.host.nfs;

import io.taoprom.metrics.host.ProcText;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;

/**
 * {@code /proc/net/rpc/nfs}, the kernel's NFS client counters:
 *
 * <pre>
 * net 0 0 0 0
 * rpc 48620137 27 48620164
 * proc3 22 0 11042 0 1391 ...
 * proc4 69 0 17553311 ...
 * </pre>
 *
 * {@code net} is packets (all, UDP, TCP) and TCP connections; {@code rpc} is calls,
 * retransmissions and authentication refreshes; each {@code procN} line counts the procedures of
 * NFS version N, the count of values first. A version the kernel does not print reads as zeros,
 * as node_exporter reads it.
 */
final class NfsClientStats {

  /** NFSv2 procedures in the kernel's order, as node_exporter's {@code method} label names them. */
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

  /**
   * The first 59 NFSv4 client operations in the kernel's {@code NFSPROC4_CLNT_*} order (later
   * kernels count more; node_exporter serves these 59).
   */
  static final String[] V4 = {
    "Null", "Read", "Write", "Commit", "Open", "OpenConfirm", "OpenNoattr", "OpenDowngrade", "Close",
    "Setattr", "FsInfo", "Renew", "SetClientID", "SetClientIDConfirm", "Lock", "Lockt", "Locku",
    "Access", "Getattr", "Lookup", "LookupRoot", "Remove", "Rename", "Link", "Symlink", "Create",
    "Pathconf", "StatFs", "ReadLink", "ReadDir", "ServerCaps", "DelegReturn", "GetACL", "SetACL",
    "FsLocations", "ReleaseLockowner", "Secinfo", "FsidPresent", "ExchangeID", "CreateSession",
    "DestroySession", "Sequence", "GetLeaseTime", "ReclaimComplete", "LayoutGet", "GetDeviceInfo",
    "LayoutCommit", "LayoutReturn", "SecinfoNoName", "TestStateID", "FreeStateID", "GetDeviceList",
    "BindConnToSession", "DestroyClientID", "Seek", "Allocate", "DeAllocate", "LayoutStats", "Clone",
  };

  /** Packets (all, UDP, TCP) and TCP connections. */
  final double[] net = new double[4];
  /** Calls, retransmissions, authentication refreshes. */
  final double[] rpc = new double[3];
  final double[] v2 = new double[V2.length];
  final double[] v3 = new double[V3.length];
  final double[] v4 = new double[V4.length];

  private NfsClientStats() {}

  /**
   * Parses the file's text.
   *
   * @param file the path to name in errors
   */
  static NfsClientStats parse(String file, String text) throws IOException {
    NfsClientStats stats = new NfsClientStats();
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
          case "net" -> exactly(lines, stats.net, file, lineNumber);
          case "rpc" -> exactly(lines, stats.rpc, file, lineNumber);
          case "proc2" -> procedures(lines, stats.v2, V2.length, file, lineNumber);
          case "proc3" -> procedures(lines, stats.v3, V3.length, file, lineNumber);
          case "proc4" -> procedures(lines, stats.v4, 0, file, lineNumber);
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

  /**
   * A {@code procN} line: its count, then that many values; at least {@code minimum} of them.
   * Values beyond {@code into} are newer procedures node_exporter does not serve; missing ones
   * (an older kernel) stay 0.
   */
  static void procedures(ProcText lines, double[] into, int minimum, String file, int lineNumber)
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

  static IOException malformed(String file, int lineNumber, String expected, String line) {
    return new IOException(file + " line " + lineNumber + ": expected " + expected + ", found "
        + Excerpt.quoted(line, 120));
  }
}
