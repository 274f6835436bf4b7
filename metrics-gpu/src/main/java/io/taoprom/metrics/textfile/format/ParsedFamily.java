package io.taoprom.metrics.textfile.format;

import java.util.List;
import java.util.Objects;

/**
 * A metric family as the text format wrote it: its name, the {@code # HELP} text (null when
 * there was none), its {@code # TYPE} (untyped when there was none) and its samples in order.
 * A histogram {@code rpc_seconds} holds the {@code rpc_seconds_bucket}, {@code _sum} and
 * {@code _count} samples.
 */
public record ParsedFamily(String name, String help, FamilyType type, List<ParsedSample> samples) {

  public ParsedFamily {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    samples = List.copyOf(samples);
  }

  /** Whether any sample carries a timestamp. */
  public boolean hasTimestamps() {
    for (ParsedSample sample : samples) {
      if (sample.timestampMillis() != null) {
        return true;
      }
    }
    return false;
  }
}
