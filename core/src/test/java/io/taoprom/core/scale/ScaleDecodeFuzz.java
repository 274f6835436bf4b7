package io.taoprom.core.scale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.taoprom.untrusted.testing.AllocationBudget;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes, decoded as a SCALE type that the fuzzer also chooses (vectors, options, results,
 * tuples, enums, arrays and compact lengths nested up to four deep): the decoder either returns a
 * value or throws {@link ScaleDecodeException}. Nothing else escapes, and it allocates at most
 * {@link AllocationBudget a budget} proportional to the input: a length prefix that allocates
 * beyond the input is a finding.
 */
class ScaleDecodeFuzz {

  // A decoded value costs objects per element (a list, a boxed integer): generous, but a length
  // prefix that allocates by what it claims rather than by what the input holds is far beyond it.
  private static final AllocationBudget BUDGET = AllocationBudget.perInputByte(256);

  @FuzzTest(maxDuration = "15s")
  void decodesOrThrowsItsOwnException(FuzzedDataProvider data) throws Exception {
    ScaleCodec<?> codec = codec(data, 4);
    byte[] input = data.consumeRemainingAsBytes();
    BUDGET.check(input.length, () -> {
      try {
        codec.decodeAll(input);
      } catch (ScaleDecodeException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          throw new AssertionError("a decode error without a message for " + codec.typeName(), e);
        }
      }
    });
  }

  private static ScaleCodec<?> codec(FuzzedDataProvider data, int depth) {
    int pick = data.consumeInt(0, depth == 0 ? 13 : 21);
    switch (pick) {
      case 0: return ScaleCodecs.U8;
      case 1: return ScaleCodecs.U16;
      case 2: return ScaleCodecs.U32;
      case 3: return ScaleCodecs.U64;
      case 4: return ScaleCodecs.U128;
      case 5: return ScaleCodecs.U256;
      case 6: return ScaleCodecs.I64;
      case 7: return ScaleCodecs.I128;
      case 8: return ScaleCodecs.BOOL;
      case 9: return ScaleCodecs.COMPACT;
      case 10: return ScaleCodecs.STRING;
      case 11: return ScaleCodecs.BYTES;
      case 12: return ScaleCodecs.fixedBytes(data.consumeInt(0, 64));
      case 13: return ScaleCodecs.UNIT;
      case 14: return ScaleCodecs.vec(codec(data, depth - 1));
      case 15: return ScaleCodecs.option(codec(data, depth - 1));
      case 16: return ScaleCodecs.result(codec(data, depth - 1), codec(data, depth - 1));
      case 17: {
        // An array of zero-sized elements ([(); 32], nested) is a large value from no input at
        // all, by its type's choice, not the input's: only arrays of elements that take bytes.
        ScaleCodec<?> element = codec(data, depth - 1);
        return element.minEncodedSize() > 0 ? ScaleCodecs.array(element, data.consumeInt(0, 32)) : ScaleCodecs.vec(element);
      }
      case 18: return ScaleCodecs.tuple(parts(data, depth));
      case 19: return ScaleCodecs.enumeration(parts(data, depth));
      case 20: return ScaleCodecs.vec(ScaleCodecs.vec(codec(data, depth - 1)));
      default: return ScaleCodecs.OPTION_BOOL;
    }
  }

  private static ScaleCodec<?>[] parts(FuzzedDataProvider data, int depth) {
    int n = data.consumeInt(1, 4);
    List<ScaleCodec<?>> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(codec(data, depth - 1));
    }
    return parts.toArray(new ScaleCodec<?>[0]);
  }
}
