package io.taoprom.chain.metadata;

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

  /** The documentation joined into one paragraph. */
  public String docText() {
    return String.join(" ", docs).trim();
  }

  /** The names of the fields, in order (null entries for unnamed fields). */
  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
