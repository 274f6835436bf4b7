package io.taoprom.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.interop.Vectors;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MnemonicTest {

  /** From substrate-bip39's tests (the BIP39 reference entropy, password "Substrate"): phrase, entropy, 64-byte seed. */
  private static final String[][] SUBSTRATE_BIP39 = {
    {"abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      "00000000000000000000000000000000",
      "44e9d125f037ac1d51f0a7d3649689d422c2af8b1ec8e00d71db4d7bf6d127e33f50c3d5c84fa3e5399c72d6cbbbbc4a49bf76f76d952f479d74655a2ef2d453"},
    {"legal winner thank year wave sausage worth useful legal winner thank yellow",
      "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "4313249608fe8ac10fd5886c92c4579007272cb77c21551ee5b8d60b780416850f1e26c1f4b8d88ece681cb058ab66d6182bc2ce5a03181f7b74c27576b5c8bf"},
    {"zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
      "ffffffffffffffffffffffffffffffff",
      "227d6256fd4f9ccaf06c45eaa4b2345969640462bbb00c5f51f43cb43418c7a753265f9b1e0c0822c155a9cabc769413ecc14553e135fe140fc50b6722c6b9df"},
    {"legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
      "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
      "cb1d50e14101024a88905a098feb1553d4306d072d7460e167a60ccb3439a6817a0afc59060f45d999ddebc05308714733c9e1e84f30feccddd4ad6f95c8a445"},
    {"zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
      "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "047e89ef7739cbfe30da0ad32eb1720d8f62441dd4f139b981b8e2d0bd412ed4eb14b89b5098c49db2301d4e7df4e89c21e53f345138e56a5e7d63fae21c5939"},
    {"ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
      "9e885d952ad362caeb4efe34a8e91bd2",
      "f4956be6960bc145cdab782e649a5056598fd07cd3f32ceb73421c3da27833241324dc2c8b0a4d847eee457e6d4c5429f5e625ece22abaa6a976e82f1ec5531d"},
  };

  @Test
  void wordListIsTheBip39EnglishList() throws Exception {
    try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
      byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
      assertThat(Vectors.toHex(sha)).isEqualTo("0x2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda");
    }
    assertThat(Mnemonic.englishWords()).hasSize(2048).startsWith("abandon", "ability").endsWith("zone", "zoo");
  }

  @Test
  void publishedSubstrateBip39Vectors() {
    for (String[] v : SUBSTRATE_BIP39) {
      assertThat(Vectors.toHex(Mnemonic.toEntropy(v[0]))).isEqualTo("0x" + v[1]);
      assertThat(Mnemonic.fromEntropy(Vectors.hex(v[1]))).isEqualTo(v[0]);
      assertThat(Vectors.toHex(Mnemonic.seedFromEntropy(Vectors.hex(v[1]), "Substrate"))).isEqualTo("0x" + v[2]);
      assertThat(Vectors.toHex(Mnemonic.toMiniSecret(v[0], "Substrate"))).isEqualTo("0x" + v[2].substring(0, 64));
    }
  }

  @Test
  void polkadotJsMiniSecretsIncludingUnicodePasswords() {
    int checked = 0;
    for (JsonNode v : Vectors.section("mnemonics")) {
      String phrase = v.get("phrase").asText();
      assertThat(Vectors.toHex(Mnemonic.toEntropy(phrase))).isEqualTo(v.get("entropy").asText());
      assertThat(Vectors.toHex(Mnemonic.toMiniSecret(phrase, v.get("password").asText())))
          .as("%d words, password '%s'", phrase.split(" ").length, v.get("password").asText())
          .isEqualTo(v.get("miniSecret").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(15);
  }

  @Test
  void extraWhitespaceIsTolerated() {
    String phrase = SUBSTRATE_BIP39[0][0];
    assertThat(Mnemonic.toEntropy("  " + phrase.replace(" ", "  \t") + "\n")).isEqualTo(Mnemonic.toEntropy(phrase));
  }

  @Test
  void errorsNameTheWordNumberButNeverTheWords() {
    String phrase = SUBSTRATE_BIP39[1][0];
    String misspelt = phrase.replace("wave", "wavy");
    assertThatThrownBy(() -> Mnemonic.toEntropy(misspelt)).isInstanceOf(KeyFormatException.class)
        .hasMessageContaining("word 5 ").hasMessageNotContaining("wavy").hasMessageNotContaining("legal");
    String swapped = "winner legal thank year wave sausage worth useful legal winner thank yellow";
    assertThatThrownBy(() -> Mnemonic.toEntropy(swapped)).hasMessageContaining("checksum").hasMessageNotContaining("winner");
    assertThatThrownBy(() -> Mnemonic.toEntropy("abandon abandon abandon")).hasMessageContaining("got 3 words");
    assertThatThrownBy(() -> Mnemonic.toEntropy(phrase.toUpperCase())).hasMessageContaining("lower case");
    assertThat(Mnemonic.isValid(phrase)).isTrue();
    assertThat(Mnemonic.isValid(swapped)).isFalse();
  }

  @Test
  void generatedMnemonicsAreValidAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int words : new int[] {12, 15, 18, 21, 24}) {
      for (int i = 0; i < 5; i++) {
        String m = Mnemonic.generate(words, new SecureRandom());
        assertThat(m.split(" ")).hasSize(words);
        assertThat(Mnemonic.fromEntropy(Mnemonic.toEntropy(m))).isEqualTo(m);
        assertThat(seen.add(m)).isTrue();
      }
    }
    assertThatThrownBy(() -> Mnemonic.generate(13)).hasMessageContaining("12, 15, 18, 21 or 24");
  }
}
