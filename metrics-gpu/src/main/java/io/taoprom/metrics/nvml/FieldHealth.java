package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.snapshots.Labels;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What went wrong with individual fields: NOT_SUPPORTED answers (counted per scrape, since
 * they are a property of the GPU) and other failures (counted since start, since they are
 * events). Each distinct failure is logged once per GPU and field, so a GPU that keeps
 * failing does not flood the log.
 *
 * <p>Guarded by the collector's scrape lock.
 */
final class FieldHealth {

  /** The {@code error} label of values left out because they are not believable. */
  static final String OUT_OF_RANGE = "out_of_range";

  private static final Logger LOG = System.getLogger(NvmlCollector.class.getName());
  // Bounds the log-once memory; fields x errors x GPUs stays far below it in practice.
  private static final int MAX_LOGGED = 4096;

  private final Map<NvmlField, Integer> unsupported = new EnumMap<>(NvmlField.class);
  private final Map<NvmlField, Map<String, Long>> errors = new EnumMap<>(NvmlField.class);
  private final Set<String> logged = new HashSet<>();

  /** Starts a scrape: NOT_SUPPORTED counts are per scrape. */
  void beginScrape() {
    unsupported.clear();
  }

  /** The GPU answered NOT_SUPPORTED (or lacks the entry point) for the field. */
  void unsupported(NvmlField field) {
    unsupported.merge(field, 1, Integer::sum);
  }

  /** The field failed with an NVML error other than NOT_SUPPORTED and GPU_IS_LOST. */
  void failed(GpuDevice gpu, NvmlField field, int code, NvmlLibrary lib) {
    count(field, NvmlReturn.name(code));
    logOnce(gpu + " " + field.label() + " " + code, gpu + ": reading " + field.label()
        + " failed: " + lib.describe(code) + "; the series is left out until it works again");
  }

  /**
   * The outcome of one NVML read, the same for every reader: true on SUCCESS; NOT_SUPPORTED is
   * added to {@code unsupported} (committed by the collector once the GPU answered to the end);
   * GPU_IS_LOST and RESET_REQUIRED end the GPU's scrape; any other error is counted and logged
   * once.
   */
  boolean ok(GpuDevice gpu, NvmlField field, int rc, Set<NvmlField> unsupported, NvmlLibrary lib)
      throws DeviceLostException {
    if (rc == NvmlReturn.SUCCESS) {
      return true;
    }
    if (rc == NvmlReturn.NOT_SUPPORTED) {
      unsupported.add(field);
    } else if (NvmlReturn.isDeviceGone(rc)) {
      throw new DeviceLostException(rc);
    } else {
      failed(gpu, field, rc, lib);
    }
    return false;
  }

  /** Whether a raw value (in NVML's unit) is believable for the field; if not, it is counted. */
  boolean believable(GpuDevice gpu, NvmlField field, long raw) {
    if (field.accepts(raw)) {
      return true;
    }
    outOfRange(gpu, field, Long.toString(raw));
    return false;
  }

  /** The field returned a value outside its believable range; it is left out. */
  void outOfRange(GpuDevice gpu, NvmlField field, String shown) {
    count(field, OUT_OF_RANGE);
    logOnce(gpu + " " + field.label() + " range", gpu + ": " + field.label() + " reported "
        + shown + ", which cannot be right; the value is left out");
  }

  /** A failure that is not an NVML return code, such as a duplicate series. */
  void failed(NvmlField field, String error, String message) {
    count(field, error);
    logOnce(field.label() + " " + error, message);
  }

  /** Logs {@code message} at WARNING the first time {@code key} is seen. */
  void logOnce(String key, String message) {
    if (logged.size() < MAX_LOGGED && logged.add(key)) {
      LOG.log(Level.WARNING, message);
    }
  }

  private void count(NvmlField field, String error) {
    errors.computeIfAbsent(field, f -> new TreeMap<>()).merge(error, 1L, Long::sum);
  }

  /** Adds the {@code taoprom_nvml_unsupported_fields} and {@code _field_errors_total} points. */
  void writeTo(SeriesBuffer out) {
    unsupported.forEach((field, n) ->
        out.add(GpuSeries.UNSUPPORTED_FIELDS, Labels.of("field", field.label()), n));
    errors.forEach((field, byError) -> byError.forEach((error, n) ->
        out.add(GpuSeries.FIELD_ERRORS, Labels.of("field", field.label(), "error", error), n)));
  }
}
