package io.taoprom.chain.codec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of an enum type (a Rust {@code enum}): the variant's name and index, and its content
 * — {@code null} for a unit variant, a {@link Map} for named fields, the value itself for a
 * single unnamed field, a {@link List} for several.
 *
 * <pre>{@code
 * EnumValue call = EnumValue.of("SubtensorModule", EnumValue.of("serve_prometheus", Map.of(...)));
 * EnumValue none = EnumValue.of("None");
 * }</pre>
 *
 * When encoding, the name selects the variant; an index of -1 means "look it up".
 *
 * @param name the variant name
 * @param index the variant index, or -1 when not known (for encoding)
 * @param value the content
 */
public record EnumValue(String name, int index, Object value) {

  public EnumValue {
    Objects.requireNonNull(name, "name");
  }

  /** A variant to encode, by name, with content. */
  public static EnumValue of(String name, Object value) {
    return new EnumValue(name, -1, value);
  }

  /** A unit variant to encode, by name. */
  public static EnumValue of(String name) {
    return new EnumValue(name, -1, null);
  }

  /** Whether this is the variant {@code variantName}. */
  public boolean is(String variantName) {
    return name.equals(variantName);
  }

  /** The content as a map of named fields (empty when it is not one). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> fields() {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @Override
  public String toString() {
    return value == null ? name : name + "(" + Values.toString(value) + ")";
  }
}
