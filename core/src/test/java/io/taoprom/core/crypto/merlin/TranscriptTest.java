package io.taoprom.core.crypto.merlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.interop.Vectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptTest {

  @Test
  void merlinsOwnTestVector() {
    // merlin's transcript test: "test protocol", append "some label" = "some data", challenge 32 bytes.
    Transcript t = new Transcript(Transcript.label("test protocol"));
    t.appendMessage(Transcript.label("some label"), "some data".getBytes(StandardCharsets.US_ASCII));
    assertThat(Vectors.toHex(t.challengeBytes(Transcript.label("challenge"), 32)))
        .isEqualTo("0xd5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
  }

  @Test
  void matchesScureMerlinIncludingMultiBlockMessagesAndLongChallenges() {
    for (JsonNode v : Vectors.section("merlin")) {
      Transcript t = new Transcript(Transcript.label(v.get("label").asText()));
      for (JsonNode m : v.get("messages")) {
        t.appendMessage(Transcript.label(m.get(0).asText()), Vectors.hex(m.get(1)));
      }
      byte[] expected = Vectors.hex(v.get("challenge"));
      assertThat(Vectors.toHex(t.challengeBytes(Transcript.label(v.get("challengeLabel").asText()), expected.length)))
          .isEqualTo(v.get("challenge").asText());
    }
  }

  @Test
  void copiesAreIndependentAndWitnessBytesDependOnEveryInput() {
    Transcript a = new Transcript(Transcript.label("x"));
    Transcript b = a.copy();
    a.appendMessage(Transcript.label("m"), new byte[] {1});
    b.appendMessage(Transcript.label("m"), new byte[] {1});
    assertThat(a.challengeBytes(Transcript.label("c"), 16)).isEqualTo(b.challengeBytes(Transcript.label("c"), 16));

    Transcript base = new Transcript(Transcript.label("w"));
    byte[] r1 = new byte[32];
    byte[] out1 = new byte[32];
    byte[] out2 = new byte[32];
    byte[] out3 = new byte[32];
    base.witnessBytes(Transcript.label("n"), new byte[][] {{1, 2}}, r1, out1);
    base.witnessBytes(Transcript.label("n"), new byte[][] {{1, 2}}, r1, out2);
    assertThat(out2).as("deterministic for equal inputs, and the transcript is unchanged").isEqualTo(out1);
    byte[] r2 = r1.clone();
    r2[0] = 1;
    base.witnessBytes(Transcript.label("n"), new byte[][] {{1, 2}}, r2, out3);
    assertThat(out3).isNotEqualTo(out1);
    assertThatThrownBy(() -> base.witnessBytes(Transcript.label("n"), new byte[0][], new byte[16], out1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
