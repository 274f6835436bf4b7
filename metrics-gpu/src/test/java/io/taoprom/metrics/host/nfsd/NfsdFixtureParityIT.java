package io.taoprom.metrics.host.nfsd;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ours and node_exporter 1.5 on the same fixture trees ({@link NodeExporter}). */
class NfsdFixtureParityIT {

  @Test
  void sameAsNodeExporterOnTheServerCountersButForTheNfsv4OperationsUpstreamFixed() throws Exception {
    assertThat(NodeExporter.differences("nfsd",
            List.of("--path.procfs=" + HostFixtures.dir("nfsd", "gpu-server").resolve("proc")),
            new NfsdCollector(HostFixtures.proc("nfsd", "gpu-server"))))
        // 1.5 read Verify, Write and RelLockOwner two operations off (Write = SETCLIENTID_CONFIRM's
        // count); current upstream reads them at their numbers and adds the three series
        .containsExactly(
            "value: node_nfsd_requests_total{method=RelLockOwner, proto=4} ours=12.0 theirs=2.0",
            "only ours: node_nfsd_requests_total{method=SetClientID, proto=4}",
            "only ours: node_nfsd_requests_total{method=SetClientIDConfirm, proto=4}",
            "value: node_nfsd_requests_total{method=Verify, proto=4} ours=2.0 theirs=18.0",
            "only ours: node_nfsd_requests_total{method=WdelegGetattr, proto=4}",
            "value: node_nfsd_requests_total{method=Write, proto=4} ours=8839112.0 theirs=18.0");
  }
}
