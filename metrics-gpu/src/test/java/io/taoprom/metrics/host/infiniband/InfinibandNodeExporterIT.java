package io.taoprom.metrics.host.infiniband;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** node_exporter 1.5 on the gpu-server fixture serves what we serve, but for the hw_counters families of 1.9. */
class InfinibandNodeExporterIT {

  @Test
  void sameAsNodeExporter() throws Exception {
    Set<String> hwCounters = PortCounters.HW_COUNTERS.values().stream()
        .map(c -> c.metadata().getName() + (c.counter() ? "_total" : ""))
        .collect(Collectors.toSet());
    String ours = HostFixtures.text(new InfinibandCollector(HostFixtures.sys("infiniband", "gpu-server"), DeviceFilter.none()));
    NodeExporter.assertSame("infiniband", HostFixtures.dir("infiniband", "gpu-server"), "node_infiniband_", ours, hwCounters);
  }
}
