package io.taoprom.metrics.nvml;

import io.taoprom.untrusted.Excerpt;
import java.util.Locale;

/**
 * Which names the nvml collector serves its per-GPU figures under ({@code --nvml.names}).
 * The collector's own health ({@code taoprom_nvml_*}) is served in every naming.
 */
public enum NvmlNames {
  /** TaoProm's {@code gpu_*} families in base units (the default). */
  TAOPROM,
  /** dcgm-exporter's {@code DCGM_FI_*} families, units and labels, for NVIDIA's dashboards. */
  DCGM,
  /** Both, side by side (for moving dashboards and rules from one to the other). */
  BOTH;

  /** Whether the {@code gpu_*} families are served. */
  public boolean taoprom() {
    return this != DCGM;
  }

  /** Whether the {@code DCGM_FI_*} families are served. */
  public boolean dcgm() {
    return this != TAOPROM;
  }

  /** The option's spelling: {@code taoprom}, {@code dcgm}, {@code both}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The naming {@code value} spells, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the option and the values it takes
   */
  public static NvmlNames parse(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (NvmlNames names : values()) {
      if (names.label().equals(v)) {
        return names;
      }
    }
    throw new IllegalArgumentException("option nvml.names must be taoprom, dcgm or both, got "
        + Excerpt.quoted(value, 40));
  }
}
