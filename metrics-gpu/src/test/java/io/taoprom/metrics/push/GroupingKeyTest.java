package io.taoprom.metrics.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

/** Push paths as prometheus_client's push_to_gateway writes them, read as the Pushgateway reads them. */
class GroupingKeyTest {

  @Test
  void theJobAndEachLabelPairSortedByName() throws PushRefusal {
    // push_to_gateway(gw, job="miner", grouping_key={"netuid": 27, "instance": "gpu-box"})
    GroupingKey key = GroupingKey.parse("/metrics/job/miner/instance/gpu-box/netuid/27");

    assertThat(key).isEqualTo(new GroupingKey(Labels.of("instance", "gpu-box", "job", "miner", "netuid", "27")));
    assertThat(key.job()).isEqualTo("miner");
    assertThat(key).hasToString("{instance=\"gpu-box\",job=\"miner\",netuid=\"27\"}");
  }

  @Test
  void base64ValuesAsPrometheusClientWritesThemForASlashOrAnEmptyValue() throws PushRefusal {
    // _escape_grouping_key: "/var/tmp" -> path@base64/L3Zhci90bXA= ; "" -> empty@base64/=
    GroupingKey key = GroupingKey.parse("/metrics/job@base64/bmlnaHRseS9iYWNrdXA=/path@base64/L3Zhci90bXA=/empty@base64/=");

    assertThat(key).isEqualTo(new GroupingKey(Labels.of("empty", "", "job", "nightly/backup", "path", "/var/tmp")));
    assertThat(GroupingKey.parse("/metrics/job/a/name@base64/zqDPgc6_zrzOt864zrXPjc-C").labels().get("name"))
        .isEqualTo("Προμηθεύς");
  }

  @Test
  void percentEscapesAreDecodedAsUtf8AndAPlusStaysAPlusAsInThePushgateway() throws PushRefusal {
    // quote_plus("a b+c") == "a+b%2Bc": the Pushgateway keeps "+" as it is, and so do we.
    GroupingKey key = GroupingKey.parse("/metrics/job/titan/name/%CE%A0%CF%81%CE%BF/note/a+b%2Bc");

    assertThat(key.labels().get("name")).isEqualTo("Προ");
    assertThat(key.labels().get("note")).isEqualTo("a+b+c");
  }

  @Test
  void aTrailingSlashIsIgnoredALabelNamedTwiceKeepsItsLastValueAndTheJobSegmentWins() throws PushRefusal {
    assertThat(GroupingKey.parse("/metrics/job/a/")).isEqualTo(new GroupingKey(Labels.of("job", "a")));
    assertThat(GroupingKey.parse("/metrics/job/a/x/1/x/2/job/b")).isEqualTo(new GroupingKey(Labels.of("job", "a", "x", "2")));
  }

  @Test
  void invalidKeysAreRefusedWith400() {
    for (String path : new String[] {
        "/metrics/job/a/b", "/metrics/job//x/1", "/metrics/job/a/x//y/1", "/metrics/job/a/x/%C3%28",
        "/metrics/job/a/x/%2Fetc", "/metrics/job/a/1x/1", "/metrics/job@base64/"}) {
      assertThatThrownBy(() -> GroupingKey.parse(path)).as(path)
          .isInstanceOfSatisfying(PushRefusal.class, r -> assertThat(r.status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> GroupingKey.parse("/metrics/job/a/x/%2Fetc"))
        .hasMessage("push path: the value of x holds an encoded \"/\"; write it base64-encoded as x@base64/<VALUE>");
    assertThatThrownBy(() -> GroupingKey.parse("/metrics/job/a/x/%C3%28")).hasMessage("push path: the value of x is not valid UTF-8");
    assertThatThrownBy(() -> GroupingKey.parse("/metrics/job//x/1"))
        .hasMessage("push path: the value of job is empty; write an empty value as job@base64/= (or leave the label out)");
  }
}
