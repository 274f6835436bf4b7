package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.cpu.CpuPlugin;
import io.taoprom.metrics.host.diskstats.DiskstatsPlugin;
import io.taoprom.metrics.host.filesystem.FilesystemPlugin;
import io.taoprom.metrics.host.loadavg.LoadavgPlugin;
import io.taoprom.metrics.host.meminfo.MeminfoPlugin;
import io.taoprom.metrics.host.netdev.NetdevPlugin;
import io.taoprom.metrics.host.time.TimePlugin;
import io.taoprom.metrics.host.uname.UnamePlugin;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code promtool check metrics} on a full host scrape, through both backends: the only
 * complaints allowed are those node_exporter's own output draws, its camelCase memory names.
 */
class HostExpositionLintIT {

  private static final List<CollectorPlugin> HOST =
      List.of(
          new CpuPlugin(), new LoadavgPlugin(), new MeminfoPlugin(), new NetdevPlugin(),
          new DiskstatsPlugin(), new FilesystemPlugin(), new TimePlugin(), new UnamePlugin());

  @ParameterizedTest
  @EnumSource(HostBackend.class)
  void promtoolFindsNothingButNodeExportersCamelCase(HostBackend backend) throws Exception {
    Path promtool = ExternalTool.require("prometheus", "promtool");
    System.setProperty(HostBackend.PROPERTY, backend.name().toLowerCase(Locale.ROOT));
    StringBuilder text = new StringBuilder();
    try {
      for (CollectorPlugin plugin : HOST) {
        String part = null;
        for (int attempt = 0; part == null; attempt++) {
          try {
            part = HostFixtures.text(plugin.create(CollectorConfig.empty()));
          } catch (IllegalStateException oshiStillWarming) {
            if (attempt > 30) {
              throw oshiStillWarming;
            }
            Thread.sleep(200);
          }
        }
        text.append(part);
      }
    } finally {
      System.clearProperty(HostBackend.PROPERTY);
    }

    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

    List<String> complaints =
        Arrays.stream(output.split("\n"))
            .filter(line -> !line.isBlank())
            .filter(line -> !(line.startsWith("node_memory_") && line.contains("camelCase")))
            .collect(Collectors.toList());
    assertThat(complaints).as(output).isEmpty();
  }
}
