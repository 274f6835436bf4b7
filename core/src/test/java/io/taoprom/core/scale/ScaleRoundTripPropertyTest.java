package io.taoprom.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * decode(encode(x)) == x for random values of random SCALE types (seeded, so a failure
 * reproduces), and hostile inputs fail only with {@link ScaleDecodeException}.
 */
class ScaleRoundTripPropertyTest {

  private static final long SEED = 0x7a0_b10cL;
  private static final int TYPES = 250;
  private static final int VALUES_PER_TYPE = 10;

  /** A codec and a generator of its values. */
  private record Gen(ScaleCodec<Object> codec, Function<Random, Object> values) {}

  @Test
  void everyRandomValueSurvivesARoundTrip() {
    Random rnd = new Random(SEED);
    int checked = 0;
    for (int t = 0; t < TYPES; t++) {
      Gen g = randomType(rnd, 3);
      for (int v = 0; v < VALUES_PER_TYPE; v++) {
        Object value = g.values().apply(rnd);
        byte[] encoded = g.codec().encodeToBytes(value);
        Object decoded = g.codec().decodeAll(encoded);
        assertThat(normalize(decoded)).as("%s value %s", g.codec().typeName(), normalize(value)).isEqualTo(normalize(value));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(TYPES * VALUES_PER_TYPE);
  }

  @Test
  void everyTruncationFailsWithAnOffsetAndNeverWithAnotherException() {
    Random rnd = new Random(SEED + 1);
    for (int t = 0; t < TYPES; t++) {
      Gen g = randomType(rnd, 3);
      byte[] encoded = g.codec().encodeToBytes(g.values().apply(rnd));
      for (int cut = 0; cut < encoded.length; cut++) {
        byte[] truncated = Arrays.copyOf(encoded, cut);
        int len = cut;
        assertThatThrownBy(() -> g.codec().decodeAll(truncated))
            .as("%s truncated to %d of %d bytes", g.codec().typeName(), len, encoded.length)
            .isInstanceOf(ScaleDecodeException.class)
            .satisfies(e -> assertThat(((ScaleDecodeException) e).offset()).isBetween(0, len));
      }
    }
  }

  @Test
  void randomGarbageDecodesOrFailsCleanly() {
    Random rnd = new Random(SEED + 2);
    int failures = 0;
    for (int t = 0; t < TYPES; t++) {
      Gen g = randomType(rnd, 3);
      for (int i = 0; i < 20; i++) {
        byte[] garbage = new byte[rnd.nextInt(40)];
        rnd.nextBytes(garbage);
        try {
          Object v = g.codec().decodeAll(garbage);
          // Whatever decodes must encode back to the same bytes: SCALE decoding is canonical here.
          assertThat(HexFormat.of().formatHex(g.codec().encodeToBytes(v))).isEqualTo(HexFormat.of().formatHex(garbage));
        } catch (ScaleDecodeException expected) {
          failures++;
        }
      }
    }
    assertThat(failures).isPositive();
  }

  // ------------------------------------------------------------------ generators

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Gen gen(ScaleCodec<?> codec, Function<Random, Object> values) {
    return new Gen((ScaleCodec) codec, values);
  }

  private static Gen randomType(Random rnd, int depth) {
    int choice = rnd.nextInt(depth > 0 ? 24 : 16);
    switch (choice) {
      case 0: return gen(ScaleCodecs.U8, r -> r.nextInt(256));
      case 1: return gen(ScaleCodecs.U16, r -> r.nextInt(65536));
      case 2: return gen(ScaleCodecs.U32, r -> r.nextLong() >>> 32);
      case 3: return gen(ScaleCodecs.U64, r -> new BigInteger(64, r));
      case 4: return gen(ScaleCodecs.U128, r -> new BigInteger(r.nextInt(129), r));
      case 5: return gen(ScaleCodecs.U256, r -> new BigInteger(r.nextInt(257), r));
      case 6: return gen(ScaleCodecs.I8, r -> r.nextInt(256) - 128);
      case 7: return gen(ScaleCodecs.I16, r -> r.nextInt(65536) - 32768);
      case 8: return gen(ScaleCodecs.I32, Random::nextInt);
      case 9: return gen(ScaleCodecs.I64, Random::nextLong);
      case 10: return gen(ScaleCodecs.I128, r -> new BigInteger(r.nextInt(128), r).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1)));
      case 11: return gen(ScaleCodecs.BOOL, Random::nextBoolean);
      case 12: return gen(ScaleCodecs.COMPACT, ScaleRoundTripPropertyTest::randomCompact);
      case 13: return gen(ScaleCodecs.STRING, ScaleRoundTripPropertyTest::randomString);
      case 14: return gen(ScaleCodecs.BYTES, r -> randomBytes(r, r.nextInt(80)));
      case 15: return gen(ScaleCodecs.OPTION_BOOL, r -> r.nextInt(3) == 0 ? Optional.empty() : Optional.of(r.nextBoolean()));
      case 16: {
        Gen inner = randomType(rnd, depth - 1);
        return gen(ScaleCodecs.option(inner.codec()), r -> r.nextInt(3) == 0 ? Optional.empty() : Optional.of(inner.values().apply(r)));
      }
      case 17: {
        Gen ok = randomType(rnd, depth - 1);
        Gen err = randomType(rnd, depth - 1);
        return gen(ScaleCodecs.result(ok.codec(), err.codec()),
            r -> r.nextBoolean() ? ScaleResult.ok(ok.values().apply(r)) : ScaleResult.err(err.values().apply(r)));
      }
      case 18:
      case 19: {
        Gen element = randomType(rnd, depth - 1);
        return gen(ScaleCodecs.vec(element.codec()), r -> {
          int n = r.nextInt(r.nextInt(10) == 0 ? 70 : 5);
          List<Object> l = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            l.add(element.values().apply(r));
          }
          return l;
        });
      }
      case 20: {
        Gen element = randomType(rnd, depth - 1);
        int n = rnd.nextInt(5);
        return gen(ScaleCodecs.array(element.codec(), n), r -> {
          List<Object> l = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            l.add(element.values().apply(r));
          }
          return l;
        });
      }
      case 21: {
        int n = 1 + rnd.nextInt(4);
        List<Gen> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          parts.add(randomType(rnd, depth - 1));
        }
        return gen(ScaleCodecs.tuple(parts.stream().map(Gen::codec).toArray(ScaleCodec[]::new)), r -> {
          List<Object> l = new ArrayList<>();
          parts.forEach(p -> l.add(p.values().apply(r)));
          return l;
        });
      }
      case 22: {
        int n = 1 + rnd.nextInt(5);
        List<Gen> variants = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          variants.add(rnd.nextInt(3) == 0 ? gen(ScaleCodecs.UNIT, r -> null) : randomType(rnd, depth - 1));
        }
        return gen(ScaleCodecs.enumeration(variants.stream().map(Gen::codec).toArray(ScaleCodec[]::new)), r -> {
          int idx = r.nextInt(variants.size());
          return new ScaleEnum(idx, variants.get(idx).values().apply(r));
        });
      }
      default: {
        int n = rnd.nextInt(70);
        return gen(ScaleCodecs.fixedBytes(n), r -> randomBytes(r, n));
      }
    }
  }

  private static Object randomCompact(Random r) {
    int bits = switch (r.nextInt(6)) {
      case 0 -> 6;
      case 1 -> 14;
      case 2 -> 30;
      case 3 -> 64;
      case 4 -> 128;
      default -> 536;
    };
    return new BigInteger(r.nextInt(bits + 1), r);
  }

  private static Object randomString(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(r.nextInt(8) == 0 ? 100 : 10);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(4);
      sb.appendCodePoint(kind == 0 ? 0x1F600 + r.nextInt(50) : kind == 1 ? 0xe0 + r.nextInt(30) : 'a' + r.nextInt(26));
    }
    return sb.toString();
  }

  private static byte[] randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  /** Values with byte arrays replaced by hex strings, so equals() compares contents. */
  private static Object normalize(Object o) {
    if (o instanceof byte[] b) {
      return HexFormat.of().formatHex(b);
    }
    if (o instanceof List<?> l) {
      return l.stream().map(ScaleRoundTripPropertyTest::normalize).toList();
    }
    if (o instanceof Optional<?> opt) {
      return opt.map(ScaleRoundTripPropertyTest::normalize);
    }
    if (o instanceof ScaleResult<?, ?> r) {
      return r.isOk() ? List.of("ok", normalize(r.ok())) : List.of("err", normalize(r.error()));
    }
    if (o instanceof ScaleEnum e) {
      return Arrays.asList("enum", e.index(), normalize(e.value()));
    }
    return o;
  }
}
