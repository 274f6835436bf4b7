package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MessageLimits LIMITS = MessageLimits.forMaxBytes(MessageLimits.MIN_MAX_BYTES);

  private static final List<String> SAMPLES = List.of(
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0xabcdef\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"block\":{\"header\":{\"number\":\"0x1a\",\"digest\":{\"logs\":[]}},"
          + "\"extrinsics\":[\"0x01\",\"0x02\"]},\"justifications\":null}}",
      "{\"id\":9223372036854775807,\"result\":[1,-2,3000000000,123456789012345678901234567890,1.5e3,-0.25,true,false,null]}",
      "[{\"id\":1,\"result\":1},{\"id\":2,\"error\":{\"code\":1010,\"message\":\"Invalid Transaction\",\"data\":\"Custom error: 12\"}}]",
      "{\"method\":\"chain_newHead\",\"params\":{\"subscription\":\"abc\",\"result\":{\"n\":\"é ü ☃ 𝄞 😀\"}}}",
      "  {\"a\" : [ ] , \"b\" : { } , \"c\" : \"\\u001b[2J\\\\ \\\"q\\\"\" }  ",
      "\"just a string\"",
      "42");

  private static JsonNode readInPieces(String text, int pieceChars) throws RefusedMessage {
    MessageReader r = new MessageReader(LIMITS);
    for (int i = 0; i < text.length(); i += pieceChars) {
      r.feed(text.substring(i, Math.min(text.length(), i + pieceChars)));
    }
    return r.finish();
  }

  @Test
  void anyWayOfCuttingAMessageGivesWhatJacksonReadsFromTheWhole() throws Exception {
    for (String sample : SAMPLES) {
      JsonNode expected = JSON.readTree(sample);
      for (int piece = 1; piece <= sample.length(); piece++) {
        // Pieces of one char split surrogate pairs (the clef and the emoji) between feeds.
        assertThat(readInPieces(sample, piece)).as("%s in pieces of %d", sample, piece).isEqualTo(expected);
      }
      byte[] utf8 = sample.getBytes(StandardCharsets.UTF_8);
      for (int piece = 1; piece <= utf8.length; piece += 3) {
        MessageReader r = new MessageReader(LIMITS);
        for (int i = 0; i < utf8.length; i += piece) {
          r.feed(ByteBuffer.wrap(utf8, i, Math.min(piece, utf8.length - i)));
        }
        assertThat(r.finish()).as("%s in byte pieces of %d", sample, piece).isEqualTo(expected);
        assertThat(r.bytes()).isEqualTo(utf8.length);
      }
    }
  }

  @Test
  void numbersKeepTheTypesObjectMapperGivesThem() throws Exception {
    JsonNode n = readInPieces(SAMPLES.get(2), 5);
    JsonNode a = n.get("result");
    assertThat(a.get(0).isInt()).isTrue();
    assertThat(a.get(2).isLong()).isTrue();
    assertThat(a.get(3).isBigInteger()).isTrue();
    assertThat(a.get(4).isDouble()).isTrue();
    assertThat(n.get("id").asLong()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void whatIsNotOneJsonValueIsMalformed() {
    for (String bad : List.of("", "   ", "{\"a\":1} {\"b\":2}", "{\"a\":1", "[1,2", "{\"a\" 1}", "<html>502</html>", "[1]]",
        "{\"a\":tru}", "\"unterminated")) {
      assertThatThrownBy(() -> readInPieces(bad, 3)).as(bad).isInstanceOfSatisfying(RefusedMessage.class,
          e -> assertThat(e.reason()).isEqualTo(RefusedMessage.Reason.MALFORMED));
    }
  }

  @Test
  void eachLimitRefusesAsTooLargeWhileReading() throws Exception {
    int cap = LIMITS.maxBytes();
    assertTooLarge(" ".repeat(cap + 1), "exceeds 64 KiB");
    assertTooLarge("\"" + "a".repeat(LIMITS.maxStringChars() + 1) + "\"", "String value length");
    assertTooLarge("[" + "0,".repeat((int) LIMITS.maxTokens()) + "0]", "Token count");
    assertTooLarge("[".repeat(LIMITS.maxDepth() + 1), "nesting depth");
    // At each limit, it parses.
    assertThat(readInPieces("\"" + "a".repeat(LIMITS.maxStringChars()) + "\"", 4096).asText())
        .hasSize(LIMITS.maxStringChars());
    assertThat(readInPieces("[".repeat(LIMITS.maxDepth()) + "]".repeat(LIMITS.maxDepth()), 7)).isNotNull();
    assertThat(readInPieces(" ".repeat(cap - 2) + "1", 4096).asInt()).isEqualTo(1);
  }

  private static void assertTooLarge(String message, String why) {
    assertThatThrownBy(() -> readInPieces(message, 4096)).isInstanceOfSatisfying(RefusedMessage.class, e -> {
      assertThat(e.reason()).isEqualTo(RefusedMessage.Reason.TOO_LARGE);
      assertThat(e.getMessage()).contains(why).doesNotContain("StreamReadConstraints");
    });
  }

  @Test
  void aRefusedReaderStaysRefused() throws Exception {
    MessageReader r = new MessageReader(LIMITS);
    assertThatThrownBy(() -> r.feed("[".repeat(100))).isInstanceOf(RefusedMessage.class);
    assertThatThrownBy(() -> r.feed("]")).isInstanceOf(RefusedMessage.class);
    assertThatThrownBy(r::finish).isInstanceOf(RefusedMessage.class);
  }

  @Test
  void theHeadIsEscapedAndCutShort() throws Exception {
    MessageReader r = new MessageReader(LIMITS);
    // Raw control characters are not JSON: refused at once, and the head says what came.
    assertThatThrownBy(() -> r.feed("\u001b[2J\u0007" + "x".repeat(500))).isInstanceOf(RefusedMessage.class);
    assertThat(r.head()).startsWith("\\x1b[2J\\x07xxx").endsWith("…").doesNotContain("\u001b").doesNotContain("\u0007");
    assertThat(r.head().length()).isLessThan(MessageReader.HEAD_CHARS + 30);
    MessageReader small = new MessageReader(LIMITS);
    assertThatThrownBy(() -> small.feed("<html>502</html>")).isInstanceOf(RefusedMessage.class);
    assertThat(small.head()).isEqualTo("<html>502</html>");
  }
}
