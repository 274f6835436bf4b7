package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom serve @FILE}: options kept in a file (picocli's argument files, as
 * docs/cli.md shows), here the node_exporter-style ones: the metrics moved by
 * {@code --web.telemetry-path}, TaoProm's own process series dropped by
 * {@code --web.disable-exporter-metrics}, and the log in JSON.
 */
class ServeArgFileIT {

  @Test
  void optionsFromAFileMoveTheMetricsDropTheExporterSeriesAndLogJson(@TempDir Path dir) throws Exception {
    Path args = dir.resolve("serve.args");
    Files.writeString(args, """
        # taoprom serve options, one or more a line
        --web.telemetry-path /node/metrics
        --web.disable-exporter-metrics
        --collector.disable-defaults --collector.loadavg
        --log.format=json
        """);
    try (ServeProcess serve = ServeProcess.startSecured(List.of("-Xmx64m"), List.of("@" + args))) {
      var metrics = serve.get("/node/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("\nnode_load1 ", "taoprom_build_info{", "taoprom_scrape_collector_success{collector=\"loadavg\"} 1")
          .doesNotContain("process_", "jvm_", "collector=\"process\"");
      assertThat(serve.get("/metrics").statusCode()).isEqualTo(404);
      assertThat(serve.get("/").body()).contains("<a href=\"node/metrics\">/node/metrics</a>");
      assertThat(serve.get("/-/healthy").statusCode()).isEqualTo(200);
      assertThat(serve.stderr().lines().toList()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"time\":\""))
          .anySatisfy(line -> assertThat(line).contains("\"level\":\"info\",\"source\":\"taoprom.serve\",\"msg\":\"serving http://127.0.0.1:"
              + serve.port() + "/node/metrics\",\"collectors\":\"loadavg\""));
    }
  }
}
