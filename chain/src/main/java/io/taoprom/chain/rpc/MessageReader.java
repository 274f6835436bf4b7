package io.taoprom.chain.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import io.taoprom.untrusted.Excerpt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads one JSON-RPC message as it arrives — WebSocket frame by frame, HTTP buffer by buffer —
 * into a Jackson tree, within {@link MessageLimits}. The raw text is never held: each piece goes
 * through Jackson's non-blocking parser at once, so a message costs its tree, not its text plus
 * its tree, and a node that declares a 1 TiB frame is refused after the cap, not after the heap.
 *
 * <pre>{@code
 * MessageReader r = new MessageReader(MessageLimits.forMaxBytes(16 << 20));
 * r.feed(firstPart);
 * r.feed(lastPart);
 * JsonNode message = r.finish();
 * }</pre>
 *
 * <p>Not thread-safe: one reader per message, fed by one thread (the socket's reader).
 */
final class MessageReader {

  /** How much of the message's start is kept for error messages. */
  static final int HEAD_CHARS = JsonRpc.SNIPPET_CHARS;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int CHUNK = 8192;

  private final MessageLimits limits;
  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final byte[] chunk = new byte[CHUNK];
  private final StringBuilder head = new StringBuilder();
  private final Deque<JsonNode> open = new ArrayDeque<>();
  private final Deque<String> names = new ArrayDeque<>();
  private String name;
  private JsonNode root;
  private long bytes;
  private long tokens;
  private char highSurrogate;
  private boolean failed;
  private boolean headCut;

  MessageReader(MessageLimits limits) {
    this.limits = limits;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength(limits.maxStringChars())
            .maxNameLength(Math.min(limits.maxStringChars(), 1 << 16))
            .maxNestingDepth(limits.maxDepth())
            .maxNumberLength(1000)
            .maxTokenCount(limits.maxTokens())
            .build())
        // Names are not interned nor kept in a shared symbol table: a node picks them.
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .build();
    try {
      this.parser = factory.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException("Jackson cannot make a non-blocking parser", e);
    }
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
  }

  /** Bytes of UTF-8 read so far. */
  long bytes() {
    return bytes;
  }

  /** The start of the message as received, escaped and cut short, for error messages; empty when blank. */
  String head() {
    String start = Excerpt.of(head.toString().strip(), HEAD_CHARS);
    return headCut && !start.isEmpty() ? start + "…" : start;
  }

  /** Feeds text (a WebSocket text frame, or part of one), encoding it to UTF-8 as the wire had it. */
  void feed(CharSequence text) throws RefusedMessage {
    keepHead(text);
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (n > CHUNK - 4) {
        parse(chunk, n);
        n = 0;
      }
      n = encode(text.charAt(i), n);
    }
    if (n > 0) {
      parse(chunk, n);
    }
  }

  /** Feeds bytes of UTF-8 (an HTTP body, or part of one). */
  void feed(ByteBuffer data) throws RefusedMessage {
    if (head.length() < HEAD_CHARS) {
      ByteBuffer start = data.duplicate();
      byte[] b = new byte[Math.min(start.remaining(), HEAD_CHARS)];
      start.get(b);
      keepHead(new String(b, StandardCharsets.UTF_8));
      headCut |= start.hasRemaining();
    } else {
      headCut |= data.hasRemaining();
    }
    while (data.hasRemaining()) {
      int n = Math.min(CHUNK, data.remaining());
      data.get(chunk, 0, n);
      parse(chunk, n);
    }
  }

  /** The end of the message: its one JSON value. */
  JsonNode finish() throws RefusedMessage {
    check();
    if (highSurrogate != 0) {
      highSurrogate = 0;
      int n = encode('\uFFFD', 0);
      parse(chunk, n);
    }
    feeder.endOfInput();
    drain();
    if (root == null) {
      throw refuse(RefusedMessage.Reason.MALFORMED, bytes == 0 ? "an empty message" : "the message ends inside a JSON value");
    }
    return root;
  }

  private void keepHead(CharSequence text) {
    int room = HEAD_CHARS - head.length();
    if (room > 0) {
      head.append(text, 0, Math.min(room, text.length()));
    }
    headCut |= text.length() > room;
  }

  /** Appends the UTF-8 of {@code c} at {@code n}, pairing surrogates across calls; the new end. */
  private int encode(char c, int n) {
    int cp;
    if (highSurrogate != 0) {
      char high = highSurrogate;
      highSurrogate = 0;
      if (Character.isLowSurrogate(c)) {
        cp = Character.toCodePoint(high, c);
      } else {
        n = encode('\uFFFD', n);
        return encode(c, n);
      }
    } else if (Character.isHighSurrogate(c)) {
      highSurrogate = c;
      return n;
    } else if (Character.isLowSurrogate(c)) {
      cp = 0xFFFD;
    } else {
      cp = c;
    }
    if (cp < 0x80) {
      chunk[n++] = (byte) cp;
    } else if (cp < 0x800) {
      chunk[n++] = (byte) (0xC0 | cp >> 6);
      chunk[n++] = (byte) (0x80 | cp & 0x3F);
    } else if (cp < 0x10000) {
      chunk[n++] = (byte) (0xE0 | cp >> 12);
      chunk[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      chunk[n++] = (byte) (0x80 | cp & 0x3F);
    } else {
      chunk[n++] = (byte) (0xF0 | cp >> 18);
      chunk[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
      chunk[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
      chunk[n++] = (byte) (0x80 | cp & 0x3F);
    }
    return n;
  }

  private void parse(byte[] buf, int length) throws RefusedMessage {
    check();
    bytes += length;
    if (bytes > limits.maxBytes()) {
      throw refuse(RefusedMessage.Reason.TOO_LARGE, "it exceeds " + MessageLimits.describe(limits.maxBytes())
          + " (" + bytes + " bytes so far)");
    }
    try {
      feeder.feedInput(buf, 0, length);
    } catch (IOException e) {
      throw refuse(RefusedMessage.Reason.MALFORMED, "not JSON: " + e.getMessage());
    }
    drain();
  }

  private void check() throws RefusedMessage {
    if (failed) {
      throw new RefusedMessage(RefusedMessage.Reason.MALFORMED, "the message was already refused");
    }
  }

  /** Turns every token the parser has into tree nodes; stops where it needs more input. */
  private void drain() throws RefusedMessage {
    try {
      JsonToken t;
      while ((t = parser.nextToken()) != null && t != JsonToken.NOT_AVAILABLE) {
        if (++tokens > limits.maxTokens()) {
          throw refuse(RefusedMessage.Reason.TOO_LARGE, "it has more than " + limits.maxTokens() + " JSON tokens");
        }
        token(t);
      }
    } catch (StreamConstraintsException e) {
      // Jackson names its own setting; the user knows the cap (the other limits follow from it).
      throw refuse(RefusedMessage.Reason.TOO_LARGE, "it exceeds a limit of this client: "
          + e.getOriginalMessage().replaceAll(", from `[^`]*`", ""));
    } catch (IOException e) {
      throw refuse(RefusedMessage.Reason.MALFORMED, "not JSON: " + firstLine(e));
    }
  }

  private void token(JsonToken t) throws IOException, RefusedMessage {
    switch (t) {
      case START_OBJECT -> push(NODES.objectNode());
      case START_ARRAY -> push(NODES.arrayNode());
      case END_OBJECT, END_ARRAY -> {
        JsonNode done = open.pop();
        name = names.pop();
        add(done);
      }
      case FIELD_NAME -> name = parser.currentName();
      case VALUE_STRING -> add(NODES.textNode(parser.getText()));
      case VALUE_NUMBER_INT -> add(switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      });
      case VALUE_NUMBER_FLOAT -> add(NODES.numberNode(parser.getDoubleValue()));
      case VALUE_TRUE -> add(NODES.booleanNode(true));
      case VALUE_FALSE -> add(NODES.booleanNode(false));
      case VALUE_NULL -> add(NODES.nullNode());
      default -> throw refuse(RefusedMessage.Reason.MALFORMED, "an unexpected JSON token " + t);
    }
  }

  private void push(JsonNode container) throws RefusedMessage {
    if (open.isEmpty() && root != null) {
      throw refuse(RefusedMessage.Reason.MALFORMED, "more than one JSON value in one message");
    }
    if (open.size() >= limits.maxDepth()) {
      throw refuse(RefusedMessage.Reason.TOO_LARGE, "it nests deeper than " + limits.maxDepth());
    }
    open.push(container);
    names.push(name == null ? "" : name);
    name = null;
  }

  private void add(JsonNode value) throws RefusedMessage {
    JsonNode parent = open.peek();
    if (parent == null) {
      if (root != null) {
        throw refuse(RefusedMessage.Reason.MALFORMED, "more than one JSON value in one message");
      }
      root = value;
    } else if (parent instanceof ObjectNode o) {
      o.set(name, value);
      name = null;
    } else {
      ((ArrayNode) parent).add(value);
    }
  }

  private RefusedMessage refuse(RefusedMessage.Reason reason, String why) {
    failed = true;
    open.clear();
    names.clear();
    root = null;
    try {
      parser.close();
    } catch (IOException ignored) {
      // nothing to release beyond the buffers that go with this reader
    }
    return new RefusedMessage(reason, why);
  }

  private static String firstLine(IOException e) {
    String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
