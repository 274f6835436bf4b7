package io.taoprom.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.interop.Vectors;
import org.junit.jupiter.api.Test;

class Ss58Test {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String ALICE_KEY = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";

  @Test
  void publishedAliceAddress() {
    assertThat(Ss58.encode(Vectors.hex(ALICE_KEY), 42)).isEqualTo(ALICE);
    assertThat(Vectors.toHex(Ss58.decodeAccountId(ALICE))).isEqualTo(ALICE_KEY);
    assertThat(Ss58.decode(ALICE).prefix()).isEqualTo(42);
    // The same account on Polkadot (prefix 0) and Kusama (prefix 2), from the SS58 registry's examples.
    assertThat(Ss58.encode(Vectors.hex(ALICE_KEY), 0)).isEqualTo("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
    assertThat(Ss58.encode(Vectors.hex(ALICE_KEY), 2)).isEqualTo("HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F");
  }

  @Test
  void everyPolkadotJsAddressBothWays() {
    int checked = 0;
    for (JsonNode v : Vectors.section("ss58")) {
      byte[] payload = Vectors.hex(v.get("payload"));
      int prefix = v.get("prefix").asInt();
      String address = v.get("address").asText();
      assertThat(Ss58.encode(payload, prefix)).as("encode prefix %d", prefix).isEqualTo(address);
      Ss58.Address decoded = Ss58.decode(address);
      assertThat(decoded.prefix()).isEqualTo(prefix);
      assertThat(decoded.payload()).isEqualTo(payload);
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void errorsNameTheProblem() {
    assertThatThrownBy(() -> Ss58.decode(ALICE.substring(0, 10) + "0" + ALICE.substring(11)))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("'0' is not in the base58 alphabet")
        .satisfies(e -> assertThat(((KeyFormatException) e).position()).isEqualTo(10));
    String typo = ALICE.substring(0, 20) + (ALICE.charAt(20) == 'a' ? 'b' : 'a') + ALICE.substring(21);
    assertThatThrownBy(() -> Ss58.decode(typo)).isInstanceOf(KeyFormatException.class).hasMessageContaining("checksum");
    assertThatThrownBy(() -> Ss58.decode(ALICE.substring(0, 40))).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Ss58.decode("")).hasMessageContaining("empty");
    assertThatThrownBy(() -> Ss58.decodeAccountId(ALICE, 0)).hasMessageContaining("prefix 0").hasMessageContaining("prefix 42");
    // Prefix byte 0x80 and above is not SS58.
    assertThatThrownBy(() -> Ss58.decode("Ld2RS5a4ZqRkz6xNDNXU5FPPnMfd3cX3kmaRpvmcQm1kVW"))
        .isInstanceOf(KeyFormatException.class);
    byte[] shortPayload = new byte[4];
    assertThatThrownBy(() -> Ss58.decodeAccountId(Ss58.encode(shortPayload, 42))).hasMessageContaining("holds 4 bytes");
    assertThatThrownBy(() -> Ss58.encode(new byte[32], 46)).hasMessageContaining("reserved");
    assertThatThrownBy(() -> Ss58.encode(new byte[32], 16384)).hasMessageContaining("16383");
    assertThatThrownBy(() -> Ss58.encode(new byte[5], 42)).hasMessageContaining("got 5");
    assertThatThrownBy(() -> Ss58.decode("1".repeat(200))).hasMessageContaining("at most");
  }
}
