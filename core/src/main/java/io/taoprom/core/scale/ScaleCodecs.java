package io.taoprom.core.scale;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The SCALE types as {@link ScaleCodec} values, and combinators for composite types.
 *
 * <p>Java representations: {@code u8}/{@code u16}/{@code i8}/{@code i16}/{@code i32} as {@link
 * Integer}, {@code u32}/{@code i64} as {@link Long}, {@code u64}, {@code u128}, {@code u256},
 * {@code i128} and {@code Compact} as {@link BigInteger}, {@code Option<T>} as {@link Optional},
 * {@code Vec<T>}, fixed arrays and tuples as {@link List}, enums as {@link ScaleEnum}, {@code
 * Result} as {@link ScaleResult}, {@code Vec<u8>} and {@code [u8; N]} as {@code byte[]}.
 *
 * <pre>{@code
 * ScaleCodec<List<Integer>> uids = ScaleCodecs.vec(ScaleCodecs.U16);
 * byte[] bytes = uids.encodeToBytes(List.of(1, 2, 3));   // 0x0c010002000300
 * List<Integer> back = uids.decodeAll(bytes);
 * }</pre>
 */
public final class ScaleCodecs {

  private ScaleCodecs() {}

  public static final ScaleCodec<Integer> U8 = of("u8", 1, ScaleWriter::writeU8, ScaleReader::readU8);
  public static final ScaleCodec<Integer> U16 = of("u16", 2, ScaleWriter::writeU16, ScaleReader::readU16);
  public static final ScaleCodec<Long> U32 = of("u32", 4, ScaleWriter::writeU32, ScaleReader::readU32);
  public static final ScaleCodec<BigInteger> U64 = of("u64", 8, ScaleWriter::writeU64, ScaleReader::readU64Big);
  public static final ScaleCodec<BigInteger> U128 = of("u128", 16, ScaleWriter::writeU128, ScaleReader::readU128);
  public static final ScaleCodec<BigInteger> U256 = of("u256", 32, ScaleWriter::writeU256, ScaleReader::readU256);
  public static final ScaleCodec<Integer> I8 = of("i8", 1, ScaleWriter::writeI8, r -> (int) r.readI8());
  public static final ScaleCodec<Integer> I16 = of("i16", 2, ScaleWriter::writeI16, r -> (int) r.readI16());
  public static final ScaleCodec<Integer> I32 = of("i32", 4, ScaleWriter::writeI32, ScaleReader::readI32);
  public static final ScaleCodec<Long> I64 = of("i64", 8, ScaleWriter::writeI64, ScaleReader::readI64);
  public static final ScaleCodec<BigInteger> I128 = of("i128", 16, ScaleWriter::writeI128, ScaleReader::readI128);
  public static final ScaleCodec<Boolean> BOOL = of("bool", 1, ScaleWriter::writeBool, ScaleReader::readBool);
  public static final ScaleCodec<BigInteger> COMPACT =
      of("Compact<u128>", 1, ScaleWriter::writeCompact, ScaleReader::readCompact);
  public static final ScaleCodec<String> STRING = of("String", 1, ScaleWriter::writeString, ScaleReader::readString);
  public static final ScaleCodec<byte[]> BYTES = of("Vec<u8>", 1, ScaleWriter::writeByteVec, ScaleReader::readByteVec);
  /**
   * parity-scale-codec's {@code OptionBool} shim, one byte: 0 none, 1 true, 2 false. A plain
   * Rust {@code Option<bool>} is {@code option(BOOL)}, two bytes when present.
   */
  public static final ScaleCodec<Optional<Boolean>> OPTION_BOOL =
      of("OptionBool", 1, ScaleWriter::writeOptionBool, ScaleReader::readOptionBool);
  /** The unit type {@code ()}: no bytes; its value is {@code null}. */
  public static final ScaleCodec<Void> UNIT = of("()", 0, (w, v) -> { }, r -> null);

  /** A codec from an encoder and a decoder. */
  public static <T> ScaleCodec<T> of(String typeName, int minEncodedSize,
      ScaleWriter.Encoder<T> encoder, ScaleReader.Decoder<T> decoder) {
    return new ScaleCodec<>() {
      @Override
      public void encode(ScaleWriter writer, T value) {
        encoder.encode(writer, value);
      }

      @Override
      public T decode(ScaleReader reader) {
        return decoder.decode(reader);
      }

      @Override
      public int minEncodedSize() {
        return minEncodedSize;
      }

      @Override
      public String typeName() {
        return typeName;
      }

      @Override
      public String toString() {
        return typeName;
      }
    };
  }

  /** {@code [u8; n]}. */
  public static ScaleCodec<byte[]> fixedBytes(int n) {
    return of("[u8; " + n + "]", n, (w, v) -> w.writeFixedBytes(v, n), r -> r.readFixedBytes(n));
  }

  /** {@code Option<T>} (also for {@code bool}: see {@link #OPTION_BOOL} for the one-byte shim). */
  public static <T> ScaleCodec<Optional<T>> option(ScaleCodec<T> inner) {
    return of("Option<" + inner.typeName() + ">", 1,
        (w, v) -> w.writeOption(v, inner), r -> r.readOption(inner));
  }

  /** {@code Result<T, E>}. */
  public static <T, E> ScaleCodec<ScaleResult<T, E>> result(ScaleCodec<T> ok, ScaleCodec<E> err) {
    return of("Result<" + ok.typeName() + ", " + err.typeName() + ">",
        1 + Math.min(ok.minEncodedSize(), err.minEncodedSize()),
        (w, v) -> w.writeResult(v, ok, err), r -> r.readResult(ok, err));
  }

  /** {@code Vec<T>}. */
  public static <T> ScaleCodec<List<T>> vec(ScaleCodec<T> element) {
    return of("Vec<" + element.typeName() + ">", 1,
        (w, v) -> w.writeVec(v, element), r -> r.readVec(element, element.minEncodedSize()));
  }

  /** {@code [T; n]}. */
  public static <T> ScaleCodec<List<T>> array(ScaleCodec<T> element, int n) {
    return of("[" + element.typeName() + "; " + n + "]", saturatedProduct(n, element.minEncodedSize()),
        (w, v) -> w.writeArray(v, n, element), r -> {
          int at = r.position();
          if ((long) n * element.minEncodedSize() > r.remaining()) {
            throw new ScaleDecodeException(at, "[" + element.typeName() + "; " + n + "] needs at least "
                + (long) n * element.minEncodedSize() + " bytes, but only " + r.remaining() + " remain");
          }
          return r.readArray(n, element);
        });
  }

  /** A tuple or struct: the parts' encodings one after the other. */
  @SuppressWarnings("unchecked")
  public static ScaleCodec<List<Object>> tuple(ScaleCodec<?>... parts) {
    List<ScaleCodec<Object>> codecs = new ArrayList<>();
    for (ScaleCodec<?> p : parts) {
      codecs.add((ScaleCodec<Object>) p);
    }
    int min = codecs.stream().mapToInt(ScaleCodec::minEncodedSize).reduce(0, ScaleCodecs::saturatedSum);
    String name = codecs.stream().map(ScaleCodec::typeName).collect(Collectors.joining(", ", "(", ")"));
    return of(name, min, (w, v) -> {
      if (v.size() != codecs.size()) {
        throw new IllegalArgumentException(name + " needs " + codecs.size() + " values, got " + v.size());
      }
      for (int i = 0; i < codecs.size(); i++) {
        codecs.get(i).encode(w, v.get(i));
      }
    }, r -> {
      List<Object> out = new ArrayList<>(codecs.size());
      for (ScaleCodec<Object> c : codecs) {
        out.add(c.decode(r));
      }
      return out;
    });
  }

  /**
   * An enum whose variant {@code i} carries a value of {@code variants[i]} ({@link #UNIT} for a
   * variant without fields, {@link #tuple} for several).
   */
  @SuppressWarnings("unchecked")
  public static ScaleCodec<ScaleEnum> enumeration(ScaleCodec<?>... variants) {
    if (variants.length == 0 || variants.length > 256) {
      throw new IllegalArgumentException("an enum has 1 to 256 variants, got " + variants.length);
    }
    List<ScaleCodec<Object>> codecs = Arrays.stream(variants).map(c -> (ScaleCodec<Object>) c).toList();
    String name = codecs.stream().map(ScaleCodec::typeName).collect(Collectors.joining(" | ", "enum {", "}"));
    return of(name, 1, (w, v) -> {
      if (v.index() < 0 || v.index() >= codecs.size()) {
        throw new IllegalArgumentException(name + " has no variant " + v.index());
      }
      w.writeEnumIndex(v.index());
      codecs.get(v.index()).encode(w, v.value());
    }, r -> {
      int idx = r.readEnumIndex(codecs.size());
      return new ScaleEnum(idx, codecs.get(idx).decode(r));
    });
  }

  /** A codec for {@code B} built from one for {@code A} (for example a record from a tuple). */
  public static <A, B> ScaleCodec<B> map(ScaleCodec<A> codec, String typeName,
      Function<A, B> afterDecode, Function<B, A> beforeEncode) {
    return of(typeName, codec.minEncodedSize(),
        (w, v) -> codec.encode(w, beforeEncode.apply(v)), r -> afterDecode.apply(codec.decode(r)));
  }

  private static int saturatedProduct(int a, int b) {
    long p = (long) a * b;
    return p > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) p;
  }

  private static int saturatedSum(int a, int b) {
    long s = (long) a + b;
    return s > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) s;
  }

}
