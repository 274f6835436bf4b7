package io.taoprom.metrics.host.nfs;

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

class NfsCollectorTest {

  @Test
  void goldenTextOfAGpuServerMountingItsDatasetsOverNfs() {
    NfsCollector collector = new NfsCollector(HostFixtures.proc("nfs", "gpu-server"));

    // A 6.x kernel's client file: no proc2 line (NFSv2 not built), so its 18 procedures are 0;
    // proc4 counts 69 operations, of which node_exporter serves the first 59.
    assertThat(HostFixtures.text(collector)).isEqualTo("""
        # HELP node_nfs_connections_total Total number of NFSd TCP connections.
        # TYPE node_nfs_connections_total counter
        node_nfs_connections_total 0.0
        # HELP node_nfs_packets_total Total NFSd network packets (sent+received) by protocol type.
        # TYPE node_nfs_packets_total counter
        node_nfs_packets_total{protocol="tcp"} 0.0
        node_nfs_packets_total{protocol="udp"} 0.0
        # HELP node_nfs_requests_total Number of NFS procedures invoked.
        # TYPE node_nfs_requests_total counter
        node_nfs_requests_total{method="Access",proto="3"} 1503392.0
        node_nfs_requests_total{method="Access",proto="4"} 3309112.0
        node_nfs_requests_total{method="Allocate",proto="4"} 300.0
        node_nfs_requests_total{method="BindConnToSession",proto="4"} 0.0
        node_nfs_requests_total{method="Clone",proto="4"} 412.0
        node_nfs_requests_total{method="Close",proto="4"} 902340.0
        node_nfs_requests_total{method="Commit",proto="3"} 70155.0
        node_nfs_requests_total{method="Commit",proto="4"} 11304.0
        node_nfs_requests_total{method="Create",proto="2"} 0.0
        node_nfs_requests_total{method="Create",proto="3"} 4031.0
        node_nfs_requests_total{method="Create",proto="4"} 177.0
        node_nfs_requests_total{method="CreateSession",proto="4"} 1.0
        node_nfs_requests_total{method="DeAllocate",proto="4"} 0.0
        node_nfs_requests_total{method="DelegReturn",proto="4"} 8821.0
        node_nfs_requests_total{method="DestroyClientID",proto="4"} 0.0
        node_nfs_requests_total{method="DestroySession",proto="4"} 0.0
        node_nfs_requests_total{method="ExchangeID",proto="4"} 1.0
        node_nfs_requests_total{method="FreeStateID",proto="4"} 4.0
        node_nfs_requests_total{method="FsInfo",proto="3"} 3.0
        node_nfs_requests_total{method="FsInfo",proto="4"} 3.0
        node_nfs_requests_total{method="FsLocations",proto="4"} 0.0
        node_nfs_requests_total{method="FsStat",proto="2"} 0.0
        node_nfs_requests_total{method="FsStat",proto="3"} 3.0
        node_nfs_requests_total{method="FsidPresent",proto="4"} 0.0
        node_nfs_requests_total{method="GetACL",proto="4"} 0.0
        node_nfs_requests_total{method="GetAttr",proto="2"} 0.0
        node_nfs_requests_total{method="GetAttr",proto="3"} 1839204.0
        node_nfs_requests_total{method="GetDeviceInfo",proto="4"} 0.0
        node_nfs_requests_total{method="GetDeviceList",proto="4"} 0.0
        node_nfs_requests_total{method="GetLeaseTime",proto="4"} 0.0
        node_nfs_requests_total{method="Getattr",proto="4"} 9120441.0
        node_nfs_requests_total{method="LayoutCommit",proto="4"} 0.0
        node_nfs_requests_total{method="LayoutGet",proto="4"} 0.0
        node_nfs_requests_total{method="LayoutReturn",proto="4"} 0.0
        node_nfs_requests_total{method="LayoutStats",proto="4"} 0.0
        node_nfs_requests_total{method="Link",proto="2"} 0.0
        node_nfs_requests_total{method="Link",proto="3"} 7.0
        node_nfs_requests_total{method="Link",proto="4"} 0.0
        node_nfs_requests_total{method="Lock",proto="4"} 12.0
        node_nfs_requests_total{method="Lockt",proto="4"} 0.0
        node_nfs_requests_total{method="Locku",proto="4"} 12.0
        node_nfs_requests_total{method="Lookup",proto="2"} 0.0
        node_nfs_requests_total{method="Lookup",proto="3"} 203841.0
        node_nfs_requests_total{method="Lookup",proto="4"} 402210.0
        node_nfs_requests_total{method="LookupRoot",proto="4"} 2.0
        node_nfs_requests_total{method="MkDir",proto="2"} 0.0
        node_nfs_requests_total{method="MkDir",proto="3"} 81.0
        node_nfs_requests_total{method="MkNod",proto="3"} 0.0
        node_nfs_requests_total{method="Null",proto="2"} 0.0
        node_nfs_requests_total{method="Null",proto="3"} 0.0
        node_nfs_requests_total{method="Null",proto="4"} 0.0
        node_nfs_requests_total{method="Open",proto="4"} 902344.0
        node_nfs_requests_total{method="OpenConfirm",proto="4"} 0.0
        node_nfs_requests_total{method="OpenDowngrade",proto="4"} 0.0
        node_nfs_requests_total{method="OpenNoattr",proto="4"} 0.0
        node_nfs_requests_total{method="PathConf",proto="3"} 0.0
        node_nfs_requests_total{method="Pathconf",proto="4"} 3.0
        node_nfs_requests_total{method="Read",proto="2"} 0.0
        node_nfs_requests_total{method="Read",proto="3"} 5301772.0
        node_nfs_requests_total{method="Read",proto="4"} 1.7553311E7
        node_nfs_requests_total{method="ReadDir",proto="2"} 0.0
        node_nfs_requests_total{method="ReadDir",proto="3"} 10339.0
        node_nfs_requests_total{method="ReadDir",proto="4"} 30221.0
        node_nfs_requests_total{method="ReadDirPlus",proto="3"} 21877.0
        node_nfs_requests_total{method="ReadLink",proto="2"} 0.0
        node_nfs_requests_total{method="ReadLink",proto="3"} 112.0
        node_nfs_requests_total{method="ReadLink",proto="4"} 0.0
        node_nfs_requests_total{method="ReclaimComplete",proto="4"} 1.0
        node_nfs_requests_total{method="ReleaseLockowner",proto="4"} 0.0
        node_nfs_requests_total{method="Remove",proto="2"} 0.0
        node_nfs_requests_total{method="Remove",proto="3"} 2205.0
        node_nfs_requests_total{method="Remove",proto="4"} 1203.0
        node_nfs_requests_total{method="Rename",proto="2"} 0.0
        node_nfs_requests_total{method="Rename",proto="3"} 1902.0
        node_nfs_requests_total{method="Rename",proto="4"} 309.0
        node_nfs_requests_total{method="Renew",proto="4"} 0.0
        node_nfs_requests_total{method="RmDir",proto="2"} 0.0
        node_nfs_requests_total{method="RmDir",proto="3"} 44.0
        node_nfs_requests_total{method="Root",proto="2"} 0.0
        node_nfs_requests_total{method="Secinfo",proto="4"} 0.0
        node_nfs_requests_total{method="SecinfoNoName",proto="4"} 2.0
        node_nfs_requests_total{method="Seek",proto="4"} 10221.0
        node_nfs_requests_total{method="Sequence",proto="4"} 8117203.0
        node_nfs_requests_total{method="ServerCaps",proto="4"} 6.0
        node_nfs_requests_total{method="SetACL",proto="4"} 0.0
        node_nfs_requests_total{method="SetAttr",proto="2"} 0.0
        node_nfs_requests_total{method="SetAttr",proto="3"} 12077.0
        node_nfs_requests_total{method="SetClientID",proto="4"} 0.0
        node_nfs_requests_total{method="SetClientIDConfirm",proto="4"} 0.0
        node_nfs_requests_total{method="Setattr",proto="4"} 4412.0
        node_nfs_requests_total{method="StatFs",proto="4"} 1004.0
        node_nfs_requests_total{method="SymLink",proto="2"} 0.0
        node_nfs_requests_total{method="SymLink",proto="3"} 3.0
        node_nfs_requests_total{method="Symlink",proto="4"} 0.0
        node_nfs_requests_total{method="TestStateID",proto="4"} 4.0
        node_nfs_requests_total{method="WrCache",proto="2"} 0.0
        node_nfs_requests_total{method="Write",proto="2"} 0.0
        node_nfs_requests_total{method="Write",proto="3"} 912338.0
        node_nfs_requests_total{method="Write",proto="4"} 8839120.0
        # HELP node_nfs_rpc_authentication_refreshes_total Number of RPC authentication refreshes performed.
        # TYPE node_nfs_rpc_authentication_refreshes_total counter
        node_nfs_rpc_authentication_refreshes_total 4.8620164E7
        # HELP node_nfs_rpc_retransmissions_total Number of RPC transmissions performed.
        # TYPE node_nfs_rpc_retransmissions_total counter
        node_nfs_rpc_retransmissions_total 27.0
        # HELP node_nfs_rpcs_total Total number of RPCs performed.
        # TYPE node_nfs_rpcs_total counter
        node_nfs_rpcs_total 4.8620137E7
        """);
  }

  @Test
  void noNfsClientIsNoSeries(@TempDir Path dir) {
    assertThat(HostFixtures.text(new NfsCollector(ProcFs.at(dir)))).isEmpty();
  }

  @Test
  void anOlderKernelsShorterProc4LineLeavesTheNewerOperationsAtZero(@TempDir Path dir) throws IOException {
    write(dir, "net 0 0 0 0\nrpc 10 0 10\nproc4 3 0 7 9\n");

    assertThat(HostFixtures.text(new NfsCollector(ProcFs.at(dir))))
        .contains("node_nfs_requests_total{method=\"Read\",proto=\"4\"} 7.0")
        .contains("node_nfs_requests_total{method=\"Write\",proto=\"4\"} 9.0")
        .contains("node_nfs_requests_total{method=\"Clone\",proto=\"4\"} 0.0");
  }

  @Test
  void anUnknownLineOfANewerKernelIsSkipped(@TempDir Path dir) throws IOException {
    write(dir, "net 0 0 0 0\nrpc 10 0 10\nxprt tcp 1 2 3\n");

    assertThat(HostFixtures.text(new NfsCollector(ProcFs.at(dir)))).contains("node_nfs_rpcs_total 10.0");
  }

  @Test
  void aCountThatDisagreesWithTheValuesFails(@TempDir Path dir) throws IOException {
    write(dir, "net 0 0 0 0\nrpc 10 0 10\nproc3 22 0 1 2\n");

    assertThatThrownBy(() -> new NfsCollector(ProcFs.at(dir)).collect())
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(dir.resolve("net/rpc/nfs") + " line 3: expected a count of at least 22 and that many values,"
            + " found \"proc3 22 0 1 2\"");
  }

  @Test
  void aShortRpcLineFails(@TempDir Path dir) throws IOException {
    write(dir, "net 0 0 0 0\nrpc 10 0\n");

    assertThatThrownBy(() -> new NfsCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 2: expected 3 values, found \"rpc 10 0\"");
  }

  @Test
  void aValueThatIsNotANumberFails(@TempDir Path dir) throws IOException {
    write(dir, "net 0 0 0 0\nrpc 10 -1 10\n");

    assertThatThrownBy(() -> new NfsCollector(ProcFs.at(dir)).collect())
        .hasMessageContaining("line 2: expected unsigned numbers after rpc, found \"rpc 10 -1 10\"");
  }

  @Test
  void anUnreadableFileFails(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("net/rpc/nfs"));

    assertThatThrownBy(() -> new NfsCollector(ProcFs.at(dir)).collect())
        .hasMessage("cannot read " + dir.resolve("net/rpc/nfs") + ": Is a directory");
  }

  private static void write(Path dir, String text) throws IOException {
    Files.createDirectories(dir.resolve("net/rpc"));
    Files.writeString(dir.resolve("net/rpc/nfs"), text);
  }
}
