package io.taoprom.exporter.exposition;

import io.prometheus.metrics.model.snapshots.Labels;
import io.taoprom.untrusted.Excerpt;

/**
 * Names and label sets in messages: a family's names and labels may come from a file or another
 * process, so they are escaped and cut short, and a message stays one line of a few hundred
 * characters whatever they hold.
 */
final class Describe {

  /** Enough for any sensible metric name; a megabyte-long one is cut. */
  static final int NAME_CHARS = 120;
  private static final int VALUE_CHARS = 40;
  private static final int LABELS_CHARS = 160;

  private Describe() {}

  private static final int SOURCE_CHARS = 160;

  /** A source's description (a file path, a target name), escaped and cut short. */
  static String source(String description) {
    return Excerpt.of(description, SOURCE_CHARS);
  }

  /** A metric name (or "type name"), cut short. */
  static String name(String name) {
    return Excerpt.of(name, NAME_CHARS);
  }

  /** {@code {a="1",b="x"}}, each value escaped and cut, the whole at most about 200 characters. */
  static String labels(Labels labels) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      if (out.length() > LABELS_CHARS) {
        out.append("…(+").append(labels.size() - i).append(" labels)");
        break;
      }
      if (i > 0) {
        out.append(',');
      }
      out.append(Excerpt.of(labels.getName(i), VALUE_CHARS)).append('=').append(Excerpt.quoted(labels.getValue(i), VALUE_CHARS));
    }
    return out.append('}').toString();
  }
}
