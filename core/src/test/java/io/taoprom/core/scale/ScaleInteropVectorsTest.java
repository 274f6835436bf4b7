package io.taoprom.core.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.core.interop.Vectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every SCALE encoding polkadot-js produced for vectors.json, both directions. */
class ScaleInteropVectorsTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** A parsed polkadot-js type name. */
  private record Type(String kind, List<Type> args, int length) {}

  @Test
  void encodesAndDecodesEveryPolkadotJsVector() {
    int checked = 0;
    for (JsonNode v : Vectors.section("scale")) {
      String typeName = v.get("type").asText();
      Type type = parse(typeName);
      ScaleCodec<Object> codec = codec(type);
      byte[] expected = Vectors.hex(v.get("hex"));

      byte[] encoded = codec.encodeToBytes(fromJson(type, v.get("value")));
      assertThat(Vectors.toHex(encoded)).as("encode %s %s", typeName, v.get("value")).isEqualTo(Vectors.toHex(expected));

      Object decoded = codec.decodeAll(expected);
      assertThat(toJson(type, decoded)).as("decode %s %s", typeName, v.get("hex")).isEqualTo(v.get("value"));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  // ------------------------------------------------------------------ type names

  private static Type parse(String s) {
    s = s.strip();
    if (s.startsWith("(")) {
      return new Type("tuple", splitArgs(s.substring(1, s.length() - 1)).stream().map(ScaleInteropVectorsTest::parse).toList(), 0);
    }
    if (s.startsWith("[")) {
      int semi = s.lastIndexOf(';');
      Type element = parse(s.substring(1, semi));
      int n = Integer.parseInt(s.substring(semi + 1, s.length() - 1).strip());
      return new Type("array", List.of(element), n);
    }
    int lt = s.indexOf('<');
    if (lt > 0) {
      String outer = s.substring(0, lt);
      List<Type> args = splitArgs(s.substring(lt + 1, s.length() - 1)).stream().map(ScaleInteropVectorsTest::parse).toList();
      return new Type(outer, args, 0);
    }
    return new Type(s, List.of(), 0);
  }

  private static List<String> splitArgs(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '<' || c == '(' || c == '[') {
        depth++;
      } else if (c == '>' || c == ')' || c == ']') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ScaleCodec<Object> codec(Type t) {
    ScaleCodec c = switch (t.kind()) {
      case "u8" -> ScaleCodecs.U8;
      case "u16" -> ScaleCodecs.U16;
      case "u32" -> ScaleCodecs.U32;
      case "u64" -> ScaleCodecs.U64;
      case "u128" -> ScaleCodecs.U128;
      case "u256" -> ScaleCodecs.U256;
      case "i8" -> ScaleCodecs.I8;
      case "i16" -> ScaleCodecs.I16;
      case "i32" -> ScaleCodecs.I32;
      case "i64" -> ScaleCodecs.I64;
      case "i128" -> ScaleCodecs.I128;
      case "bool" -> ScaleCodecs.BOOL;
      case "Compact" -> ScaleCodecs.COMPACT;
      case "Text" -> ScaleCodecs.STRING;
      case "Bytes" -> ScaleCodecs.BYTES;
      case "OptionBool" -> ScaleCodecs.OPTION_BOOL;
      case "Option" -> ScaleCodecs.option(codec(t.args().get(0)));
      case "Result" -> ScaleCodecs.result(codec(t.args().get(0)), codec(t.args().get(1)));
      case "Vec" -> ScaleCodecs.vec(codec(t.args().get(0)));
      case "tuple" -> ScaleCodecs.tuple(t.args().stream().map(ScaleInteropVectorsTest::codec).toArray(ScaleCodec[]::new));
      case "array" -> t.args().get(0).kind().equals("u8")
          ? ScaleCodecs.fixedBytes(t.length())
          : ScaleCodecs.array(codec(t.args().get(0)), t.length());
      case "TestEnum" -> ScaleCodecs.enumeration(ScaleCodecs.UNIT, ScaleCodecs.U32, ScaleCodecs.STRING,
          ScaleCodecs.tuple(ScaleCodecs.U8, ScaleCodecs.BOOL));
      default -> throw new IllegalArgumentException("no codec for " + t);
    };
    return c;
  }

  // ------------------------------------------------------------------ JSON <-> Java values

  private static Object fromJson(Type t, JsonNode v) {
    switch (t.kind()) {
      case "u8": case "u16": case "i8": case "i16": case "i32":
        return Integer.parseInt(v.asText());
      case "u32": case "i64":
        return Long.parseLong(v.asText());
      case "u64": case "u128": case "u256": case "i128": case "Compact":
        return new BigInteger(v.asText());
      case "bool":
        return v.asBoolean();
      case "Text":
        return v.asText();
      case "Bytes":
        return Vectors.hex(v);
      case "OptionBool":
        return v.isNull() ? Optional.empty() : Optional.of(v.asBoolean());
      case "Option":
        return v.isNull() ? Optional.empty() : Optional.of(fromJson(t.args().get(0), v));
      case "Result":
        return v.has("ok") ? ScaleResult.ok(fromJson(t.args().get(0), v.get("ok")))
            : ScaleResult.err(fromJson(t.args().get(1), v.get("err")));
      case "Vec": {
        List<Object> out = new ArrayList<>();
        v.forEach(e -> out.add(fromJson(t.args().get(0), e)));
        return out;
      }
      case "array": {
        if (t.args().get(0).kind().equals("u8")) {
          return Vectors.hex(v);
        }
        List<Object> out = new ArrayList<>();
        v.forEach(e -> out.add(fromJson(t.args().get(0), e)));
        return out;
      }
      case "tuple": {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < t.args().size(); i++) {
          out.add(fromJson(t.args().get(i), v.get(i)));
        }
        return out;
      }
      case "TestEnum": {
        int index = v.get("index").asInt();
        Type[] payload = {new Type("unit", List.of(), 0), new Type("u32", List.of(), 0), new Type("Text", List.of(), 0),
            parse("(u8, bool)")};
        Object value = index == 0 ? null : fromJson(payload[index], v.get("value"));
        return new ScaleEnum(index, value);
      }
      default:
        throw new IllegalArgumentException("no JSON mapping for " + t);
    }
  }

  private static JsonNode toJson(Type t, Object o) {
    switch (t.kind()) {
      case "u8": case "u16": case "i8": case "i16": case "i32": case "u32": case "i64":
      case "u64": case "u128": case "u256": case "i128": case "Compact":
        return F.textNode(o.toString());
      case "bool":
        return F.booleanNode((Boolean) o);
      case "Text":
        return F.textNode((String) o);
      case "Bytes":
        return F.textNode(Vectors.toHex((byte[]) o));
      case "OptionBool":
      case "Option": {
        Optional<?> opt = (Optional<?>) o;
        if (opt.isEmpty()) {
          return F.nullNode();
        }
        return t.kind().equals("OptionBool") ? F.booleanNode((Boolean) opt.get()) : toJson(t.args().get(0), opt.get());
      }
      case "Result": {
        ScaleResult<?, ?> r = (ScaleResult<?, ?>) o;
        ObjectNode n = F.objectNode();
        if (r.isOk()) {
          n.set("ok", toJson(t.args().get(0), r.ok()));
        } else {
          n.set("err", toJson(t.args().get(1), r.error()));
        }
        return n;
      }
      case "Vec":
      case "array": {
        if (t.kind().equals("array") && t.args().get(0).kind().equals("u8")) {
          return F.textNode(Vectors.toHex((byte[]) o));
        }
        ArrayNode a = F.arrayNode();
        ((List<?>) o).forEach(e -> a.add(toJson(t.args().get(0), e)));
        return a;
      }
      case "tuple": {
        ArrayNode a = F.arrayNode();
        List<?> l = (List<?>) o;
        for (int i = 0; i < l.size(); i++) {
          a.add(toJson(t.args().get(i), l.get(i)));
        }
        return a;
      }
      case "TestEnum": {
        ScaleEnum e = (ScaleEnum) o;
        Type[] payload = {null, new Type("u32", List.of(), 0), new Type("Text", List.of(), 0), parse("(u8, bool)")};
        ObjectNode n = F.objectNode();
        n.put("index", e.index());
        n.set("value", e.index() == 0 ? F.nullNode() : toJson(payload[e.index()], e.value()));
        return n;
      }
      default:
        throw new IllegalArgumentException("no JSON mapping for " + t);
    }
  }
}
