package io.taoprom.metrics.host.nfsd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.ProcFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfsdCollectorTest {

  @Test
  void goldenTextOfAStorageHeadServingNfs() {
    NfsdCollector collector = new NfsdCollector(HostFixtures.proc("nfsd", "gpu-server"));

    // A 5.15 kernel's file (Ubuntu 22.04): 76 NFSv4 operation counters, no wdeleg_getattr line
    // (WdelegGetattr 0). Verify (op 37), Write (38) and RelLockOwner (39) are read at their
    // operation numbers, as current upstream reads them; node_exporter 1.5 read them two places off.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_nfsd_connections_total Total number of NFSd TCP connections.
        # TYPE node_nfsd_connections_total counter
        node_nfsd_connections_total 126.0
        # HELP node_nfsd_disk_bytes_read_total Total NFSd bytes read.
        # TYPE node_nfsd_disk_bytes_read_total counter
        node_nfsd_disk_bytes_read_total 1.324875776E9
        # HELP node_nfsd_disk_bytes_written_total Total NFSd bytes written.
        # TYPE node_nfsd_disk_bytes_written_total counter
        node_nfsd_disk_bytes_written_total 6.589108224E9
        # HELP node_nfsd_file_handles_stale_total Total number of NFSd stale file handles
        # TYPE node_nfsd_file_handles_stale_total counter
        node_nfsd_file_handles_stale_total 3.0
        # HELP node_nfsd_packets_total Total NFSd network packets (sent+received) by protocol type.
        # TYPE node_nfsd_packets_total counter
        node_nfsd_packets_total{proto="tcp"} 2000302.0
        node_nfsd_packets_total{proto="udp"} 0.0
        # HELP node_nfsd_read_ahead_cache_not_found_total Total number of NFSd read ahead cache not found.
        # TYPE node_nfsd_read_ahead_cache_not_found_total counter
        node_nfsd_read_ahead_cache_not_found_total 0.0
        # HELP node_nfsd_read_ahead_cache_size_blocks How large the read ahead cache is in blocks.
        # TYPE node_nfsd_read_ahead_cache_size_blocks gauge
        node_nfsd_read_ahead_cache_size_blocks 0.0
        # HELP node_nfsd_reply_cache_hits_total Total number of NFSd Reply Cache hits (client lost server response).
        # TYPE node_nfsd_reply_cache_hits_total counter
        node_nfsd_reply_cache_hits_total 0.0
        # HELP node_nfsd_reply_cache_misses_total Total number of NFSd Reply Cache an operation that requires caching (idempotent).
        # TYPE node_nfsd_reply_cache_misses_total counter
        node_nfsd_reply_cache_misses_total 157093.0
        # HELP node_nfsd_reply_cache_nocache_total Total number of NFSd Reply Cache non-idempotent operations (rename/delete/…).
        # TYPE node_nfsd_reply_cache_nocache_total counter
        node_nfsd_reply_cache_nocache_total 1843211.0
        # HELP node_nfsd_requests_total Total number NFSd Requests by method and protocol.
        # TYPE node_nfsd_requests_total counter
        node_nfsd_requests_total{method="Access",proto="3"} 4412.0
        node_nfsd_requests_total{method="Access",proto="4"} 1402211.0
        node_nfsd_requests_total{method="Close",proto="4"} 903321.0
        node_nfsd_requests_total{method="Commit",proto="3"} 1011.0
        node_nfsd_requests_total{method="Commit",proto="4"} 881.0
        node_nfsd_requests_total{method="Create",proto="2"} 0.0
        node_nfsd_requests_total{method="Create",proto="3"} 81.0
        node_nfsd_requests_total{method="Create",proto="4"} 12.0
        node_nfsd_requests_total{method="DelegPurge",proto="4"} 0.0
        node_nfsd_requests_total{method="DelegReturn",proto="4"} 0.0
        node_nfsd_requests_total{method="FsInfo",proto="3"} 2.0
        node_nfsd_requests_total{method="FsStat",proto="2"} 0.0
        node_nfsd_requests_total{method="FsStat",proto="3"} 44.0
        node_nfsd_requests_total{method="GetAttr",proto="2"} 0.0
        node_nfsd_requests_total{method="GetAttr",proto="3"} 2983.0
        node_nfsd_requests_total{method="GetAttr",proto="4"} 4188201.0
        node_nfsd_requests_total{method="GetFH",proto="4"} 603312.0
        node_nfsd_requests_total{method="Link",proto="2"} 0.0
        node_nfsd_requests_total{method="Link",proto="3"} 0.0
        node_nfsd_requests_total{method="Link",proto="4"} 0.0
        node_nfsd_requests_total{method="Lock",proto="4"} 30.0
        node_nfsd_requests_total{method="Lockt",proto="4"} 30.0
        node_nfsd_requests_total{method="Locku",proto="4"} 28.0
        node_nfsd_requests_total{method="Lookup",proto="2"} 0.0
        node_nfsd_requests_total{method="Lookup",proto="3"} 1203.0
        node_nfsd_requests_total{method="Lookup",proto="4"} 210331.0
        node_nfsd_requests_total{method="LookupRoot",proto="4"} 4.0
        node_nfsd_requests_total{method="MkDir",proto="2"} 0.0
        node_nfsd_requests_total{method="MkDir",proto="3"} 3.0
        node_nfsd_requests_total{method="MkNod",proto="3"} 0.0
        node_nfsd_requests_total{method="Nverify",proto="4"} 0.0
        node_nfsd_requests_total{method="Open",proto="4"} 903340.0
        node_nfsd_requests_total{method="OpenAttr",proto="4"} 0.0
        node_nfsd_requests_total{method="OpenConfirm",proto="4"} 0.0
        node_nfsd_requests_total{method="OpenDgrd",proto="4"} 0.0
        node_nfsd_requests_total{method="PathConf",proto="3"} 0.0
        node_nfsd_requests_total{method="PutFH",proto="4"} 4820113.0
        node_nfsd_requests_total{method="Read",proto="2"} 0.0
        node_nfsd_requests_total{method="Read",proto="3"} 1503392.0
        node_nfsd_requests_total{method="Read",proto="4"} 1.2077203E7
        node_nfsd_requests_total{method="ReadDir",proto="2"} 0.0
        node_nfsd_requests_total{method="ReadDir",proto="3"} 118.0
        node_nfsd_requests_total{method="ReadDir",proto="4"} 3302.0
        node_nfsd_requests_total{method="ReadDirPlus",proto="3"} 2210.0
        node_nfsd_requests_total{method="ReadLink",proto="2"} 0.0
        node_nfsd_requests_total{method="ReadLink",proto="3"} 0.0
        node_nfsd_requests_total{method="ReadLink",proto="4"} 0.0
        node_nfsd_requests_total{method="RelLockOwner",proto="4"} 12.0
        node_nfsd_requests_total{method="Remove",proto="2"} 0.0
        node_nfsd_requests_total{method="Remove",proto="3"} 17.0
        node_nfsd_requests_total{method="Remove",proto="4"} 902.0
        node_nfsd_requests_total{method="Rename",proto="2"} 0.0
        node_nfsd_requests_total{method="Rename",proto="3"} 3.0
        node_nfsd_requests_total{method="Rename",proto="4"} 120.0
        node_nfsd_requests_total{method="Renew",proto="4"} 0.0
        node_nfsd_requests_total{method="RestoreFH",proto="4"} 1903.0
        node_nfsd_requests_total{method="RmDir",proto="2"} 0.0
        node_nfsd_requests_total{method="RmDir",proto="3"} 1.0
        node_nfsd_requests_total{method="Root",proto="2"} 0.0
        node_nfsd_requests_total{method="SaveFH",proto="4"} 1904.0
        node_nfsd_requests_total{method="SecInfo",proto="4"} 8.0
        node_nfsd_requests_total{method="SetAttr",proto="2"} 0.0
        node_nfsd_requests_total{method="SetAttr",proto="3"} 34.0
        node_nfsd_requests_total{method="SetAttr",proto="4"} 20344.0
        node_nfsd_requests_total{method="SetClientID",proto="4"} 18.0
        node_nfsd_requests_total{method="SetClientIDConfirm",proto="4"} 18.0
        node_nfsd_requests_total{method="SymLink",proto="2"} 0.0
        node_nfsd_requests_total{method="SymLink",proto="3"} 0.0
        node_nfsd_requests_total{method="Verify",proto="4"} 2.0
        node_nfsd_requests_total{method="WdelegGetattr",proto="4"} 0.0
        node_nfsd_requests_total{method="WrCache",proto="2"} 0.0
        node_nfsd_requests_total{method="Write",proto="2"} 0.0
        node_nfsd_requests_total{method="Write",proto="3"} 902338.0
        node_nfsd_requests_total{method="Write",proto="4"} 8839112.0
        # HELP node_nfsd_rpc_errors_total Total number of NFSd RPC errors by error type.
        # TYPE node_nfsd_rpc_errors_total counter
        node_nfsd_rpc_errors_total{error="auth"} 0.0
        node_nfsd_rpc_errors_total{error="cInt"} 0.0
        node_nfsd_rpc_errors_total{error="fmt"} 0.0
        # HELP node_nfsd_server_rpcs_total Total number of NFSd RPCs.
        # TYPE node_nfsd_server_rpcs_total counter
        node_nfsd_server_rpcs_total 2000301.0
        # HELP node_nfsd_server_threads Total number of NFSd kernel threads that are running.
        # TYPE node_nfsd_server_threads gauge
        node_nfsd_server_threads 64.0
        """);
  }

  @Test
  void noNfsServerIsNoSeries(@TempDir Path dir) {
    assertThat(HostFixtures.text(new NfsdCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void aNewerKernelsWriteDelegationGetattrCountIsServed(@TempDir Path dir) throws IOException {
    write(dir, "rc 0 1 2\nfh 0 0 0 0 0\nio 1 2\nth 8 0 0.000\nra 0 0 0 0 0 0 0 0 0 0 0 0\n"
        + "net 1 0 1 1\nrpc 1 0 0 0 0\nproc4ops 40" + " 1".repeat(40) + "\nwdeleg_getattr 42\n");

    assertThat(HostFixtures.text(new NfsdCollector(ProcFs.at(dir))))
        .contains("node_nfsd_requests_total{method=\"WdelegGetattr\",proto=\"4\"} 42.0")
        .contains("node_nfsd_requests_total{method=\"RelLockOwner\",proto=\"4\"} 1.0")
        .contains("node_nfsd_server_threads 8.0");
  }

  @Test
  void aProc4opsLineOfAnOldKernelWithout39OperationsFails(@TempDir Path dir) throws IOException {
    write(dir, "rc 0 1 2\nproc4ops 3 0 0 0\n");

    assertThatThrownBy(() -> new NfsdCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("net/rpc/nfsd") + " line 2: expected a count of at least 39 and that many values,"
            + " found \"proc4ops 3 0 0 0\"");
  }

  @Test
  void aShortReplyCacheLineFails(@TempDir Path dir) throws IOException {
    write(dir, "rc 0 1\n");

    assertThatThrownBy(() -> new NfsdCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 1: expected 3 values, found \"rc 0 1\"");
  }

  @Test
  void aThreadLineWithoutCountsFails(@TempDir Path dir) throws IOException {
    write(dir, "th x y\n");

    assertThatThrownBy(() -> new NfsdCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 1: expected unsigned numbers after th, found \"th x y\"");
  }

  @Test
  void anUnreadableFileFails(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("net/rpc/nfsd"));

    assertThatThrownBy(() -> new NfsdCollector(ProcFs.at(dir)).collect())
        .hasMessage("cannot read " + dir.resolve("net/rpc/nfsd") + ": Is a directory");
  }

  private static void write(Path dir, String text) throws IOException {
    Files.createDirectories(dir.resolve("net/rpc"));
    Files.writeString(dir.resolve("net/rpc/nfsd"), text);
  }
}
