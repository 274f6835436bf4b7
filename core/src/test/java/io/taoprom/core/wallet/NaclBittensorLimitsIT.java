package io.taoprom.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.core.interop.Vectors;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A keyfile libsodium encrypted with Bittensor's real parameters (argon2i, 8 passes over 512 MiB,
 * Bittensor's salt) opens with {@link NaclKeyfileCipher#BITTENSOR}. An IT because the key
 * derivation takes seconds and about 600 MiB of heap: core's pom gives failsafe's JVM -Xmx1g.
 * (Wrong passwords are tested on libsodium files with small limits in {@code KeyfileTest}.)
 */
class NaclBittensorLimitsIT {

  @Test
  void opensAFileMadeByLibsodiumWithBittensorsLimits() {
    String name = "nacl-bittensor-limits";
    assertThat(KeyfileFixtures.entry(name).get("opsLimit").asInt()).isEqualTo(NaclKeyfileCipher.OPSLIMIT_SENSITIVE);
    assertThat(KeyfileFixtures.entry(name).get("memLimit").asLong()).isEqualTo(NaclKeyfileCipher.MEMLIMIT_SENSITIVE);
    char[] password = KeyfileFixtures.entry(name).get("password").asText().toCharArray();
    KeyfileContents c = Keyfile.parse(Path.of(name), KeyfileFixtures.bytes(name), PasswordSource.of(password),
        NaclKeyfileCipher.BITTENSOR);
    assertThat(Vectors.toHex(c.keyPair().orElseThrow().publicKey())).isEqualTo(KeyfileFixtures.entry(name).get("publicKey").asText());
  }
}
