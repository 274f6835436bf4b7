package io.taoprom.metrics.host.netclass;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** node_exporter on each netclass fixture serves what we serve, with and without invalid speeds. */
class NetclassNodeExporterIT {

  @ParameterizedTest
  @CsvSource({"vm, false", "gpu-server, false", "gpu-server, true"})
  void sameAsNodeExporter(String machine, boolean ignoreInvalidSpeed) throws Exception {
    String ours = HostFixtures.text(new NetclassCollector(
        HostFixtures.sys("netclass", machine), Pattern.compile(NetclassPlugin.DEFAULT_IGNORED_DEVICES), ignoreInvalidSpeed));
    NodeExporter.assertSame("netclass", HostFixtures.dir("netclass", machine), "node_network_", ours, Set.of(),
        "--no-collector.netclass.netlink",
        ignoreInvalidSpeed ? "--collector.netclass.ignore-invalid-speed" : "--no-collector.netclass.ignore-invalid-speed");
  }
}
