package io.taoprom.metrics.host.nfs;

import java.io.IOException;
import java.nio.file.Path;

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
  final double[] v2 = new double[RpcStatLines.V2.length];
  final double[] v3 = new double[RpcStatLines.V3.length];
  final double[] v4 = new double[V4.length];

  private NfsClientStats() {}

  /**
   * Parses the file's text.
   *
   * @param file the path to name in errors
   */
  static NfsClientStats parse(Path file, String text) throws IOException {
    NfsClientStats stats = new NfsClientStats();
    RpcStatLines.forEachLine(file, text, (label, lines) -> {
      switch (label) {
        case "net" -> RpcStatLines.exactly(lines, label, stats.net);
        case "rpc" -> RpcStatLines.exactly(lines, label, stats.rpc);
        case "proc2" -> RpcStatLines.procedures(lines, label, stats.v2, RpcStatLines.V2.length);
        case "proc3" -> RpcStatLines.procedures(lines, label, stats.v3, RpcStatLines.V3.length);
        case "proc4" -> RpcStatLines.procedures(lines, label, stats.v4, 0);
        default -> { } // a line a newer kernel adds (RpcStatLines.forEachLine)
      }
    });
    return stats;
  }
}
