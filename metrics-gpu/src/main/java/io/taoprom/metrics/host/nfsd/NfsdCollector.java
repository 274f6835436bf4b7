package io.taoprom.metrics.host.nfsd;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadError;
import io.taoprom.metrics.host.nfs.RpcStatLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;

/**
 * node_exporter's nfsd collector (the kernel NFS server):
 *
 * <pre>
 * # HELP node_nfsd_requests_total Total number NFSd Requests by method and protocol.
 * # TYPE node_nfsd_requests_total counter
 * node_nfsd_requests_total{method="Read",proto="4"} 1.2077E7
 * </pre>
 *
 * plus the reply cache, stale file handles, bytes read and written, threads, the read-ahead
 * cache, packets, connections and RPC errors. NFSv4 operations are taken at the kernel's operation
 * numbers as current upstream node_exporter takes them (1.5 read Verify, Write and RelLockOwner two
 * places off and had no SetClientID, SetClientIDConfirm and WdelegGetattr).
 */
final class NfsdCollector implements MultiCollector {

  static final String FILE = "net/rpc/nfsd";

  /** The NFSv4 operations served, in node_exporter's order (PUTPUBFH and PUTROOTFH are not). */
  private static final String[] V4_SERVED = {
    "Access", "Close", "Commit", "Create", "DelegPurge", "DelegReturn", "GetAttr", "GetFH", "Link",
    "Lock", "Lockt", "Locku", "Lookup", "LookupRoot", "Nverify", "Open", "OpenAttr", "OpenConfirm",
    "OpenDgrd", "PutFH", "Read", "ReadDir", "ReadLink", "Remove", "Rename", "Renew", "RestoreFH",
    "SaveFH", "SecInfo", "SetAttr", "SetClientID", "SetClientIDConfirm", "Verify", "Write", "RelLockOwner",
  };

  private static final MetricMetadata REPLY_CACHE_HITS = meta("reply_cache_hits",
      "Total number of NFSd Reply Cache hits (client lost server response).");
  private static final MetricMetadata REPLY_CACHE_MISSES = meta("reply_cache_misses",
      "Total number of NFSd Reply Cache an operation that requires caching (idempotent).");
  private static final MetricMetadata REPLY_CACHE_NOCACHE = meta("reply_cache_nocache",
      "Total number of NFSd Reply Cache non-idempotent operations (rename/delete/…).");
  private static final MetricMetadata FILE_HANDLES_STALE =
      meta("file_handles_stale", "Total number of NFSd stale file handles");
  private static final MetricMetadata DISK_BYTES_READ = meta("disk_bytes_read", "Total NFSd bytes read.");
  private static final MetricMetadata DISK_BYTES_WRITTEN = meta("disk_bytes_written", "Total NFSd bytes written.");
  private static final MetricMetadata SERVER_THREADS =
      meta("server_threads", "Total number of NFSd kernel threads that are running.");
  private static final MetricMetadata READ_AHEAD_SIZE =
      meta("read_ahead_cache_size_blocks", "How large the read ahead cache is in blocks.");
  private static final MetricMetadata READ_AHEAD_NOT_FOUND =
      meta("read_ahead_cache_not_found", "Total number of NFSd read ahead cache not found.");
  private static final MetricMetadata PACKETS =
      meta("packets", "Total NFSd network packets (sent+received) by protocol type.");
  private static final MetricMetadata CONNECTIONS = meta("connections", "Total number of NFSd TCP connections.");
  private static final MetricMetadata RPC_ERRORS = meta("rpc_errors", "Total number of NFSd RPC errors by error type.");
  private static final MetricMetadata SERVER_RPCS = meta("server_rpcs", "Total number of NFSd RPCs.");
  private static final MetricMetadata REQUESTS =
      meta("requests", "Total number NFSd Requests by method and protocol.");

  private final ProcFs proc;

  NfsdCollector(ProcFs proc) {
    this.proc = proc;
  }

  private static MetricMetadata meta(String name, String help) {
    return new MetricMetadata("node_nfsd_" + name, help);
  }

  @Override
  public MetricSnapshots collect() {
    String text;
    try {
      text = proc.read(FILE);
    } catch (NoSuchFileException noServer) {
      return MetricSnapshots.of();
    } catch (IOException e) {
      IOException named = ReadError.of(proc.path(FILE), e);
      throw new UncheckedIOException(named.getMessage(), named);
    }
    NfsdStats s;
    try {
      s = NfsdStats.parse(proc.path(FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    HostFamilies out = new HostFamilies();
    out.counter(REPLY_CACHE_HITS, Labels.EMPTY, s.replyCache[0]);
    out.counter(REPLY_CACHE_MISSES, Labels.EMPTY, s.replyCache[1]);
    out.counter(REPLY_CACHE_NOCACHE, Labels.EMPTY, s.replyCache[2]);
    out.counter(FILE_HANDLES_STALE, Labels.EMPTY, s.fileHandles[0]); // the other four are always 0
    out.counter(DISK_BYTES_READ, Labels.EMPTY, s.io[0]);
    out.counter(DISK_BYTES_WRITTEN, Labels.EMPTY, s.io[1]);
    out.gauge(SERVER_THREADS, Labels.EMPTY, s.threads[0]);
    out.gauge(READ_AHEAD_SIZE, Labels.EMPTY, s.readAhead[0]);
    out.counter(READ_AHEAD_NOT_FOUND, Labels.EMPTY, s.readAhead[11]);
    out.counter(PACKETS, Labels.of("proto", "udp"), s.net[1]);
    out.counter(PACKETS, Labels.of("proto", "tcp"), s.net[2]);
    out.counter(CONNECTIONS, Labels.EMPTY, s.net[3]);
    out.counter(RPC_ERRORS, Labels.of("error", "fmt"), s.rpc[2]);
    out.counter(RPC_ERRORS, Labels.of("error", "auth"), s.rpc[3]);
    out.counter(RPC_ERRORS, Labels.of("error", "cInt"), s.rpc[4]);
    out.counter(SERVER_RPCS, Labels.EMPTY, s.rpc[0]);
    for (int i = 1; i < RpcStatLines.V2.length; i++) { // NULL is not served
      out.counter(REQUESTS, Labels.of("proto", "2", "method", RpcStatLines.V2[i]), s.v2[i]);
    }
    for (int i = 1; i < RpcStatLines.V3.length; i++) {
      out.counter(REQUESTS, Labels.of("proto", "3", "method", RpcStatLines.V3[i]), s.v3[i]);
    }
    for (String op : V4_SERVED) {
      out.counter(REQUESTS, Labels.of("proto", "4", "method", op), s.v4Ops[opNumber(op)]);
    }
    out.counter(REQUESTS, Labels.of("proto", "4", "method", "WdelegGetattr"), s.wdelegGetattr);
    return out.snapshots();
  }

  private static int opNumber(String op) {
    for (int i = 0; i < NfsdStats.V4_OPS.length; i++) {
      if (op.equals(NfsdStats.V4_OPS[i])) {
        return i;
      }
    }
    throw new AssertionError(op);
  }
}
