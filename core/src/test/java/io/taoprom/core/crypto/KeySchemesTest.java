package io.taoprom.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeySchemesTest {

  @Test
  void findsBothBuiltInSchemesThroughServiceLoader() {
    assertThat(KeySchemes.names()).contains("ed25519", "sr25519");
    assertThat(KeySchemes.named("SR25519").name()).isEqualTo("sr25519");
    assertThat(KeySchemes.named("ed25519").name()).isEqualTo("ed25519");
  }

  @Test
  void anUnknownSchemeNamesTheKnownOnes() {
    assertThatThrownBy(() -> KeySchemes.named("ecdsa"))
        .isInstanceOf(KeyException.class).hasMessageContaining("ecdsa").hasMessageContaining("ed25519, sr25519");
  }
}
