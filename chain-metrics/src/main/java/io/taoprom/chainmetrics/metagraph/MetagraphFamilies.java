package io.taoprom.chainmetrics.metagraph;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MetagraphSnapshot} as Prometheus families: identity on {@code bittensor_neuron_info}
 * (the only series with the coldkey), one gauge per {@link NeuronField} and {@link SubnetField},
 * the chain's best and finalized blocks, and when and at which block the snapshot was read. A
 * family with no value (a field the runtime lacks) is left out rather than served empty.
 */
final class MetagraphFamilies {

  static final String NEURON_INFO = "bittensor_neuron_info";
  static final String CHAIN_BEST_BLOCK = "bittensor_chain_best_block";
  static final String CHAIN_FINALIZED_BLOCK = "bittensor_chain_finalized_block";
  static final String METAGRAPH_BLOCK = "bittensor_metagraph_block";
  static final String LAST_REFRESH = "bittensor_metagraph_last_refresh_timestamp_seconds";
  static final String REFRESH_SUCCESS = "taoprom_metagraph_refresh_success";
  static final String ENTRY_MISSING = "taoprom_metagraph_storage_entry_missing";

  private MetagraphFamilies() {}

  /**
   * The families of {@code s}.
   *
   * @param lastRefreshSucceeded whether the latest refresh attempt succeeded (false: {@code s} is
   *     older than the chain, and the collector's reason says why)
   */
  static MetricSnapshots render(MetagraphSnapshot s, boolean lastRefreshSucceeded) {
    List<MetricSnapshot> out = new ArrayList<>();
    // Every neuron in serving order, with its netuid/uid/hotkey labels made once for all its families.
    List<Neuron> neurons = new ArrayList<>();
    List<Labels> labels = new ArrayList<>();
    List<GaugeDataPointSnapshot> info = new ArrayList<>();
    for (Subnet subnet : s.subnets()) {
      String netuid = Integer.toString(subnet.netuid());
      for (Neuron n : subnet.neurons()) {
        String uid = Integer.toString(n.uid());
        neurons.add(n);
        labels.add(Labels.of("netuid", netuid, "uid", uid, "hotkey", n.hotkey()));
        info.add(point(1, Labels.of("netuid", netuid, "uid", uid, "hotkey", n.hotkey(),
            "coldkey", n.coldkey() == null ? "" : n.coldkey())));
      }
    }
    add(out, new MetricMetadata(NEURON_INFO,
        "A neuron of the subnet, by uid and hotkey, with its owner's coldkey; always 1."), info);
    for (NeuronField f : NeuronField.values()) {
      List<GaugeDataPointSnapshot> points = new ArrayList<>();
      for (int i = 0; i < neurons.size(); i++) {
        Double v = neurons.get(i).values().get(f);
        if (v != null) {
          points.add(point(v, labels.get(i)));
        }
      }
      add(out, new MetricMetadata(f.metric, f.help), points);
    }
    for (SubnetField f : SubnetField.values()) {
      List<GaugeDataPointSnapshot> points = new ArrayList<>();
      for (Subnet subnet : s.subnets()) {
        Double v = subnet.values().get(f);
        if (v != null) {
          points.add(point(v, Labels.of("netuid", Integer.toString(subnet.netuid()))));
        }
      }
      add(out, new MetricMetadata(f.metric, f.help), points);
    }
    add(out, new MetricMetadata(CHAIN_BEST_BLOCK, "The chain's best block when the metagraph was last read."),
        List.of(point(s.block(), Labels.EMPTY)));
    add(out, new MetricMetadata(CHAIN_FINALIZED_BLOCK, "The chain's last finalized block when the metagraph was last read."),
        List.of(point(s.finalizedBlock(), Labels.EMPTY)));
    add(out, new MetricMetadata(METAGRAPH_BLOCK, "The block the served metagraph was read at."),
        List.of(point(s.block(), Labels.EMPTY)));
    add(out, new MetricMetadata(LAST_REFRESH, "When the served metagraph was read, in seconds since the epoch.", Unit.SECONDS),
        List.of(point(s.readAt().toEpochMilli() / 1000.0, Labels.EMPTY)));
    add(out, new MetricMetadata(REFRESH_SUCCESS,
        "Whether the latest refresh of the metagraph succeeded: 1 yes, 0 no (the last good one is served)."),
        List.of(point(lastRefreshSucceeded ? 1 : 0, Labels.EMPTY)));
    List<GaugeDataPointSnapshot> missing = new ArrayList<>();
    for (String entry : s.missing()) {
      missing.add(point(1, Labels.of("entry", MetagraphReader.PALLET + "." + entry)));
    }
    add(out, new MetricMetadata(ENTRY_MISSING,
        "A storage entry the metagraph reads that this runtime lacks or holds in another type; its series are left out."),
        missing);
    return new MetricSnapshots(out);
  }

  private static GaugeDataPointSnapshot point(double value, Labels labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
  }

  private static void add(List<MetricSnapshot> out, MetricMetadata metadata, List<GaugeDataPointSnapshot> points) {
    if (!points.isEmpty()) {
      out.add(new GaugeSnapshot(metadata, points));
    }
  }
}
