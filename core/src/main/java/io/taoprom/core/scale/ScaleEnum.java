package io.taoprom.core.scale;

/**
 * A decoded value of a SCALE enum: the variant index and the variant's value (a {@code List}
 * of fields for tuple variants, {@code null} for a variant without fields).
 *
 * <pre>{@code
 * ScaleCodec<ScaleEnum> call = ScaleCodecs.enumeration(ScaleCodecs.UNIT, ScaleCodecs.U32);
 * ScaleEnum v = call.decode(bytes); // v.index() == 1, v.value() == 42L
 * }</pre>
 *
 * @param index the variant index, as encoded in the first byte
 * @param value the variant's payload, or null when it has none
 */
public record ScaleEnum(int index, Object value) {}
