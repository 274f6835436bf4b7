package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped dashboards as Grafana would import them: valid JSON models of a recent schema, one
 * data source variable that every panel and query uses (nothing bound to one installation's data
 * source), job and instance (or netuid) variables and no hard-coded instance, every variable a
 * query refers to defined, and panels that fit the 24-column grid without overlapping.
 * {@code MixinPrometheusIT} runs every query against a real Prometheus.
 */
class MixinDashboardsTest {

  private static final String DATASOURCE_REF = "${datasource}";
  /** Grafana's own variables, which every dashboard may use. */
  private static final Set<String> BUILT_IN = Set.of("__rate_interval", "__interval", "__range");
  /** An instance, hotkey or uid matcher on a literal instead of a variable. */
  private static final Pattern HARD_CODED =
      Pattern.compile("\\b(instance|hotkey|uid|netuid|job)\\s*(=|!=|=~|!~)\\s*\"(?!\\$)[^\"]+\"");

  @Test
  void theMixinShipsTheNodeAndFleetDashboards() throws Exception {
    List<String> uids = new ArrayList<>();
    for (Path file : Mixin.dashboards()) {
      uids.add(Dashboard.read(file).uid());
    }
    assertThat(uids).containsExactly("taoprom-fleet", "taoprom-node");
  }

  @Test
  void eachIsARecentGrafanaModelWithTitleTagsAndUniquePanelIds() throws Exception {
    for (Path file : Mixin.dashboards()) {
      Dashboard d = Dashboard.read(file);
      JsonNode json = d.json();
      assertThat(json.path("schemaVersion").asInt()).as("%s schemaVersion", file).isBetween(36, 41);
      assertThat(d.title()).as("%s title", file).startsWith("TaoProm / ");
      assertThat(json.path("id").isNull()).as("%s: id must be null so that import creates it", file).isTrue();
      assertThat(json.path("tags").toString()).contains("taoprom");
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : d.panels()) {
        assertThat(ids.add(panel.path("id").asInt())).as("%s: panel id %s twice", file, panel.path("id")).isTrue();
        if (!"row".equals(panel.path("type").asText())) {
          assertThat(panel.path("title").asText()).as("%s: a panel without title", file).isNotBlank();
          assertThat(panel.path("description").asText()).as("%s: %s has no description", file,
              panel.path("title").asText()).isNotBlank();
          assertThat(panel.path("targets").size()).as("%s: %s has no query", file, panel.path("title")).isPositive();
        }
      }
    }
  }

  @Test
  void everyPanelAndQueryUsesTheDataSourceVariable() throws Exception {
    for (Path file : Mixin.dashboards()) {
      Dashboard d = Dashboard.read(file);
      List<Dashboard.Variable> datasources =
          d.variables().stream().filter(v -> v.type().equals("datasource")).toList();
      assertThat(datasources).as("%s: one data source variable", file).hasSize(1);
      assertThat(datasources.get(0).name()).isEqualTo("datasource");
      assertThat(d.json().path("templating").path("list").get(0).path("query").asText()).isEqualTo("prometheus");
      for (JsonNode panel : d.panels()) {
        if ("row".equals(panel.path("type").asText())) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asText()).as("%s: %s", file, panel.path("title"))
            .isEqualTo(DATASOURCE_REF);
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText()).as("%s: %s", file, panel.path("title"))
              .isEqualTo(DATASOURCE_REF);
          assertThat(target.path("datasource").path("type").asText()).isEqualTo("prometheus");
        }
      }
      for (JsonNode v : d.json().path("templating").path("list")) {
        if ("query".equals(v.path("type").asText())) {
          assertThat(v.path("datasource").path("uid").asText()).as("%s: variable %s", file, v.path("name"))
              .isEqualTo(DATASOURCE_REF);
        }
      }
    }
  }

  @Test
  void jobAndInstanceOrNetuidAreVariablesAndNoQueryHardCodesThem() throws Exception {
    Map<String, List<String>> variables = new HashMap<>();
    for (Path file : Mixin.dashboards()) {
      Dashboard d = Dashboard.read(file);
      variables.put(d.uid(), d.variables().stream().map(Dashboard.Variable::name).toList());
      for (Dashboard.Query q : d.queries()) {
        assertThat(HARD_CODED.matcher(q.expr()).find()).as("%s hard-codes a target: %s", q.path(), q.expr()).isFalse();
      }
      for (Dashboard.Variable v : d.variables()) {
        if (!v.query().isEmpty()) {
          assertThat(HARD_CODED.matcher(v.query()).find()).as("variable %s: %s", v.name(), v.query()).isFalse();
          assertThat(v.labelValues().label()).isEqualTo(v.name());
        }
      }
    }
    assertThat(variables.get("taoprom-node")).containsExactly("datasource", "job", "instance", "gpu");
    assertThat(variables.get("taoprom-fleet")).containsExactly("datasource", "job", "netuid");
  }

  @Test
  void everyVariableAQueryUsesIsDefinedBeforeItIsNeeded() throws Exception {
    for (Path file : Mixin.dashboards()) {
      Dashboard d = Dashboard.read(file);
      Set<String> defined = new HashSet<>(BUILT_IN);
      for (Dashboard.Variable v : d.variables()) {
        assertThat(defined).as("%s: variable %s's query %s", file, v.name(), v.query())
            .containsAll(Dashboard.referencedVariables(v.query()));
        defined.add(v.name());
      }
      defined.remove("datasource"); // a data source is chosen per panel, never inside PromQL
      for (Dashboard.Query q : d.queries()) {
        assertThat(defined).as("%s: %s", q.path(), q.expr()).containsAll(Dashboard.referencedVariables(q.expr()));
        assertThat(q.expr()).as(q.path()).isNotBlank();
        if (q.expr().contains("node_") || q.expr().contains("gpu_") || q.expr().contains("taoprom_")) {
          assertThat(q.expr()).as("%s selects its series by job", q.path()).contains("job=\"$job\"");
        }
      }
    }
  }

  @Test
  void panelsFitTheGridWithoutOverlapping() throws Exception {
    for (Path file : Mixin.dashboards()) {
      Dashboard d = Dashboard.read(file);
      List<int[]> placed = new ArrayList<>();
      for (JsonNode panel : d.panels()) {
        JsonNode g = panel.path("gridPos");
        int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
        assertThat(box[2]).as("%s: width of %s", file, panel.path("title")).isPositive();
        assertThat(box[3]).as("%s: height of %s", file, panel.path("title")).isPositive();
        assertThat(box[0] + box[2]).as("%s: %s passes column 24", file, panel.path("title")).isLessThanOrEqualTo(24);
        for (int[] other : placed) {
          boolean overlap = box[0] < other[0] + other[2] && other[0] < box[0] + box[2]
              && box[1] < other[1] + other[3] && other[1] < box[1] + box[3];
          assertThat(overlap).as("%s: %s overlaps another panel", file, panel.path("title")).isFalse();
        }
        placed.add(box);
      }
    }
  }

  @Test
  void theNeuronPanelQueriesThatPromtoolTestsAreTheDashboardsOwn() throws Exception {
    // neuron_panels_test.yml evaluates panel queries with the variables set; each must still be
    // a dashboard's query, so that the test follows the dashboards.
    Set<String> panelQueries = new HashSet<>();
    for (Path file : Mixin.dashboards()) {
      for (Dashboard.Query q : Dashboard.read(file).queries()) {
        panelQueries.add(q.expr().replace("$job", "metagraph").replace("$instance", "chain:7091").replace("$netuid", ".*"));
      }
    }
    List<String> tested = new ArrayList<>();
    Map<String, Object> test = Mixin.yaml(Mixin.dir().resolve("tests/neuron_panels_test.yml"));
    for (Object testCase : (List<?>) test.get("tests")) {
      for (Object exprTest : (List<?>) ((Map<?, ?>) testCase).get("promql_expr_test")) {
        tested.add((String) ((Map<?, ?>) exprTest).get("expr"));
      }
    }
    assertThat(tested).hasSizeGreaterThanOrEqualTo(3);
    assertThat(panelQueries).containsAll(tested);
  }
}
