package io.taoprom.metrics.host.fibrechannel;

import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * node_exporter 1.5 on the gpu-server fibrechannel fixture, less its disabled port, serves what we
 * serve (1.5 serves nothing at all while a port lacks its statistics directory; upstream and we
 * serve that port's statistics as zeros).
 */
class FibrechannelNodeExporterIT {

  @Test
  void sameAsNodeExporter(@TempDir Path copy) throws Exception {
    Path fixture = HostFixtures.dir("fibrechannel", "gpu-server");
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = copy.resolve(fixture.relativize(file).toString());
        if (file.toString().contains("host9")) {
          continue;
        }
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    String ours = HostFixtures.text(new FibrechannelCollector(SysFs.at(copy.resolve("sys"))));
    NodeExporter.assertSame("fibrechannel", copy, "node_fibrechannel_", ours, Set.of());
  }
}
