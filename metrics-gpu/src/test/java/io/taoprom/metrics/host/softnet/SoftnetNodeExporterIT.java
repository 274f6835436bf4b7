package io.taoprom.metrics.host.softnet;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * node_exporter 1.5 on this VM's softnet fixture serves what we serve, but for the families
 * upstream added in 1.6. (On the gpu-server fixture, where CPU 100 is offline, 1.5 numbers the
 * CPUs after it by line and upstream, as we, by the kernel's column: they differ there by design.)
 */
class SoftnetNodeExporterIT {

  @Test
  void sameAsNodeExporter() throws Exception {
    String ours = HostFixtures.text(new SoftnetCollector(HostFixtures.proc("softnet", "vm")));
    NodeExporter.assertSame("softnet", HostFixtures.dir("softnet", "vm"), "node_softnet_", ours,
        Set.of("node_softnet_cpu_collision_total", "node_softnet_received_rps_total",
            "node_softnet_flow_limit_count_total", "node_softnet_backlog_len"));
  }
}
