package io.taoprom.metrics.textfile.format;

import java.util.List;
import java.util.Objects;

/**
 * One sample line: {@code http_requests_total{code="200"} 1027 1395066363000}.
 *
 * @param name the sample's name, suffix included ({@code rpc_seconds_bucket})
 * @param labelNames label names in the order written
 * @param labelValues label values, unescaped, matching {@code labelNames}
 * @param value the value; NaN and ±Inf allowed
 * @param timestampMillis the optional timestamp in milliseconds, or null
 */
public record ParsedSample(
    String name, List<String> labelNames, List<String> labelValues, double value, Long timestampMillis) {

  public ParsedSample {
    Objects.requireNonNull(name, "name");
    labelNames = List.copyOf(labelNames);
    labelValues = List.copyOf(labelValues);
    if (labelNames.size() != labelValues.size()) {
      throw new IllegalArgumentException("label names and values differ in number");
    }
  }

  /** The value of label {@code name}, or null. */
  public String label(String name) {
    int i = labelNames.indexOf(name);
    return i < 0 ? null : labelValues.get(i);
  }
}
