package io.taoprom.metrics.host.netstat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** node_exporter on each netstat fixture serves what we serve, with upstream's fields and with all. */
class NetstatNodeExporterIT {

  @ParameterizedTest
  @CsvSource({"vm, default", "gpu-server, default", "vm, all", "gpu-server, all"})
  void sameAsNodeExporter(String machine, String fields) throws Exception {
    String regex = fields.equals("all") ? "" : NetstatPlugin.DEFAULT_FIELDS;
    String ours = HostFixtures.text(new NetstatCollector(HostFixtures.proc("netstat", machine),
        regex.isEmpty() ? null : Pattern.compile(regex)));
    NodeExporter.assertSame("netstat", HostFixtures.dir("netstat", machine), "node_netstat_", ours, Set.of(),
        "--collector.netstat.fields=" + regex);
  }
}
