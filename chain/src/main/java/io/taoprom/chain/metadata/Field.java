package io.taoprom.chain.metadata;

import java.util.List;

/**
 * A field of a composite or of an enum variant.
 *
 * @param name the field name, or null for tuple-like fields
 * @param type the field's type id
 * @param typeName the type as written in the Rust source ({@code T::AccountId}), or null
 * @param docs documentation lines
 */
public record Field(String name, int type, String typeName, List<String> docs) {}
