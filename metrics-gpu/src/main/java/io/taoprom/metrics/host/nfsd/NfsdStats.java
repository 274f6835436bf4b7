package io.taoprom.metrics.host.nfsd;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.nfs.RpcStatLines;
import java.io.IOException;
import java.nio.file.Path;

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
  final double[] v2 = new double[RpcStatLines.V2.length];
  final double[] v3 = new double[RpcStatLines.V3.length];
  final double[] v4Ops = new double[V4_OPS.length];
  double wdelegGetattr;

  private NfsdStats() {}

  /**
   * Parses the file's text.
   *
   * @param file the path to name in errors
   */
  static NfsdStats parse(Path file, String text) throws IOException {
    NfsdStats stats = new NfsdStats();
    RpcStatLines.forEachLine(file, text, (label, lines) -> {
      switch (label) {
        case "rc" -> RpcStatLines.exactly(lines, label, stats.replyCache);
        case "fh" -> RpcStatLines.exactly(lines, label, stats.fileHandles);
        case "io" -> RpcStatLines.exactly(lines, label, stats.io);
        case "th" -> { // thread count and "pool full" count; the histogram after them is deprecated
          if (lines.fieldsLeft() < 2) {
            throw MalformedFileException.expected(file, lines.lineNumber(), "at least 2 values", lines.line());
          }
          stats.threads[0] = RpcStatLines.unsigned(lines, label);
          stats.threads[1] = RpcStatLines.unsigned(lines, label);
        }
        case "ra" -> RpcStatLines.exactly(lines, label, stats.readAhead);
        case "net" -> RpcStatLines.exactly(lines, label, stats.net);
        case "rpc" -> RpcStatLines.exactly(lines, label, stats.rpc);
        case "proc2" -> RpcStatLines.procedures(lines, label, stats.v2, RpcStatLines.V2.length);
        case "proc3" -> RpcStatLines.procedures(lines, label, stats.v3, RpcStatLines.V3.length);
        case "proc4" -> RpcStatLines.procedures(lines, label, new double[2], 2);
        case "proc4ops" -> RpcStatLines.procedures(lines, label, stats.v4Ops, V4_OPS.length - 1);
        case "wdeleg_getattr" -> {
          double[] value = new double[1];
          RpcStatLines.exactly(lines, label, value);
          stats.wdelegGetattr = value[0];
        }
        default -> { } // a line a newer kernel adds (RpcStatLines.forEachLine)
      }
    });
    return stats;
  }
}
