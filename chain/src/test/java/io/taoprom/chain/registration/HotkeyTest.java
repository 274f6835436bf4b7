package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotkeyTest {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final NaclKeyfileCipher CHEAP = NaclKeyfileCipher.withLimits(3, 1 << 20);
  private static final String PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";

  @TempDir Path dir;

  private Hotkey wallet(String name, String hotkey, PasswordSource pw) {
    return Hotkey.fromWallet(dir.toString(), name, hotkey, pw, CHEAP);
  }

  @Test
  void fromUriAndAddress() {
    Hotkey h = Hotkey.fromUri("//Alice");
    assertThat(h.ss58()).isEqualTo(ALICE);
    assertThat(h.signer().publicKey()).isEqualTo(h.publicKey());
    Hotkey pub = Hotkey.fromAddress(ALICE);
    assertThat(pub.keyPair()).isEmpty();
    assertThatThrownBy(() -> pub.signer(CliNames.FLAGS)).hasMessageContaining("--uri or the --wallet.* options");
    assertThatThrownBy(() -> Hotkey.fromAddress("5Grw", CliNames.FLAGS)).hasMessageContaining("invalid --hotkey 5Grw");
    assertThatThrownBy(pub::signer).hasMessageEndingWith("signing needs its secret: use a secret URI or a wallet");
    assertThatThrownBy(() -> Hotkey.fromAddress("5Grw")).hasMessageContaining("invalid hotkey address 5Grw");
  }

  @Test
  void aMalformedUriIsNamedWithoutTheSecret() {
    String secret = PHRASE.replace("yellow", "yellowz") + "//0";
    assertThatThrownBy(() -> Hotkey.fromUri(secret)).hasMessageStartingWith("invalid secret URI: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("legal winner").doesNotContain("--"));
    assertThatThrownBy(() -> Hotkey.fromUri(secret, CliNames.FLAGS)).hasMessageStartingWith("invalid --uri")
        .hasMessageContaining("--wallet.*").satisfies(e -> assertThat(e.getMessage()).doesNotContain("legal winner"));
  }

  @Test
  void readsAWalletHotkey() throws Exception {
    KeyPair pair = Keys.fromUri(PHRASE);
    Keyfile.write(dir.resolve("miner/hotkeys/default"), pair, Optional.of(PHRASE), false);
    Hotkey h = wallet("miner", "default", PasswordSource.none());
    assertThat(h.publicKey()).isEqualTo(pair.publicKey());
    assertThat(h.keyPair()).isPresent();
  }

  @Test
  void missingWalletPartsAreNamedEachWithTheOptionToCheck() throws Exception {
    assertThatThrownBy(() -> Hotkey.fromWallet(dir.resolve("nope").toString(), "w", "h", PasswordSource.none(), CHEAP,
        CliNames.FLAGS)).hasMessageContaining("wallet directory").hasMessageContaining("--wallet.path");
    assertThatThrownBy(() -> Hotkey.fromWallet(dir.toString(), "miner", "default", PasswordSource.none(), CHEAP,
        CliNames.FLAGS)).hasMessageContaining("wallet 'miner' not found").hasMessageContaining("--wallet.name");
    assertThatThrownBy(() -> wallet("miner", "default", PasswordSource.none()))
        .hasMessageContaining("wallet 'miner' not found").hasMessageContaining("check wallet name");
    Files.createDirectories(dir.resolve("miner/hotkeys"));
    assertThatThrownBy(() -> Hotkey.fromWallet(dir.toString(), "miner", "hot1", PasswordSource.none(), CHEAP,
        CliNames.FLAGS)).hasMessageContaining("hotkey 'hot1' of wallet 'miner' not found")
        .hasMessageContaining("--wallet.hotkey");
  }

  @Test
  void aHotkeyFileWithoutItsSecretIsRefused() throws Exception {
    Path file = dir.resolve("miner/hotkeys/default");
    Files.createDirectories(file.getParent());
    Files.write(file, Keyfile.toPublicJson(Keys.fromUri("//Alice").publicKey()));
    assertThatThrownBy(() -> wallet("miner", "default", PasswordSource.none()))
        .hasMessageContaining("holds only a public key").hasMessageContaining("regen_hotkey");
  }

  @Test
  void aWrongPasswordIsNamedWithoutThePassword() throws Exception {
    Path file = dir.resolve("miner/hotkeys/default");
    Files.createDirectories(file.getParent());
    KeyPair pair = Keys.fromUri(PHRASE);
    Files.write(file, CHEAP.encrypt(Keyfile.toJson(pair, Optional.empty()), "right".getBytes(StandardCharsets.UTF_8)));
    assertThat(wallet("miner", "default", PasswordSource.of("right".toCharArray())).publicKey()).isEqualTo(pair.publicKey());
    assertThatThrownBy(() -> wallet("miner", "default", PasswordSource.of("hunter2".toCharArray())))
        .hasMessageContaining("wrong password").hasMessageContaining("TAOPROM_KEYFILE_PASSWORD")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("right"));
  }
}
