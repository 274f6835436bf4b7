package io.taoprom.metrics.nvml;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * NVML's GPU Performance Monitoring (GPM) entry points, bound by {@link NvmlLibrary} from the
 * same library: the profiling figures DCGM's {@code DCGM_FI_PROF_*} fields carry (SM, tensor,
 * DRAM activity, PCIe and NVLink bytes), computed by the driver from two samples of hardware
 * counters. Hopper and newer; drivers before 520 lack the entry points, and older GPUs answer
 * {@code isSupportedDevice = 0}.
 *
 * <p>Layouts, from NVIDIA's public API reference for {@code nvml.h}:
 * {@code nvmlGpmSupport_t} is {@code {unsigned version; unsigned isSupportedDevice}};
 * {@code nvmlGpmMetricsGet_t} is {@code {unsigned version; unsigned numMetrics; sample1;
 * sample2; nvmlGpmMetric_t metrics[]}} with the metrics at {@link #METRICS_OFFSET}, each
 * {@link #METRIC_SIZE} bytes: {@code metricId} at 0, its own {@code nvmlReturn} at 4, the
 * {@code double} value at 8, then three name pointers.
 */
final class GpmLibrary {

  /** {@code NVML_GPM_METRICS_GET_VERSION} and {@code NVML_GPM_SUPPORT_VERSION}. */
  static final int VERSION = 1;
  static final int METRICS_OFFSET = 24;
  static final int METRIC_SIZE = 40;
  /**
   * {@code NVML_GPM_METRIC_MAX} of recent headers: the buffer is as large as the struct those
   * headers declare, though the driver reads and writes only {@code numMetrics} entries.
   */
  static final int MAX_METRICS = 333;

  private final Function querySupport;
  private final Function sampleAlloc;
  private final Function sampleFree;
  private final Function sampleGet;
  private final Function metricsGet;

  GpmLibrary(Function querySupport, Function sampleAlloc, Function sampleFree, Function sampleGet,
      Function metricsGet) {
    this.querySupport = querySupport;
    this.sampleAlloc = sampleAlloc;
    this.sampleFree = sampleFree;
    this.sampleGet = sampleGet;
    this.metricsGet = metricsGet;
  }

  /** Whether the driver has every GPM entry point TaoProm calls. */
  boolean present() {
    return querySupport != null && sampleAlloc != null && sampleFree != null && sampleGet != null
        && metricsGet != null;
  }

  /** Writes an {@code nvmlGpmSupport_t} into {@code out}: {@code isSupportedDevice} is at 4. */
  int querySupport(Pointer device, Memory out) {
    out.setInt(0, VERSION);
    out.setInt(4, 0);
    return querySupport.invokeInt(new Object[] {device, out});
  }

  /** Allocates a sample buffer; its handle is written at offset 0 of {@code out}. */
  int sampleAlloc(Memory out) {
    return sampleAlloc.invokeInt(new Object[] {out});
  }

  int sampleFree(Pointer sample) {
    return sampleFree.invokeInt(new Object[] {sample});
  }

  /** Reads the GPU's counters into {@code sample}. */
  int sampleGet(Pointer device, Pointer sample) {
    return sampleGet.invokeInt(new Object[] {device, sample});
  }

  /**
   * Computes {@code metricIds} between two samples into {@code buffer} (at least
   * {@link #METRICS_OFFSET} + {@link #MAX_METRICS} × {@link #METRIC_SIZE} bytes); each
   * metric's own return code and value are then at {@link #METRICS_OFFSET} + i ×
   * {@link #METRIC_SIZE} + 4 and + 8.
   */
  int metricsGet(Pointer older, Pointer newer, int[] metricIds, Memory buffer) {
    buffer.clear(METRICS_OFFSET + (long) metricIds.length * METRIC_SIZE);
    buffer.setInt(0, VERSION);
    buffer.setInt(4, metricIds.length);
    buffer.setPointer(8, older);
    buffer.setPointer(16, newer);
    for (int i = 0; i < metricIds.length; i++) {
      buffer.setInt(METRICS_OFFSET + (long) i * METRIC_SIZE, metricIds[i]);
    }
    return metricsGet.invokeInt(new Object[] {buffer});
  }
}
