package io.taoprom.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.interop.Vectors;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void publishedDevAccounts() {
    KeyPair alice = Keys.fromUri("//Alice");
    assertThat(Vectors.toHex(alice.publicKey())).isEqualTo("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    assertThat(Ss58.encode(alice.publicKey(), 42)).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    assertThat(Ss58.encode(Keys.fromUri("//Bob").publicKey(), 42)).isEqualTo("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty");
    assertThat(Vectors.toHex(Keys.fromUri("//Alice", "ed25519").publicKey()))
        .isEqualTo("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    assertThat(alice.scheme()).isEqualTo("sr25519");
  }

  @Test
  void everyPolkadotJsDerivation() {
    int checked = 0;
    for (JsonNode v : Vectors.section("keys")) {
      String uri = v.get("uri").asText();
      String scheme = v.get("scheme").asText();
      KeyPair pair = Keys.fromUri(uri, scheme);
      assertThat(Vectors.toHex(pair.publicKey())).as("%s %s", scheme, uri).isEqualTo(v.get("publicKey").asText());
      assertThat(Ss58.encode(pair.publicKey(), 42)).isEqualTo(v.get("ss58").asText());
      checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void seedUrisAndTheirErrors() {
    String seed = "0x" + "01".repeat(32);
    assertThat(Keys.fromUri(seed).publicKey()).isEqualTo(Keys.fromSeed(Vectors.hex(seed), "sr25519").publicKey());
    assertThat(Keys.fromUri(seed + "///ignored").publicKey()).isEqualTo(Keys.fromUri(seed).publicKey());
    assertThatThrownBy(() -> Keys.fromUri("0x" + "ab".repeat(31))).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("64 hex digits").hasMessageNotContaining("abab");
    assertThatThrownBy(() -> Keys.fromUri("0x" + "zz".repeat(32))).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("hex digit").hasMessageNotContaining("zz");
    // digits of other scripts are not hex digits (Character.digit would take them)
    assertThatThrownBy(() -> Keys.fromUri("0x" + "01".repeat(31) + "0\u0665")).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("position 65").hasMessageNotContaining("0101");
    assertThatThrownBy(() -> Keys.fromUri("//Alice/soft", "ed25519")).isInstanceOf(KeyException.class)
        .hasMessageContaining("no soft derivation");
    assertThatThrownBy(() -> Keys.fromUri("//Alice", "ecdsa")).isInstanceOf(KeyException.class).hasMessageContaining("unknown");
    assertThatThrownBy(() -> Keys.fromUri("not a real mnemonic phrase at all//x")).isInstanceOf(KeyFormatException.class)
        .hasMessageNotContaining("real");
  }

  @Test
  void devPhraseSeedIsTracked() {
    KeyPair root = Keys.fromUri("");
    assertThat(root.seed()).contains(Mnemonic.toMiniSecret(Keys.DEV_PHRASE, ""));
    assertThat(Keys.fromUri("//Alice").seed()).isPresent();
    assertThat(Keys.fromUri("//Alice/soft").seed()).isEmpty();
  }
}
