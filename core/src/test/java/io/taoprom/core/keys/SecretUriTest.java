package io.taoprom.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.core.crypto.DeriveJunction;
import org.junit.jupiter.api.Test;

class SecretUriTest {

  @Test
  void splitsPhrasePathAndPassword() {
    SecretUri u = SecretUri.parse("one two//hard/soft///pass/word");
    assertThat(u.phrase()).contains("one two");
    assertThat(u.path()).containsExactly(DeriveJunction.parse("/hard"), DeriveJunction.parse("soft"));
    assertThat(u.password()).contains("pass/word");
  }

  @Test
  void aBareJunctionMeansTheDevPhrase() {
    SecretUri u = SecretUri.parse("//Alice");
    assertThat(u.phrase()).isEmpty();
    assertThat(u.path()).containsExactly(DeriveJunction.parse("/Alice"));
    assertThat(u.password()).isEmpty();
  }

  @Test
  void edgeCasesFollowSubstratesGrammar() {
    assertThat(SecretUri.parse("0xabc").phrase()).contains("0xabc");
    assertThat(SecretUri.parse("phrase///").password()).contains("");
    assertThat(SecretUri.parse("phrase////x").password()).as("'///' starts the password").contains("/x");
    assertThat(SecretUri.parse("").phrase()).isEmpty();
    assertThat(SecretUri.parse("a//b c/d").path()).hasSize(2);
  }

  @Test
  void misplacedCharactersAreReportedByPosition() {
    assertThatThrownBy(() -> SecretUri.parse("bad-phrase//x")).isInstanceOf(KeyFormatException.class)
        .satisfies(e -> assertThat(((KeyFormatException) e).position()).isEqualTo(3))
        .hasMessageNotContaining("bad");
    assertThatThrownBy(() -> SecretUri.parse("a//")).isInstanceOf(KeyFormatException.class).hasMessageContaining("junction name");
  }

  @Test
  void toStringHidesTheSecrets() {
    assertThat(SecretUri.parse("legal winner//x///hunter2").toString())
        .doesNotContain("legal").doesNotContain("hunter2").contains("junctions=1");
  }
}
