package io.taoprom.metrics.host.mdadm;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * node_exporter's mdadm collector, per array of {@code /proc/mdstat}:
 *
 * <pre>
 * # HELP node_md_disks Number of active/failed/spare disks of device.
 * # TYPE node_md_disks gauge
 * node_md_disks{device="md0",state="active"} 2.0
 * node_md_disks{device="md0",state="failed"} 0.0
 * node_md_disks{device="md0",state="spare"} 0.0
 * # HELP node_md_state Indicates the state of md-device.
 * # TYPE node_md_state gauge
 * node_md_state{device="md0",state="active"} 1.0
 * node_md_state{device="md0",state="recovering"} 0.0
 * </pre>
 *
 * and {@code node_md_disks_required}, {@code node_md_blocks}, {@code node_md_blocks_synced}.
 * A machine without md (no {@code /proc/mdstat}) gets no series.
 */
final class MdadmCollector implements MultiCollector {

  static final String MDSTAT = "mdstat";

  private static final MetricMetadata STATE = new MetricMetadata("node_md_state", "Indicates the state of md-device.");
  private static final MetricMetadata DISKS =
      new MetricMetadata("node_md_disks", "Number of active/failed/spare disks of device.");
  private static final MetricMetadata DISKS_REQUIRED =
      new MetricMetadata("node_md_disks_required", "Total number of disks of device.");
  private static final MetricMetadata BLOCKS =
      new MetricMetadata("node_md_blocks", "Total number of blocks on device.");
  private static final MetricMetadata BLOCKS_SYNCED =
      new MetricMetadata("node_md_blocks_synced", "Number of blocks synced on device.");

  /** node_exporter's {@code state} label values, and the activity each stands for. */
  private static final String[][] STATES = {
    {"active", "active"}, {"inactive", "inactive"}, {"recovering", "recovering"},
    {"resync", "resyncing"}, {"check", "checking"},
  };

  private final ProcFs proc;
  private final MdstatParser parser;

  MdadmCollector(ProcFs proc) {
    this.proc = proc;
    this.parser = new MdstatParser(proc.path(MDSTAT));
  }

  @Override
  public MetricSnapshots collect() {
    String text;
    try {
      text = proc.read(MDSTAT);
    } catch (NoSuchFileException noMd) {
      return MetricSnapshots.of(); // the md driver is not loaded
    } catch (IOException e) {
      IOException named = ReadError.of(proc.path(MDSTAT), e);
      throw new UncheckedIOException(named.getMessage(), named);
    }
    List<MdArray> arrays;
    try {
      arrays = parser.parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    HostFamilies out = new HostFamilies();
    for (MdArray md : arrays) {
      Labels device = Labels.of("device", md.name());
      out.gauge(DISKS_REQUIRED, device, md.disksRequired());
      out.gauge(DISKS, Labels.of("device", md.name(), "state", "active"), md.disksActive());
      out.gauge(DISKS, Labels.of("device", md.name(), "state", "failed"), md.disksFailed());
      out.gauge(DISKS, Labels.of("device", md.name(), "state", "spare"), md.disksSpare());
      for (String[] state : STATES) {
        out.gauge(STATE, Labels.of("device", md.name(), "state", state[0]), md.activity().equals(state[1]) ? 1 : 0);
      }
      out.gauge(BLOCKS, device, md.blocks());
      out.gauge(BLOCKS_SYNCED, device, md.blocksSynced());
    }
    return out.snapshots();
  }
}
