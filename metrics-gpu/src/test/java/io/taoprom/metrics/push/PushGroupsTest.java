package io.taoprom.metrics.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.taoprom.exporter.scrape.KnownFamily;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Pushgateway's semantics, seen on what the push collector serves: PUT replaces a group, POST
 * replaces the families it names, DELETE removes the group, grouping labels on every series, the
 * two timestamps per group; and a refused push changes nothing but the failure time.
 */
class PushGroupsTest {

  /** What prometheus_client 0.16's generate_latest writes for a counter, a gauge and a histogram. */
  static final String PYTHON_REGISTRY = """
      # HELP jobs_done_total Jobs done by the miner.
      # TYPE jobs_done_total counter
      jobs_done_total{queue="gpu"} 3.0
      # HELP jobs_done_created Jobs done by the miner.
      # TYPE jobs_done_created gauge
      jobs_done_created{queue="gpu"} 1.7499e+09
      # HELP jobs_waiting Jobs waiting for a GPU.
      # TYPE jobs_waiting gauge
      jobs_waiting 2.0
      # HELP job_seconds Time per job.
      # TYPE job_seconds histogram
      job_seconds_bucket{le="1.0"} 1.0
      job_seconds_bucket{le="5.0"} 2.0
      job_seconds_bucket{le="+Inf"} 2.0
      job_seconds_count 2.0
      job_seconds_sum 3.5
      # HELP job_seconds_created Time per job.
      # TYPE job_seconds_created gauge
      job_seconds_created 1.7499e+09
      """;

  @Test
  void aPushOfPrometheusClientsTextIsServedWithTheGroupingLabelsAndTheTimestamps() {
    PushFixture push = new PushFixture();

    assertThat(push.put("/metrics/job/miner/instance/gpu-box", PYTHON_REGISTRY)).isEqualTo(new PushFixture.Answer(200, ""));

    assertThat(push.exposition()).isEqualTo("""
        # HELP job_seconds Time per job.
        # TYPE job_seconds histogram
        job_seconds_bucket{instance="gpu-box",job="miner",le="1.0"} 1
        job_seconds_bucket{instance="gpu-box",job="miner",le="5.0"} 2
        job_seconds_bucket{instance="gpu-box",job="miner",le="+Inf"} 2
        job_seconds_count{instance="gpu-box",job="miner"} 2
        job_seconds_sum{instance="gpu-box",job="miner"} 3.5
        # HELP jobs_done_total Jobs done by the miner.
        # TYPE jobs_done_total counter
        jobs_done_total{instance="gpu-box",job="miner",queue="gpu"} 3.0
        # HELP jobs_waiting Jobs waiting for a GPU.
        # TYPE jobs_waiting gauge
        jobs_waiting{instance="gpu-box",job="miner"} 2.0
        # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
        # TYPE push_failure_time_seconds gauge
        push_failure_time_seconds{instance="gpu-box",job="miner"} 0.0
        # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
        # TYPE push_time_seconds gauge
        push_time_seconds{instance="gpu-box",job="miner"} 1.75E9
        """);
  }

  @Test
  void putReplacesTheGroupAndPostReplacesOnlyTheFamiliesItPushes() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/batch", "a 1\nb 1\n");
    push.clock.advanceSeconds(10);

    push.post("/metrics/job/batch", "b 2\nc 2\n");
    assertThat(push.exposition()).contains("a{job=\"batch\"} 1.0", "b{job=\"batch\"} 2.0", "c{job=\"batch\"} 2.0")
        .contains("push_time_seconds{job=\"batch\"} 1.75000001E9");

    push.put("/metrics/job/batch", "d 3\n");
    assertThat(push.exposition()).doesNotContain("a{", "b{", "c{").contains("d{job=\"batch\"} 3.0");
  }

  @Test
  void anEmptyPutKeepsOnlyTheTimestampsAndAnEmptyPostOnlyUpdatesThem() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/batch", "a 1\n");
    push.clock.advanceSeconds(1);
    push.post("/metrics/job/batch", "");
    assertThat(push.exposition()).contains("a{job=\"batch\"} 1.0", "push_time_seconds{job=\"batch\"} 1.750000001E9");

    push.put("/metrics/job/batch", "");
    assertThat(push.exposition()).isEqualTo("""
        # HELP push_failure_time_seconds Last Unix time when changing this group in the Pushgateway failed.
        # TYPE push_failure_time_seconds gauge
        push_failure_time_seconds{job="batch"} 0.0
        # HELP push_time_seconds Last Unix time when changing this group in the Pushgateway succeeded.
        # TYPE push_time_seconds gauge
        push_time_seconds{job="batch"} 1.750000001E9
        """);
  }

  @Test
  void deleteRemovesTheGroupOnlyAndDeletingAnAbsentGroupIsNoError() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/batch/instance/a", "x 1\n");
    push.put("/metrics/job/batch/instance/b", "x 2\n");

    assertThat(push.delete("/metrics/job/batch/instance/a")).isEqualTo(new PushFixture.Answer(202, ""));
    assertThat(push.delete("/metrics/job/never")).isEqualTo(new PushFixture.Answer(202, ""));

    assertThat(push.exposition()).doesNotContain("instance=\"a\"").contains("x{instance=\"b\",job=\"batch\"} 2.0");
    push.delete("/metrics/job/batch/instance/b");
    assertThat(push.exposition()).isEmpty();
  }

  @Test
  void groupingLabelsOverwriteTheSameLabelsInTheBody() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/batch/instance/gpu-box", "x{job=\"other\",instance=\"elsewhere\",queue=\"q\"} 1\n");

    assertThat(push.exposition()).contains("x{instance=\"gpu-box\",job=\"batch\",queue=\"q\"} 1.0")
        .doesNotContain("other", "elsewhere", "exported_");
  }

  @Test
  void oneFamilyPushedByTwoInstancesIsServedAsOneFamily() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/miner/instance/a", "# HELP jobs_waiting Waiting.\n# TYPE jobs_waiting gauge\njobs_waiting 1\n");
    push.put("/metrics/job/miner/instance/b", "# HELP jobs_waiting Waiting.\n# TYPE jobs_waiting gauge\njobs_waiting 2\n");

    assertThat(push.exposition()).startsWith("""
        # HELP jobs_waiting Waiting.
        # TYPE jobs_waiting gauge
        jobs_waiting{instance="a",job="miner"} 1.0
        jobs_waiting{instance="b",job="miner"} 2.0
        """);
  }

  @Test
  void aPushThatClashesWithAnotherGroupIsRefusedWholeAndOnlyItsFailureTimeIsKept() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/a", "# TYPE shared gauge\nshared 1\n");
    push.put("/metrics/job/b", "mine 1\n");
    String before = push.exposition();
    push.clock.advanceSeconds(5);

    PushFixture.Answer refused = push.post("/metrics/job/b", "# TYPE shared_total counter\nshared_total 7\nmore 1\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).isEqualTo(
        "push to {job=\"b\"} refused: counter shared: push group {job=\"a\"} yields it as a gauge\n");
    assertThat(push.exposition())
        .isEqualTo(before.replace("push_failure_time_seconds{job=\"b\"} 0.0", "push_failure_time_seconds{job=\"b\"} 1.750000005E9"));
  }

  @Test
  void aPushThatTakesAFamilyOfACollectorIsRefusedWithWhoServesIt() {
    PushFixture push = new PushFixture();
    push.known.add(new KnownFamily("collector \"loadavg\"", GaugeSnapshot.builder().name("node_load1").build()));
    push.known.add(new KnownFamily("collector \"cpu\"", CounterSnapshot.builder().name("node_cpu_seconds").build()));

    PushFixture.Answer load = push.put("/metrics/job/batch", "node_load1 12\n");
    PushFixture.Answer cpu = push.put("/metrics/job/batch", "# TYPE node_cpu_seconds_total gauge\nnode_cpu_seconds_total 1\n");

    assertThat(load).isEqualTo(new PushFixture.Answer(400,
        "push to {job=\"batch\"} refused: unknown node_load1: node_load1 is one of collector \"loadavg\"'s own series\n"));
    assertThat(cpu.status()).isEqualTo(400);
    assertThat(cpu.body()).contains("gauge node_cpu_seconds_total:", "collector \"cpu\"");
    // The refused group exists only to carry its failure time, as the Pushgateway keeps it.
    assertThat(push.exposition()).doesNotContain("node_").contains("push_time_seconds{job=\"batch\"} 0.0")
        .contains("push_failure_time_seconds{job=\"batch\"} 1.75E9");
  }

  @Test
  void pushedTimestampsAreRefusedAsThePushgatewayRefusesThem() {
    PushFixture push = new PushFixture();

    PushFixture.Answer refused = push.put("/metrics/job/batch", "x 1 1700000000000\n");

    assertThat(refused).isEqualTo(new PushFixture.Answer(400,
        "push to {job=\"batch\"} refused: pushed metrics must not have timestamps (x has one)\n"));
  }

  @Test
  void pushedFamiliesNamedLikeTheTimestampsAreOverriddenByThem() {
    PushFixture push = new PushFixture();

    assertThat(push.put("/metrics/job/batch", "push_time_seconds 5\nx 1\n").status()).isEqualTo(200);

    assertThat(push.exposition()).contains("push_time_seconds{job=\"batch\"} 1.75E9").doesNotContain(" 5.0");
  }

  @Test
  void groupsNotPushedWithinTheExpiryAreDroppedAndTheirHeapGivenBack() {
    PushFixture push = new PushFixture(Map.of("push.expiry", "10m"));
    push.put("/metrics/job/old", "x 1\n");
    push.clock.advanceSeconds(300);
    push.put("/metrics/job/fresh", "y 1\n");
    long held = push.budget.used();
    assertThat(held).isPositive();

    push.clock.advanceSeconds(301);
    assertThat(push.exposition()).doesNotContain("old").contains("y{job=\"fresh\"} 1.0");
    assertThat(push.budget.used()).isLessThan(held).isPositive();

    push.clock.advanceSeconds(300);
    assertThat(push.exposition()).isEmpty();
    assertThat(push.budget.used()).isZero();
  }

  @Test
  void whatAGroupHoldsIsChargedToTheHeapBudgetUntilItIsReplacedOrDeleted() {
    PushFixture push = new PushFixture();
    push.put("/metrics/job/batch", PYTHON_REGISTRY);
    long one = push.budget.used();
    assertThat(one).isPositive();

    push.put("/metrics/job/batch", PYTHON_REGISTRY);
    assertThat(push.budget.used()).isEqualTo(one);

    push.post("/metrics/job/batch", "x 1\n");
    assertThat(push.budget.used()).isGreaterThan(one);

    push.delete("/metrics/job/batch");
    assertThat(push.budget.used()).isZero();
  }
}
