package io.taoprom.metrics.host.edac;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;

/**
 * node_exporter's edac collector: ECC error counters per memory controller, per chip-select row
 * (the controller's errors without row information under {@code csrow="unknown"}) and per channel
 * with its DIMM's label (the last added in node_exporter 1.12):
 *
 * <pre>
 * # HELP node_edac_correctable_errors_total Total correctable memory errors.
 * # TYPE node_edac_correctable_errors_total counter
 * node_edac_correctable_errors_total{controller="0"} 3.0
 * # HELP node_edac_channel_correctable_errors_total Total correctable memory errors for this channel.
 * # TYPE node_edac_channel_correctable_errors_total counter
 * node_edac_channel_correctable_errors_total{channel="1",controller="0",csrow="0",dimm_label="CPU_SrcID0_MC0_Chan1_DIMM0"} 3.0
 * </pre>
 */
final class EdacCollector implements ReadingCollector {

  private static final MetricMetadata CE = new MetricMetadata("node_edac_correctable_errors",
      "Total correctable memory errors.");
  private static final MetricMetadata UE = new MetricMetadata("node_edac_uncorrectable_errors",
      "Total uncorrectable memory errors.");
  private static final MetricMetadata CSROW_CE = new MetricMetadata("node_edac_csrow_correctable_errors",
      "Total correctable memory errors for this csrow.");
  private static final MetricMetadata CSROW_UE = new MetricMetadata("node_edac_csrow_uncorrectable_errors",
      "Total uncorrectable memory errors for this csrow.");
  private static final MetricMetadata CHANNEL_CE = new MetricMetadata("node_edac_channel_correctable_errors",
      "Total correctable memory errors for this channel.");
  private static final MetricMetadata CHANNEL_UE = new MetricMetadata("node_edac_channel_uncorrectable_errors",
      "Total uncorrectable memory errors for this channel.");

  private final EdacSource source;

  EdacCollector(EdacSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies out = new HostFamilies();
    for (EdacSource.Controller mc : source.read()) {
      out.counter(CE, Labels.of("controller", mc.number()), mc.ce());
      out.counter(UE, Labels.of("controller", mc.number()), mc.ue());
      Labels noInfo = Labels.of("controller", mc.number(), "csrow", "unknown");
      out.counter(CSROW_CE, noInfo, mc.ceNoInfo());
      out.counter(CSROW_UE, noInfo, mc.ueNoInfo());
      for (EdacSource.Csrow row : mc.csrows()) {
        Labels rowLabels = Labels.of("controller", mc.number(), "csrow", row.number());
        out.counter(CSROW_CE, rowLabels, row.ce());
        out.counter(CSROW_UE, rowLabels, row.ue());
        for (EdacSource.Channel channel : row.channels()) {
          Labels labels = Labels.of("controller", mc.number(), "csrow", row.number(),
              "channel", channel.number(), "dimm_label", channel.dimmLabel());
          out.counter(CHANNEL_CE, labels, channel.ce());
          if (!Double.isNaN(channel.ue())) {
            out.counter(CHANNEL_UE, labels, channel.ue());
          }
        }
      }
    }
    return out.snapshots();
  }
}
