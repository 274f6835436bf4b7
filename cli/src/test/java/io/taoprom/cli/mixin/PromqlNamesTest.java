package io.taoprom.cli.mixin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlNamesTest {

  @Test
  void aPlainSelector() {
    assertThat(PromqlNames.of("up")).containsExactly("up");
    assertThat(PromqlNames.of("taoprom_nvml_device_up == 0")).containsExactly("taoprom_nvml_device_up");
  }

  @Test
  void functionsAggregationsAndGroupingListsAreNotNames() {
    assertThat(PromqlNames.of(
        "sum by (mode) (rate(node_cpu_seconds_total{job=\"$job\", mode!=\"idle\"}[$__rate_interval]))"
            + " / scalar(count(node_cpu_seconds_total{mode=\"idle\"}))"))
        .containsExactly("node_cpu_seconds_total");
    assertThat(PromqlNames.of("histogram_quantile(0.9, sum by (le, method) (rate(x_bucket[5m])))"))
        .containsExactly("x_bucket");
    assertThat(PromqlNames.of("sum(rate(a[5m])) without (gpu, uuid)")).containsExactly("a");
  }

  @Test
  void labelValuesStringsAndMatchersAreNotNames() {
    assertThat(PromqlNames.of("gpu_xid_errors_total{xid=~\"48|62|64\"} unless gpu_xid_errors_total offset 15m"))
        .containsExactly("gpu_xid_errors_total");
    assertThat(PromqlNames.of("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*) and on (x)\")"))
        .containsExactly("up");
    assertThat(PromqlNames.of("count_values(\"version\", taoprom_build_info)")).containsExactly("taoprom_build_info");
  }

  @Test
  void vectorMatchingSetOperatorsAndNumbers() {
    assertThat(PromqlNames.of("""
        (max by (job, instance) (max_over_time(taoprom_nvml_devices[1d]))
          > on (job, instance) max by (job, instance) (taoprom_nvml_devices))
        or (a unless on (job, instance) b) and on (job, instance) up == 1
        """)).containsExactly("a", "b", "taoprom_nvml_devices", "up");
    assertThat(PromqlNames.of("sum(increase(gpu_energy_joules_total[$__range])) / 3.6e6 * 1e-3 + Inf"))
        .containsExactly("gpu_energy_joules_total");
    assertThat(PromqlNames.of("a * on (gpu) group_left (name) b")).containsExactly("a", "b");
  }

  @Test
  void recordingRuleNamesWithColons() {
    assertThat(PromqlNames.of("job_netuid:up:sum < 0.75 * max_over_time(job_netuid:up:sum[6h])"))
        .containsExactly("job_netuid:up:sum");
  }

  @Test
  void functionsWithoutArgumentsAndSubqueries() {
    assertThat(PromqlNames.of("time() - node_boot_time_seconds")).containsExactly("node_boot_time_seconds");
    assertThat(PromqlNames.of("max_over_time(rate(c_total[1m])[1h:5m]) or vector(0)")).containsExactly("c_total");
  }
}
