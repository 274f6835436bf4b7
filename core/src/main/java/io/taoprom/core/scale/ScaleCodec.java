package io.taoprom.core.scale;

/**
 * Encodes and decodes one SCALE type. Built-in codecs and combinators live in {@link
 * ScaleCodecs}; a codec is a value, so types compose like the Rust types they mirror.
 *
 * <pre>{@code
 * ScaleCodec<List<Object>> prometheusInfo = ScaleCodecs.tuple(
 *     ScaleCodecs.U64, ScaleCodecs.U32, ScaleCodecs.U128, ScaleCodecs.U16, ScaleCodecs.U8);
 * List<Object> info = prometheusInfo.decode(storageValue);
 * }</pre>
 *
 * Implementations are immutable and thread-safe.
 */
public interface ScaleCodec<T> extends ScaleWriter.Encoder<T>, ScaleReader.Decoder<T> {

  /**
   * The fewest bytes any value of this type encodes to; {@code Vec} decoding uses it to reject a
   * length prefix larger than the input before allocating.
   */
  default int minEncodedSize() {
    return 1;
  }

  /** The type as Rust would spell it, for error messages. */
  String typeName();

  /** Encodes one value into a fresh array. */
  default byte[] encodeToBytes(T value) {
    ScaleWriter w = new ScaleWriter();
    encode(w, value);
    return w.toByteArray();
  }

  /** Decodes a whole array as one value; trailing bytes are an error. */
  default T decodeAll(byte[] bytes) {
    ScaleReader r = new ScaleReader(bytes);
    T v = decode(r);
    r.expectEnd();
    return v;
  }
}
