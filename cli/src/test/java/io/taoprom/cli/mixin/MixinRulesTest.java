package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The mixin's rule files read as YAML, without Prometheus: every alert is complete (severity,
 * summary, description, runbook), every alert is expected to fire in a promtool unit test and
 * every recording rule is evaluated in one, and every series a rule reads is one TaoProm
 * documents. {@code MixinRulesIT} runs the files and tests through promtool itself.
 */
class MixinRulesTest {

  private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");

  /** Series Prometheus makes itself for every target. */
  private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  @Test
  void everyAlertHasASeverityASummaryADescriptionAndARunbook() {
    List<Map<String, Object>> alerts = alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(20);
    Set<String> names = new HashSet<>();
    for (Map<String, Object> alert : alerts) {
      String name = (String) alert.get("alert");
      assertThat(names.add(name)).as("alert %s defined twice", name).isTrue();
      assertThat(name).as("alert names are TaoProm's").startsWith("TaoProm");
      @SuppressWarnings("unchecked")
      Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
      assertThat(labels).as("labels of %s", name).isNotNull();
      assertThat(labels.get("severity")).as("severity of %s", name).isIn(SEVERITIES.toArray());
      @SuppressWarnings("unchecked")
      Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
      assertThat(annotations).as("annotations of %s", name).isNotNull()
          .containsOnlyKeys("summary", "description", "runbook");
      annotations.forEach((key, text) ->
          assertThat(String.valueOf(text)).as("%s of %s", key, name).hasSizeGreaterThan(20));
    }
  }

  @Test
  void everyAlertIsExpectedToFireInAPromtoolTest() {
    Set<String> firing = new TreeSet<>();
    for (Path test : Mixin.ruleTests()) {
      for (Map<String, Object> testCase : list(Mixin.yaml(test).get("tests"))) {
        for (Map<String, Object> alertTest : list(testCase.get("alert_rule_test"))) {
          if (!list(alertTest.get("exp_alerts")).isEmpty()) {
            firing.add((String) alertTest.get("alertname"));
          }
        }
      }
    }
    Set<String> alerts = new TreeSet<>();
    alerts().forEach(a -> alerts.add((String) a.get("alert")));
    assertThat(firing).as("alerts expected to fire in mixin/tests/*.yml").isEqualTo(alerts);
  }

  @Test
  void everyRecordingRuleIsEvaluatedInAPromtoolTest() {
    Set<String> evaluated = new TreeSet<>();
    for (Path test : Mixin.ruleTests()) {
      for (Map<String, Object> testCase : list(Mixin.yaml(test).get("tests"))) {
        for (Map<String, Object> exprTest : list(testCase.get("promql_expr_test"))) {
          if (!list(exprTest.get("exp_samples")).isEmpty()) {
            evaluated.addAll(PromqlNames.of((String) exprTest.get("expr")));
          }
        }
      }
    }
    List<String> records = Mixin.rules(Mixin.rulesFile()).stream().map(r -> (String) r.get("record")).toList();
    assertThat(records).hasSizeGreaterThanOrEqualTo(9).doesNotContainNull();
    assertThat(evaluated).as("recording rules with expected samples in mixin/tests/*.yml").containsAll(records);
  }

  @Test
  void rulesReadOnlySeriesTaoPromDocumentsOrRecords() {
    Set<String> recorded = new HashSet<>();
    Mixin.rules(Mixin.rulesFile()).forEach(r -> recorded.add((String) r.get("record")));
    List<String> unknown = new ArrayList<>();
    Set<String> read = new TreeSet<>();
    for (Path file : Mixin.ruleFiles()) {
      for (Map<String, Object> rule : Mixin.rules(file)) {
        for (String metric : PromqlNames.of((String) rule.get("expr"))) {
          read.add(metric);
          if (!recorded.contains(metric) && !PROMETHEUS_OWN.contains(metric)
              && !Mixin.documentedOrPending(metric)) {
            unknown.add(metric + " (in " + rule.getOrDefault("alert", rule.get("record")) + ")");
          }
        }
      }
    }
    assertThat(unknown).as("series read by the rules that no docs/*.md names").isEmpty();
    // The check itself sees the families it is meant to: GPU, chain, exporter, subnet.
    assertThat(read).contains("gpu_xid_errors_total", "taoprom_chain_registered", "taoprom_scrape_collector_success",
        "job_netuid:up:sum", "DCGM_FI_DEV_ROW_REMAP_FAILURE", "bittensor_neuron_validator_permit");
  }

  @Test
  void pendingNamesAreNotDocumentedYet() {
    List<String> documentedNow = Mixin.PENDING.stream().filter(Mixin::documented).sorted().toList();
    assertThat(documentedNow).as("docs/*.md now names these: remove them from Mixin.PENDING").isEmpty();
  }

  @Test
  void documentedFindsBackquotedSeriesOnly() {
    assertThat(Mixin.documented("gpu_ecc_errors_total")).isTrue();
    assertThat(Mixin.documented("taoprom_chain_rpc_duration_seconds_bucket")).isTrue();
    assertThat(Mixin.documented("gpu_ecc_errors")).isFalse();
    assertThat(Mixin.documented("gpu_made_up_series")).isFalse();
  }

  private static List<Map<String, Object>> alerts() {
    return Mixin.rules(Mixin.alertsFile());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object yaml) {
    return yaml == null ? List.of() : (List<Map<String, Object>>) yaml;
  }
}
