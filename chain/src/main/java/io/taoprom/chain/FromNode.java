package io.taoprom.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.codec.Hex;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;

/**
 * Values a node sent, turned into Java values or into a {@link ChainException} that names the
 * node and quotes the value only escaped and cut short: a hostile node decides what a JSON value
 * holds (terminal escape sequences, megabytes), never what reaches a terminal or a log.
 *
 * <pre>{@code
 * byte[] metadata = FromNode.hex(rpc.endpoint(), "state_getMetadata", rpc.request("state_getMetadata"));
 * long number = FromNode.blockNumber(header.path("number"));
 * String quoted = FromNode.json(answer); // {"unexpected":"\x1b[2J…"}…
 * }</pre>
 */
public final class FromNode {

  /** How much of a value a message quotes. */
  public static final int QUOTED_CHARS = 120;

  private static final ObjectMapper JSON = new ObjectMapper();

  private FromNode() {}

  /**
   * The start of {@code value} as JSON text, escaped and cut short. Only the start is ever
   * written out: a value may be megabytes.
   */
  public static String json(JsonNode value) {
    if (value == null) {
      return "nothing";
    }
    StringBuilder text = new StringBuilder();
    boolean cut = false;
    try {
      JSON.writeValue(new Writer() {
        @Override
        public void write(char[] buf, int off, int len) throws IOException {
          int room = QUOTED_CHARS + 1 - text.length();
          text.append(buf, off, Math.min(room, len));
          if (len > room) {
            throw new IOException("enough");
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      }, value);
    } catch (IOException enough) {
      cut = true;
    }
    if (cut && text.length() > QUOTED_CHARS) {
      text.setLength(QUOTED_CHARS);
    }
    return Excerpt.of(text, QUOTED_CHARS) + (cut ? "…" : "");
  }

  /** The bytes of a hex string {@code method} answered with. */
  public static byte[] hex(URI endpoint, String method, JsonNode value) {
    if (value == null || !value.isTextual()) {
      throw new ChainException(method + " on " + endpoint + " answered " + json(value) + ", not a hex string");
    }
    try {
      return Hex.decode(value.asText());
    } catch (IllegalArgumentException notHex) {
      throw new ChainException(method + " on " + endpoint + " answered a string that is not hex ("
          + notHex.getMessage() + "): " + json(value), notHex);
    }
  }

  /** A block number as headers carry it: a hex string ({@code "0x1a"}) or, from some nodes, a number. */
  public static long blockNumber(JsonNode n) {
    try {
      if (n.isIntegralNumber() && n.canConvertToLong()) {
        return n.asLong();
      }
      String s = n.isTextual() ? n.asText() : "";
      long v = s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
      if (v >= 0) {
        return v;
      }
    } catch (NumberFormatException notANumber) {
      // said below
    }
    throw new ChainException("a block number that is not one: " + json(n));
  }
}
