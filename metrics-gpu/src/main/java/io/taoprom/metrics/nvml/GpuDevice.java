package io.taoprom.metrics.nvml;

import com.sun.jna.Pointer;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One physical GPU as NVML numbers it: its handle and identity, cached once read, and what the
 * collector remembers about it between scrapes (XID counts, whether it is lost).
 *
 * <p>Guarded by the collector's scrape lock.
 */
final class GpuDevice {

  /** Distinct XIDs kept per GPU; rarer ones beyond it are counted under {@code xid="other"}. */
  static final int MAX_XID_LABELS = 64;

  final int index;
  final String indexLabel;
  Pointer handle;
  boolean identified;
  String uuid = "";
  String name = "";
  String pciBusId = "";
  String computeCapability = "";
  /** Identity fields NVML answered NOT_SUPPORTED for; counted every scrape. */
  final Set<NvmlField> identityUnsupported = EnumSet.noneOf(NvmlField.class);
  /** {@code gpu}, {@code uuid}; rebuilt once the uuid is known. */
  Labels labels;
  Labels infoLabels;
  /** Per-GPU labels built once: {@code type} of ECC errors, {@code reason} of clock events. */
  Labels eccCorrectedLabels;
  Labels eccUncorrectedLabels;
  final Labels[] reasonLabels = new Labels[ClockEventReason.values().length];
  boolean lost;
  /** Whether XID events are registered; {@code xidUnsupported} when the GPU cannot deliver them. */
  boolean xidRegistered;
  boolean xidUnsupported;
  final Map<String, Long> xidCounts = new TreeMap<>();

  GpuDevice(int index) {
    this.index = index;
    this.indexLabel = Integer.toString(index);
    this.labels = Labels.of("gpu", indexLabel, "uuid", uuid);
  }

  /** Sets the identity labels once uuid, name, PCI bus id and compute capability are read. */
  void identify(String driverVersion, String cudaVersion) {
    labels = Labels.of("gpu", indexLabel, "uuid", uuid);
    infoLabels = labels.merge(new String[] {"name", "driver_version", "cuda_version", "pci_bus_id", "compute_capability"},
        new String[] {name, driverVersion, cudaVersion, pciBusId, computeCapability});
    eccCorrectedLabels = labels.add("type", "corrected");
    eccUncorrectedLabels = labels.add("type", "uncorrected");
    for (ClockEventReason reason : ClockEventReason.values()) {
      reasonLabels[reason.ordinal()] = labels.add("reason", reason.label);
    }
    identified = true;
  }

  /** Counts one XID critical error. */
  void countXid(long xid) {
    String key = xid >= 0 ? Long.toString(xid) : Long.toUnsignedString(xid);
    if (!xidCounts.containsKey(key) && xidCounts.size() >= MAX_XID_LABELS) {
      key = "other";
    }
    xidCounts.merge(key, 1L, Long::sum);
  }

  @Override
  public String toString() {
    return "GPU " + index + (uuid.isEmpty() ? "" : " (" + uuid + ")");
  }
}
