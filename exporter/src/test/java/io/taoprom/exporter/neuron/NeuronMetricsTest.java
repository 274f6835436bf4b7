package io.taoprom.exporter.neuron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NeuronMetricsTest {

  private static final String VALIDATOR = "5F3sa2TJAWMqDhXG6jhV4N8ko9SxwGy8TpaNS1repo5EYjQX";
  private static final String MINER_A = "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw";
  private static final String MINER_B = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y";
  private static final String MINER_C = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";

  private static String text(PrometheusRegistry registry) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDocumentedSeries() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    NeuronMetrics neuron = NeuronMetrics.register(registry);
    neuron.setNeuronInfo(27, VALIDATOR, "validator", "2.1.0");
    neuron.recordRequest("Challenge", NeuronMetrics.SUCCESS, Duration.ofMillis(250));
    neuron.recordRequest("Challenge", NeuronMetrics.SUCCESS, 11.5);
    neuron.recordRequest("Challenge", NeuronMetrics.TIMEOUT, Duration.ofSeconds(12));
    neuron.setMinerScore(3, MINER_A, 0.5);
    neuron.setMinerScore(7, MINER_B, 0.875);
    neuron.setMinerScore(3, MINER_C, 0.25); // uid 3 was taken over by a new hotkey
    neuron.setMinerScore(9, MINER_A, 1);
    neuron.removeMinerScore(9);

    assertThat(text(registry)).isEqualTo("""
        # HELP taoprom_neuron_info The neuron this process runs: subnet, hotkey, role and version.
        # TYPE taoprom_neuron_info gauge
        taoprom_neuron_info{hotkey="%1$s",netuid="27",role="validator",version="2.1.0"} 1
        # HELP taoprom_neuron_request_duration_seconds How long requests took, by synapse.
        # TYPE taoprom_neuron_request_duration_seconds histogram
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.005"} 0
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.01"} 0
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.025"} 0
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.05"} 0
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.1"} 0
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.25"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="0.5"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="1.0"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="2.5"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="5.0"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="10.0"} 1
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="12.0"} 3
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="20.0"} 3
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="30.0"} 3
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="60.0"} 3
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="120.0"} 3
        taoprom_neuron_request_duration_seconds_bucket{synapse="Challenge",le="+Inf"} 3
        taoprom_neuron_request_duration_seconds_count{synapse="Challenge"} 3
        taoprom_neuron_request_duration_seconds_sum{synapse="Challenge"} 23.75
        # HELP taoprom_neuron_requests_total Requests handled or sent by this neuron, by synapse and outcome.
        # TYPE taoprom_neuron_requests_total counter
        taoprom_neuron_requests_total{outcome="success",synapse="Challenge"} 2.0
        taoprom_neuron_requests_total{outcome="timeout",synapse="Challenge"} 1.0
        # HELP taoprom_validator_miner_score The score this validator gives each miner.
        # TYPE taoprom_validator_miner_score gauge
        taoprom_validator_miner_score{hotkey="%2$s",uid="3"} 0.25
        taoprom_validator_miner_score{hotkey="%3$s",uid="7"} 0.875
        """.formatted(VALIDATOR, MINER_C, MINER_B));
  }

  @Test
  void neuronInfoIsReplacedNotAdded() throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    NeuronMetrics neuron = NeuronMetrics.register(registry);
    neuron.setNeuronInfo(27, VALIDATOR, "miner", "1.0.0");
    neuron.setNeuronInfo(27, VALIDATOR, "miner", "1.0.1");
    assertThat(text(registry).lines().filter(l -> l.startsWith("taoprom_neuron_info{"))).containsExactly(
        "taoprom_neuron_info{hotkey=\"" + VALIDATOR + "\",netuid=\"27\",role=\"miner\",version=\"1.0.1\"} 1");
  }

  @Test
  void badInputIsRefusedWithTheValueNamed() {
    NeuronMetrics neuron = NeuronMetrics.register(new PrometheusRegistry());
    assertThatThrownBy(() -> neuron.recordRequest("Challenge", "success", -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
    assertThatThrownBy(() -> neuron.recordRequest("Challenge", "success", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> neuron.setMinerScore(-1, MINER_A, 1)).hasMessage("uid must be >= 0: -1");
    assertThatThrownBy(() -> neuron.setNeuronInfo(-2, VALIDATOR, "miner", "1")).hasMessage("netuid must be >= 0: -2");
  }

  @Test
  void registeringTwiceInOneRegistryFails() {
    PrometheusRegistry registry = new PrometheusRegistry();
    NeuronMetrics.register(registry);
    assertThatThrownBy(() -> NeuronMetrics.register(registry)).isInstanceOf(IllegalArgumentException.class);
  }
}
