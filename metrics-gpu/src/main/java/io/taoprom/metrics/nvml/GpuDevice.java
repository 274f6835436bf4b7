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
  /** The last XID seen since TaoProm started, 0 before any: dcgm's {@code DCGM_FI_DEV_XID_ERRORS}. */
  long lastXid;

  /**
   * dcgm-exporter's labels ({@code gpu}, {@code UUID}, {@code pci_bus_id}, {@code device},
   * {@code modelName}, {@code Hostname}, {@code DCGM_FI_DRIVER_VERSION}); set by
   * {@link #identifyDcgm}.
   */
  Labels dcgmLabels = Labels.EMPTY;
  /** NVLinks the GPU has: -1 until asked, 0 when it has none (or NVML cannot say). */
  int nvlinkLinks = -1;
  /** The NVLink data counters' sum (KiB) and NVML's timestamp (µs) at the previous scrape; 0 before. */
  long nvlinkPreviousKib;
  long nvlinkPreviousMicros;
  /** GPM samples and the last figures computed from them; null until GPM is first asked. */
  GpmSampler.State gpm;

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

  /**
   * Sets dcgm-exporter's labels once the identity is read. {@code device} is
   * {@code nvidia<index>}, as dcgm-exporter writes it from DCGM's GPU id; an empty host name
   * leaves {@code Hostname} out, as dcgm-exporter does.
   */
  void identifyDcgm(String driverVersion, String hostname) {
    Labels l = Labels.of("gpu", indexLabel, "UUID", uuid, "pci_bus_id", pciBusId, "device", "nvidia" + indexLabel,
        "modelName", name, "DCGM_FI_DRIVER_VERSION", driverVersion);
    dcgmLabels = hostname.isEmpty() ? l : l.add("Hostname", hostname);
  }

  /** Counts one XID critical error. */
  void countXid(long xid) {
    lastXid = xid;
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
