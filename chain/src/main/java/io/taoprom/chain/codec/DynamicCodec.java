package io.taoprom.chain.codec;

import io.taoprom.chain.metadata.Field;
import io.taoprom.chain.metadata.PortableRegistry;
import io.taoprom.chain.metadata.PrimitiveKind;
import io.taoprom.chain.metadata.TypeDef;
import io.taoprom.chain.metadata.Variant;
import io.taoprom.core.scale.ScaleDecodeException;
import io.taoprom.core.scale.ScaleReader;
import io.taoprom.core.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes any type of a runtime's registry, by type id, to and from plain Java
 * values:
 *
 * <table>
 * <caption>Type shapes and their Java values</caption>
 * <tr><th>type</th><th>value</th></tr>
 * <tr><td>struct with named fields</td><td>{@link Map} field → value, in field order</td></tr>
 * <tr><td>struct with one unnamed field ({@code AccountId32}, {@code Perbill})</td><td>that field's value</td></tr>
 * <tr><td>struct with several unnamed fields, tuple</td><td>{@link List}</td></tr>
 * <tr><td>enum (incl. {@code Option}, {@code Result})</td><td>{@link EnumValue}; for encoding an
 *     {@code Option}, {@code null} means {@code None} and any other non-enum value {@code Some}</td></tr>
 * <tr><td>{@code Vec<u8>}, {@code [u8; N]}</td><td>{@code byte[]}</td></tr>
 * <tr><td>other sequences and arrays</td><td>{@link List}</td></tr>
 * <tr><td>{@code bool}, {@code str}, {@code char}</td><td>{@link Boolean}, {@link String}, {@link String}</td></tr>
 * <tr><td>{@code u8 u16 i8 i16 i32}</td><td>{@link Integer}</td></tr>
 * <tr><td>{@code u32 i64}</td><td>{@link Long}</td></tr>
 * <tr><td>{@code u64 u128 u256 i128 i256}</td><td>{@link BigInteger}</td></tr>
 * <tr><td>{@code Compact<T>}</td><td>as {@code T}</td></tr>
 * <tr><td>bit sequence</td><td>{@code boolean[]}</td></tr>
 * </table>
 *
 * Encoding accepts any integral {@link Number} for integers and checks its range.
 *
 * <pre>{@code
 * DynamicCodec codec = new DynamicCodec(md.registry());
 * Map<String, Object> info = Values.map(codec.decode(prometheusEntry.valueType(), bytes));
 * byte[] key = codec.encode(accountIdType, hotkeyPublicKey);
 * }</pre>
 *
 * Thread-safe. Recursion is bounded ({@value #MAX_DEPTH} levels), so a self-referential type in
 * hostile metadata fails instead of overflowing the stack.
 */
public final class DynamicCodec {

  static final int MAX_DEPTH = 96;

  private final PortableRegistry registry;
  private final TypeInfo info;

  public DynamicCodec(PortableRegistry registry) {
    this.registry = registry;
    this.info = new TypeInfo(registry);
  }

  public PortableRegistry registry() {
    return registry;
  }

  /** Decodes exactly {@code bytes} as a value of type {@code typeId}. */
  public Object decode(int typeId, byte[] bytes) {
    ScaleReader in = new ScaleReader(bytes);
    Object v = decode(typeId, in);
    if (in.hasRemaining()) {
      throw new CodecException("cannot decode " + registry.describe(typeId) + ": " + in.remaining()
          + " bytes remain after the value (" + bytes.length + " bytes in all)");
    }
    return v;
  }

  /** Decodes one value of type {@code typeId} from {@code in}, leaving the rest. */
  public Object decode(int typeId, ScaleReader in) {
    try {
      return read(typeId, in, 0);
    } catch (PathError e) {
      throw new CodecException("cannot decode " + registry.describe(typeId) + e.at() + ": " + e.reason, e.cause);
    }
  }

  /** Encodes {@code value} as type {@code typeId}. */
  public byte[] encode(int typeId, Object value) {
    ScaleWriter out = new ScaleWriter();
    encode(typeId, value, out);
    return out.toByteArray();
  }

  /** Encodes {@code value} as type {@code typeId} onto {@code out}. */
  public void encode(int typeId, Object value, ScaleWriter out) {
    try {
      write(typeId, value, out, 0);
    } catch (PathError e) {
      throw new CodecException("cannot encode " + registry.describe(typeId) + e.at() + ": " + e.reason, e.cause);
    }
  }

  // ---------------------------------------------------------------- decoding

  private Object read(int id, ScaleReader in, int depth) {
    if (depth > MAX_DEPTH) {
      throw new PathError("nesting deeper than " + MAX_DEPTH + " levels (a recursive type?)", null);
    }
    TypeDef def = info.def(id);
    try {
      if (def instanceof TypeDef.Primitive p) {
        return Primitives.read(p.kind(), in);
      }
      if (def instanceof TypeDef.Composite c) {
        return readFields(c.fields(), in, depth);
      }
      if (def instanceof TypeDef.VariantType) {
        int at = in.position();
        int index = in.readU8();
        Variant v = info.variant(id, index);
        if (v == null) {
          throw new ScaleDecodeException(at, "a variant of " + registry.describe(id) + ", found index " + index);
        }
        try {
          return new EnumValue(v.name(), v.index(), readFields(v.fields(), in, depth));
        } catch (PathError e) {
          throw e.under(v.name());
        }
      }
      if (def instanceof TypeDef.Sequence s) {
        if (info.isU8(s.elementType())) {
          return in.readByteVec();
        }
        int n = in.readLength(Math.max(1, info.minSize(s.elementType())));
        return readList(s.elementType(), n, in, depth);
      }
      if (def instanceof TypeDef.ArrayDef a) {
        if (info.isU8(a.elementType())) {
          return in.readBytes(a.length());
        }
        long min = (long) a.length() * info.minSize(a.elementType());
        if (min > in.remaining()) {
          throw new ScaleDecodeException(in.position(), "an array of " + a.length() + " elements, but only "
              + in.remaining() + " bytes remain");
        }
        return readList(a.elementType(), a.length(), in, depth);
      }
      if (def instanceof TypeDef.Tuple t) {
        List<Object> out = new ArrayList<>(t.types().size());
        for (int i = 0; i < t.types().size(); i++) {
          try {
            out.add(read(t.types().get(i), in, depth + 1));
          } catch (PathError e) {
            throw e.under(String.valueOf(i));
          }
        }
        return out;
      }
      if (def instanceof TypeDef.Compact c) {
        return Primitives.fromCompact(info.compactKind(c.type()), in);
      }
      if (def instanceof TypeDef.BitSequence b) {
        return BitSequences.read(in, info.bitStoreBits(b), info.isMsb0(b));
      }
      throw new PathError("unsupported type definition " + def, null);
    } catch (ScaleDecodeException e) {
      throw new PathError(e.getMessage(), e);
    }
  }

  private Object readFields(List<Field> fields, ScaleReader in, int depth) {
    int n = fields.size();
    if (n == 0) {
      return null;
    }
    if (fields.get(0).name() == null) {
      if (n == 1) {
        return read(fields.get(0).type(), in, depth + 1);
      }
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        try {
          out.add(read(fields.get(i).type(), in, depth + 1));
        } catch (PathError e) {
          throw e.under(String.valueOf(i));
        }
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>(n * 2);
    for (Field f : fields) {
      try {
        out.put(f.name(), read(f.type(), in, depth + 1));
      } catch (PathError e) {
        throw e.under(f.name());
      }
    }
    return out;
  }

  private List<Object> readList(int elementType, int n, ScaleReader in, int depth) {
    List<Object> out = new ArrayList<>(Math.min(n, 4096));
    for (int i = 0; i < n; i++) {
      try {
        out.add(read(elementType, in, depth + 1));
      } catch (PathError e) {
        throw e.under("[" + i + "]");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- encoding

  private void write(int id, Object value, ScaleWriter out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new PathError("nesting deeper than " + MAX_DEPTH + " levels (a recursive value?)", null);
    }
    TypeDef def = info.def(id);
    try {
      if (def instanceof TypeDef.Primitive p) {
        Primitives.write(p.kind(), value, out);
      } else if (def instanceof TypeDef.Composite c) {
        writeFields(c.fields(), value, out, depth);
      } else if (def instanceof TypeDef.VariantType vt) {
        writeVariant(id, vt, value, out, depth);
      } else if (def instanceof TypeDef.Sequence s) {
        if (info.isU8(s.elementType()) && value instanceof byte[] b) {
          out.writeByteVec(b);
        } else {
          List<?> list = asList(value, "a sequence");
          out.writeCompact(list.size());
          writeList(s.elementType(), list, out, depth);
        }
      } else if (def instanceof TypeDef.ArrayDef a) {
        if (info.isU8(a.elementType()) && value instanceof byte[] b) {
          if (b.length != a.length()) {
            throw new PathError("expected " + a.length() + " bytes, found " + b.length, null);
          }
          out.writeBytes(b);
        } else {
          List<?> list = asList(value, "an array of " + a.length());
          if (list.size() != a.length()) {
            throw new PathError("expected " + a.length() + " elements, found " + list.size(), null);
          }
          writeList(a.elementType(), list, out, depth);
        }
      } else if (def instanceof TypeDef.Tuple t) {
        List<?> list = t.types().isEmpty() && value == null ? List.of() : asList(value, "a tuple");
        if (list.size() != t.types().size()) {
          throw new PathError("expected a tuple of " + t.types().size() + ", found " + list.size() + " values", null);
        }
        for (int i = 0; i < list.size(); i++) {
          try {
            write(t.types().get(i), list.get(i), out, depth + 1);
          } catch (PathError e) {
            throw e.under(String.valueOf(i));
          }
        }
      } else if (def instanceof TypeDef.Compact c) {
        Primitives.writeCompact(info.compactKind(c.type()), value, out);
      } else if (def instanceof TypeDef.BitSequence b) {
        if (!(value instanceof boolean[] bits)) {
          throw new PathError("expected boolean[] for a bit sequence, found " + Values.describe(value), null);
        }
        BitSequences.write(bits, out, info.bitStoreBits(b), info.isMsb0(b));
      } else {
        throw new PathError("unsupported type definition " + def, null);
      }
    } catch (CodecException | IllegalArgumentException e) {
      throw new PathError(e.getMessage(), e);
    }
  }

  private void writeVariant(int id, TypeDef.VariantType vt, Object value, ScaleWriter out, int depth) {
    Variant v;
    Object content;
    if (value instanceof EnumValue e) {
      v = e.index() >= 0 && e.name().isEmpty() ? vt.byIndex(e.index()) : vt.byName(e.name());
      content = e.value();
      if (v == null) {
        throw new PathError("no variant '" + e.name() + "' in " + registry.describe(id) + "; variants: "
            + vt.variants().stream().map(Variant::name).toList(), null);
      }
    } else if (value instanceof String name && vt.byName(name) != null && vt.byName(name).fields().isEmpty()) {
      v = vt.byName(name);
      content = null;
    } else if (info.isOption(id)) {
      v = vt.byName(value == null ? "None" : "Some");
      content = value;
    } else {
      throw new PathError("expected an EnumValue for " + registry.describe(id) + ", found "
          + Values.describe(value), null);
    }
    out.writeU8(v.index());
    try {
      writeFields(v.fields(), content, out, depth);
    } catch (PathError e) {
      throw e.under(v.name());
    }
  }

  private void writeFields(List<Field> fields, Object value, ScaleWriter out, int depth) {
    int n = fields.size();
    if (n == 0) {
      if (value != null && !(value instanceof List<?> l && l.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty())) {
        throw new PathError("expected no content, found " + Values.describe(value), null);
      }
      return;
    }
    if (fields.get(0).name() == null && n == 1) {
      write(fields.get(0).type(), value, out, depth + 1);
      return;
    }
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (fields.stream().noneMatch(f -> key.equals(f.name()))) {
          throw new PathError("unknown field '" + key + "'; the fields are "
              + fields.stream().map(Field::name).toList(), null);
        }
      }
      for (Field f : fields) {
        if (!map.containsKey(f.name())) {
          throw new PathError("missing field '" + f.name() + "'", null);
        }
        try {
          write(f.type(), map.get(f.name()), out, depth + 1);
        } catch (PathError e) {
          throw e.under(f.name());
        }
      }
      return;
    }
    List<?> list = asList(value, "fields " + fields.stream().map(Field::name).toList());
    if (list.size() != n) {
      throw new PathError("expected " + n + " fields, found " + list.size() + " values", null);
    }
    for (int i = 0; i < n; i++) {
      Field f = fields.get(i);
      try {
        write(f.type(), list.get(i), out, depth + 1);
      } catch (PathError e) {
        throw e.under(f.name() == null ? String.valueOf(i) : f.name());
      }
    }
  }

  private void writeList(int elementType, List<?> list, ScaleWriter out, int depth) {
    for (int i = 0; i < list.size(); i++) {
      try {
        write(elementType, list.get(i), out, depth + 1);
      } catch (PathError e) {
        throw e.under("[" + i + "]");
      }
    }
  }

  private static List<?> asList(Object value, String expected) {
    if (value instanceof List<?> l) {
      return l;
    }
    if (value instanceof Object[] a) {
      return List.of(a);
    }
    throw new PathError("expected " + expected + " (a List), found " + Values.describe(value), null);
  }

  /** Carries the path to a failing part up the recursion without building messages on the way. */
  static final class PathError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reason;
    final transient Throwable cause;
    private final ArrayList<String> path = new ArrayList<>();

    PathError(String reason, Throwable cause) {
      super(reason, null, false, false);
      this.reason = reason;
      this.cause = cause;
    }

    PathError under(String segment) {
      path.add(segment);
      return this;
    }

    String at() {
      if (path.isEmpty()) {
        return "";
      }
      StringBuilder sb = new StringBuilder(" at ");
      for (int i = path.size() - 1; i >= 0; i--) {
        sb.append(path.get(i));
        if (i > 0) {
          sb.append(" > ");
        }
      }
      return sb.toString();
    }
  }

  /** Exposed for the storage and tx packages: does this type encode to nothing? */
  public boolean isZeroSized(int typeId) {
    return registry.isZeroSized(typeId);
  }
}
