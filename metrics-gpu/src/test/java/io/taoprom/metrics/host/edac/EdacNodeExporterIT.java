package io.taoprom.metrics.host.edac;

import static io.taoprom.metrics.host.NodeExporterOnFixture.differences;
import static io.taoprom.metrics.host.NodeExporterOnFixture.families;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporterOnFixture;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.metrics.host.UpstreamChanges;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edac collector and node_exporter's on the same sysfs tree: every family, series and value. */
class EdacNodeExporterIT {

  @TempDir Path dir;

  @Test
  void aGpuServer() throws Exception {
    NodeExporterOnFixture nodeExporter = NodeExporterOnFixture.find();
    SysFs sys = HostFixtures.copy("edac/gpu-server", dir);
    UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter,
        families(HostFixtures.text(new EdacCollector(new EdacSource(sys)))), families(nodeExporter.scrape("edac", sys, false)));

    assertThat(differences(c.ours(), c.theirs())).isEmpty();
  }
}
