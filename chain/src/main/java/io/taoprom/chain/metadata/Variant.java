package io.taoprom.chain.metadata;

import io.taoprom.untrusted.Excerpt;
import java.util.List;

/**
 * A variant of an enum type: also what a call, an event or a pallet error is.
 *
 * @param name the variant name ({@code serve_prometheus}, {@code PrometheusServed})
 * @param fields its fields (a call's arguments, an event's values)
 * @param index the encoded discriminant
 * @param docs documentation lines
 */
public record Variant(String name, List<Field> fields, int index, List<String> docs) {

  /** How much of the documentation {@link #docText()} gives. */
  public static final int DOC_TEXT_CHARS = 400;

  /**
   * The documentation joined into one paragraph, for a message: escaped (metadata comes from the
   * node, and a terminal must not act on it) and cut short after {@value #DOC_TEXT_CHARS}
   * characters. {@link #docs()} has the lines as they are.
   */
  public String docText() {
    return Excerpt.of(String.join(" ", docs).trim(), DOC_TEXT_CHARS);
  }

  /** The names of the fields, in order (null entries for unnamed fields). */
  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
