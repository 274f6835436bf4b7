package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

  private static final String MODEL = """
      {
        "uid": "u", "title": "T",
        "templating": {"list": [
          {"name": "datasource", "type": "datasource", "query": "prometheus"},
          {"name": "job", "type": "query", "query": {"query": "label_values(up{netuid!=\\"\\"}, job)"}},
          {"name": "netuid", "type": "query", "query": "label_values(up{job=\\"$job\\"}, netuid)",
           "multi": true, "includeAll": true, "allValue": ".+"},
          {"name": "gpu", "type": "query", "query": "label_values(gpu)", "multi": true, "includeAll": true}
        ]},
        "panels": [
          {"type": "stat", "title": "Top", "targets": [{"refId": "A", "expr": "up{job=\\"$job\\"}"}]},
          {"type": "row", "title": "Row one", "panels": []},
          {"type": "timeseries", "title": "Two", "targets": [
            {"refId": "A", "expr": "a{netuid=~\\"${netuid}\\"}"},
            {"refId": "B", "expr": "rate(b[$__rate_interval])"},
            {"refId": "C", "datasource": {"type": "loki"}}
          ]},
          {"type": "row", "title": "Collapsed", "collapsed": true, "panels": [
            {"type": "table", "title": "Inner", "targets": [{"refId": "A", "expr": "c{gpu=~\\"[[gpu]]\\"}"}]}
          ]}
        ]
      }
      """;

  @Test
  void readsVariablesInOrderWithTheirQueries(@TempDir Path dir) throws Exception {
    Dashboard d = Dashboard.read(Files.writeString(dir.resolve("d.json"), MODEL));
    assertThat(d.uid()).isEqualTo("u");
    assertThat(d.variables()).containsExactly(
        new Dashboard.Variable("datasource", "datasource", "", false, false, Optional.empty()),
        new Dashboard.Variable("job", "query", "label_values(up{netuid!=\"\"}, job)", false, false, Optional.empty()),
        new Dashboard.Variable("netuid", "query", "label_values(up{job=\"$job\"}, netuid)", true, true, Optional.of(".+")),
        new Dashboard.Variable("gpu", "query", "label_values(gpu)", true, true, Optional.empty()));
    assertThat(d.variables().get(1).labelValues()).isEqualTo(new Dashboard.LabelValues("up{netuid!=\"\"}", "job"));
    assertThat(d.variables().get(3).labelValues()).isEqualTo(new Dashboard.LabelValues("", "gpu"));
  }

  @Test
  void findsEveryQueryOfEveryPanelRowsNestedPanelsIncluded(@TempDir Path dir) throws Exception {
    Dashboard d = Dashboard.read(Files.writeString(dir.resolve("d.json"), MODEL));
    assertThat(d.queries()).extracting(Dashboard.Query::path).containsExactly(
        "T /  / Top / A", "T / Row one / Two / A", "T / Row one / Two / B", "T / Collapsed / Inner / A");
    assertThat(d.queries()).extracting(Dashboard.Query::expr).containsExactly(
        "up{job=\"$job\"}", "a{netuid=~\"${netuid}\"}", "rate(b[$__rate_interval])", "c{gpu=~\"[[gpu]]\"}");
  }

  @Test
  void interpolatesEveryVariableSyntax() {
    Map<String, String> values = Map.of("job", "taoprom", "netuid", ".+", "gpu", "(0|1)", "__rate_interval", "1m");
    assertThat(Dashboard.interpolate("up{job=\"$job\"} + a{netuid=~\"${netuid}\"} + c{gpu=~\"[[gpu]]\"}"
        + " + rate(b[$__rate_interval]) + d{gpu=~\"${gpu:regex}\"}", values))
        .isEqualTo("up{job=\"taoprom\"} + a{netuid=~\".+\"} + c{gpu=~\"(0|1)\"} + rate(b[1m]) + d{gpu=~\"(0|1)\"}");
    assertThat(Dashboard.referencedVariables("x{a=\"$job\", b=\"${netuid:raw}\"}[$__range]"))
        .containsExactly("job", "netuid", "__range");
  }

  @Test
  void anUndefinedVariableOrAnUnknownFormatIsAnError() {
    assertThatThrownBy(() -> Dashboard.interpolate("up{instance=\"$instance\"}", Map.of()))
        .hasMessageContaining("undefined variable $instance");
    assertThatThrownBy(() -> Dashboard.interpolate("up{job=\"${job:csv}\"}", Map.of("job", "x")))
        .hasMessageContaining("format csv");
  }

  @Test
  void multiValueVariablesBecomeEscapedAlternations() {
    Dashboard.Variable gpu = new Dashboard.Variable("gpu", "query", "label_values(gpu)", true, true, Optional.empty());
    Dashboard.Variable netuid =
        new Dashboard.Variable("netuid", "query", "label_values(netuid)", true, true, Optional.of(".+"));
    assertThat(Dashboard.valueOf(gpu, List.of("0"), false)).isEqualTo("0");
    assertThat(Dashboard.valueOf(gpu, List.of("0", "1"), true)).isEqualTo("(0|1)");
    assertThat(Dashboard.valueOf(gpu, List.of("a.b", "c|d"), false)).isEqualTo("(a\\\\.b|c\\\\|d)");
    assertThat(Dashboard.valueOf(netuid, List.of("1", "27"), true)).isEqualTo(".+");
  }

  @Test
  void onlyLabelValuesQueriesAreResolved() {
    Dashboard.Variable v = new Dashboard.Variable("x", "query", "query_result(up)", false, false, Optional.empty());
    assertThatThrownBy(v::labelValues).hasMessageContaining("only label_values");
  }
}
