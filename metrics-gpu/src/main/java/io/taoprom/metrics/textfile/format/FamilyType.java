package io.taoprom.metrics.textfile.format;

import java.util.Locale;

/** The metric types of the text format's {@code # TYPE} line. */
public enum FamilyType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  UNTYPED;

  /** The type named on a {@code # TYPE} line, or null when the word is not one. */
  static FamilyType parse(String word) {
    switch (word) {
      case "counter":
        return COUNTER;
      case "gauge":
        return GAUGE;
      case "histogram":
        return HISTOGRAM;
      case "summary":
        return SUMMARY;
      case "untyped":
        return UNTYPED;
      default:
        return null;
    }
  }

  /** The word used on a {@code # TYPE} line. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
