package io.taoprom.cli.mixin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard's template variables resolved against a Prometheus HTTP API the way Grafana
 * resolves them on load: in order, each {@code label_values(selector, label)} query with the
 * variables before it substituted, asked as {@code /api/v1/label/LABEL/values?match[]=SELECTOR};
 * then All for a variable that includes All, else the first value.
 *
 * <pre>{@code
 * Map<String, String> values = GrafanaVariables.resolve(dashboard, Map.of("__rate_interval", "20s"),
 *     path -> prometheus.api(path), Duration.ofSeconds(30));
 * String promql = Dashboard.interpolate(query.expr(), values);
 * }</pre>
 */
public final class GrafanaVariables {

  /** GET of an API path (already URL-encoded) answered as JSON. */
  @FunctionalInterface
  public interface Api {
    JsonNode get(String pathAndQuery) throws IOException, InterruptedException;
  }

  private GrafanaVariables() {}

  /**
   * The value of every variable of {@code dashboard} (data source variables aside), plus
   * {@code builtIns}. A variable whose query finds nothing is retried until {@code patience} has
   * passed (a new Prometheus may not have scraped yet), then reported.
   *
   * @throws AssertionError naming the variable, its query and the selector asked, when it has no values
   */
  public static Map<String, String> resolve(Dashboard dashboard, Map<String, String> builtIns, Api api,
      Duration patience) throws IOException, InterruptedException {
    Map<String, String> values = new HashMap<>(builtIns);
    for (Dashboard.Variable v : dashboard.variables()) {
      if (v.type().equals("datasource")) {
        continue;
      }
      Dashboard.LabelValues lv = v.labelValues();
      String selector = Dashboard.interpolate(lv.selector(), values);
      String path = "/api/v1/label/" + lv.label() + "/values"
          + (selector.isEmpty() ? "" : "?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
      List<String> found = labelValues(api, path, patience);
      if (found.isEmpty()) {
        throw new AssertionError("variable " + v.name() + " has no values after " + patience + ": " + v.query()
            + " asked as " + selector);
      }
      values.put(v.name(), Dashboard.valueOf(v, v.includeAll() ? found : found.subList(0, 1), v.includeAll()));
    }
    return values;
  }

  private static List<String> labelValues(Api api, String path, Duration patience)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> out = new ArrayList<>();
    while (true) {
      api.get(path).path("data").forEach(x -> out.add(x.asText()));
      if (!out.isEmpty() || System.nanoTime() > deadline) {
        return out;
      }
      Thread.sleep(250);
    }
  }
}
