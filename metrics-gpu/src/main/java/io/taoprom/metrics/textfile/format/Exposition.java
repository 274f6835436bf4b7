package io.taoprom.metrics.textfile.format;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.taoprom.untrusted.Excerpt;
import java.util.List;

/**
 * One input read by {@link ExpositionReader}: its families as client_java snapshots, the
 * families left out and why, and how many series it holds.
 *
 * @param families in order of first appearance
 * @param leftOut families that client_java could not take as they are, with the reason
 * @param series how many series {@code families} hold
 */
public record Exposition(List<MetricSnapshot> families, List<LeftOutFamily> leftOut, int series) {

  public Exposition {
    families = List.copyOf(families);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * A family of the input that is not served.
   *
   * @param family its name
   * @param type its type as the input declared it ({@code histogram})
   * @param reason why, in a few words ({@code bucket counts of lat fall at le="2.0"}), escaped
   *     and at most a couple of hundred characters
   */
  public record LeftOutFamily(String family, FamilyType type, String reason) {
    @Override
    public String toString() {
      return type.word() + " " + Excerpt.of(family, 120) + " left out: " + reason;
    }
  }
}
