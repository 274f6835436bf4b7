package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrafanaVariablesTest {

  private static final String MODEL = """
      {"uid": "u", "title": "T", "templating": {"list": [
        {"name": "datasource", "type": "datasource", "query": "prometheus"},
        {"name": "job", "type": "query", "query": "label_values(taoprom_build_info, job)"},
        {"name": "instance", "type": "query", "query": {"query": "label_values(taoprom_build_info{job=\\"$job\\"}, instance)"}},
        {"name": "gpu", "type": "query", "query": "label_values(gpu_info{instance=\\"$instance\\"}, gpu)",
         "multi": true, "includeAll": true},
        {"name": "netuid", "type": "query", "query": "label_values(netuid)", "multi": true, "includeAll": true,
         "allValue": ".+"}
      ]}, "panels": []}
      """;

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void resolvesInOrderWithEarlierValuesInLaterSelectors(@TempDir Path dir) throws Exception {
    Dashboard d = Dashboard.read(Files.writeString(dir.resolve("d.json"), MODEL));
    List<String> asked = new ArrayList<>();
    Map<String, String> answers = Map.of(
        "/api/v1/label/job/values?match[]=taoprom_build_info", "[\"a\", \"b\"]",
        "/api/v1/label/instance/values?match[]=taoprom_build_info%7Bjob%3D%22a%22%7D", "[\"10.0.0.1:7091\"]",
        "/api/v1/label/gpu/values?match[]=gpu_info%7Binstance%3D%2210.0.0.1%3A7091%22%7D", "[\"0\", \"1\"]",
        "/api/v1/label/netuid/values", "[\"1\", \"27\"]");
    Map<String, String> values = GrafanaVariables.resolve(d, Map.of("__range", "1h"), path -> {
      asked.add(path);
      return json.readTree("{\"status\": \"success\", \"data\": " + answers.getOrDefault(path, "[]") + "}");
    }, Duration.ZERO);
    assertThat(asked).containsExactlyElementsOf(answers.keySet().stream().sorted((x, y) ->
        Integer.compare(order(x), order(y))).toList());
    // Single: the first value; All: the values as a regex, or the variable's all value.
    assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("__range", "1h", "job", "a",
        "instance", "10.0.0.1:7091", "gpu", "(0|1)", "netuid", ".+"));
  }

  @Test
  void aVariableWithoutValuesNamesItsQuery(@TempDir Path dir) throws Exception {
    Dashboard d = Dashboard.read(Files.writeString(dir.resolve("d.json"), MODEL));
    assertThatThrownBy(() -> GrafanaVariables.resolve(d, Map.of(),
        path -> json.readTree("{\"status\": \"success\", \"data\": []}"), Duration.ZERO))
        .hasMessageContaining("variable job has no values")
        .hasMessageContaining("label_values(taoprom_build_info, job)");
  }

  private static int order(String path) {
    return List.of("job", "instance", "gpu", "netuid").indexOf(path.split("/")[4]);
  }
}
