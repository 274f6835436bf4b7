package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.neuron.NeuronMetrics;
import io.taoprom.exporter.self.JvmPlugin;
import io.taoprom.exporter.self.ProcessPlugin;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} (Prometheus' own linter) on the exporter's real text output:
 * collector series, the exporter's meta series, build info, the neuron metrics, and TaoProm's own
 * {@code process_*} and {@code jvm_*}.
 */
class ExpositionLintIT {

  private static String promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "promtool");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    String message = "promtool not found on PATH (Debian package 'prometheus'); skipping the lint";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(message + " — required in CI");
    }
    Assumptions.abort(message);
    return null;
  }

  @Test
  void promtoolFindsNothingToComplainAbout() throws Exception {
    String promtool = promtool();
    try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy(), new TestPlugins.Throws(),
            new ProcessPlugin(), new JvmPlugin())))
        .enable(JvmPlugin.NAME)
        .buildAndStart()) {
      exporter.awaitReady(Duration.ofSeconds(10));
      NeuronMetrics neuron = NeuronMetrics.register(exporter.registry());
      neuron.setNeuronInfo(27, "5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX", "validator", "2.1.0");
      neuron.recordRequest("Challenge", NeuronMetrics.SUCCESS, Duration.ofMillis(420));
      neuron.setMinerScore(3, "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw", 0.5);
      byte[] exposition = new Http(exporter.port()).get("/metrics").body();
      assertThat(new String(exposition, StandardCharsets.UTF_8))
          .contains("\nprocess_resident_memory_bytes ").contains("\njvm_threads_current ");

      Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
      check.getOutputStream().write(exposition);
      check.getOutputStream().close();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("promtool output").isEmpty();
      assertThat(check.exitValue()).isZero();
    }
  }
}
