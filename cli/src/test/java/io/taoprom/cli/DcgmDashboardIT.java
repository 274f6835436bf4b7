package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom serve --nvml.names dcgm} against the fake libnvidia-ml of metrics-gpu's tests
 * (two H100s), scraped by a real Prometheus, answers every query of NVIDIA's Grafana dashboard
 * for dcgm-exporter (grafana.com 12239, {@code grafana/dcgm-exporter-dashboard.json} of
 * NVIDIA/dcgm-exporter) with the figures the fake gives: its eight panels' expressions and its
 * two variables ({@code label_values(DCGM_FI_DEV_GPU_TEMP, instance)} and {@code ..., gpu)}),
 * with both GPUs chosen as Grafana would substitute them.
 */
class DcgmDashboardIT {

  @Test
  void nvidiasDashboardQueriesAnswerFromTheDcgmNaming(@TempDir Path dir) throws Exception {
    Path gcc = ExternalTools.require("gcc", "install the Debian package gcc");
    Path prometheus = ExternalTools.require("prometheus", "install the Debian package prometheus");
    Path library = compileFakeNvml(gcc, dir);
    Path script = Files.writeString(dir.resolve("script.txt"), "devices 2\n");

    try (ServeProcess serve = ServeProcess.start(List.of("-Xmx64m"),
        List.of("--collector.disable-defaults", "--collector.nvml", "--nvml.library", library.toString(),
            "--nvml.names", "dcgm"),
        List.of(), Map.of("FAKE_NVML_SCRIPT", script.toString(), "NODE_NAME", "gpu-node-1"))) {
      String text = serve.get("/metrics").body();
      assertThat(text).contains("DCGM_FI_DEV_GPU_TEMP{").contains("Hostname=\"gpu-node-1\"")
          .doesNotContain("gpu_temperature_celsius");

      String instance = "127.0.0.1:" + serve.port();
      try (PrometheusProcess p = PrometheusProcess.start(prometheus, dir, """
          global:
            scrape_interval: 1s
            scrape_timeout: 1s
          scrape_configs:
            - job_name: dcgm
              static_configs:
                - targets: ['%s']
          """.formatted(instance))) {
        p.awaitTarget("dcgm", "up", Duration.ofSeconds(60));
        String selector = "{instance=~\"" + instance.replace(".", "\\\\.") + "\", gpu=~\"0|1\"}";
        Duration wait = Duration.ofSeconds(30);

        assertThat(byGpu(p.awaitQuery("DCGM_FI_DEV_GPU_TEMP" + selector, 2, wait))).isEqualTo(Map.of("0", 35.0, "1", 36.0));
        assertThat(single(p.awaitQuery("avg(DCGM_FI_DEV_GPU_TEMP" + selector + ")", 1, wait))).isEqualTo(35.5);
        assertThat(byGpu(p.awaitQuery("DCGM_FI_DEV_POWER_USAGE" + selector, 2, wait))).isEqualTo(Map.of("0", 100.0, "1", 101.0));
        assertThat(single(p.awaitQuery("sum(DCGM_FI_DEV_POWER_USAGE" + selector + ")", 1, wait))).isEqualTo(201.0);
        assertThat(byGpu(p.awaitQuery("DCGM_FI_DEV_SM_CLOCK" + selector + " * 1000000", 2, wait)))
            .isEqualTo(Map.of("0", 1.98e9, "1", 1.98e9));
        assertThat(byGpu(p.awaitQuery("DCGM_FI_DEV_GPU_UTIL" + selector, 2, wait))).isEqualTo(Map.of("0", 40.0, "1", 41.0));
        assertThat(byGpu(p.awaitQuery("DCGM_FI_DEV_FB_USED" + selector, 2, wait))).isEqualTo(Map.of("0", 1024.0, "1", 2048.0));
        // GPM figures from the second scrape on.
        assertThat(byGpu(p.awaitQuery("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE" + selector, 2, wait)))
            .isEqualTo(Map.of("0", 0.125, "1", 0.125));

        // The variables: label_values(DCGM_FI_DEV_GPU_TEMP, instance) and (..., gpu).
        JsonNode temps = p.awaitQuery("DCGM_FI_DEV_GPU_TEMP", 2, wait);
        for (JsonNode series : temps) {
          assertThat(series.path("metric").path("instance").asText()).isEqualTo(instance);
          assertThat(series.path("metric").path("modelName").asText()).isEqualTo("NVIDIA H100 80GB HBM3");
        }
        assertThat(byGpu(temps)).containsOnlyKeys("0", "1");
      }
    }
  }

  private static Map<String, Double> byGpu(JsonNode vector) {
    Map<String, Double> out = new TreeMap<>();
    for (JsonNode series : vector) {
      out.put(series.path("metric").path("gpu").asText(), Double.parseDouble(series.path("value").get(1).asText()));
    }
    return out;
  }

  private static double single(JsonNode vector) {
    assertThat(vector).hasSize(1);
    return Double.parseDouble(vector.get(0).path("value").get(1).asText());
  }

  /** metrics-gpu's fake libnvidia-ml, compiled here; its source is found from the repository root. */
  private static Path compileFakeNvml(Path gcc, Path dir) throws Exception {
    Path source = Path.of(System.getProperty("taoprom.root", ".."), "metrics-gpu/src/test/c/fake_nvml.c");
    if (!Files.isRegularFile(source)) {
      fail("the fake NVML source is not at " + source + " (set -Dtaoprom.root to the repository)");
    }
    Path library = dir.resolve("libnvidia-ml.so.1");
    Process compile = new ProcessBuilder(gcc.toString(), "-shared", "-fPIC", "-O2", "-o", library.toString(),
        source.toString()).redirectErrorStream(true).start();
    String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(compile.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(compile.exitValue()).as("gcc: %s", output).isZero();
    return library;
  }
}
