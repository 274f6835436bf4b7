package io.taoprom.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.core.keys.Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletTest {

  @TempDir Path dir;

  @Test
  void btcliLayoutAndDefaults() {
    Wallet w = new Wallet(dir, "miner");
    assertThat(w.hotkeyFile("default")).isEqualTo(dir.resolve("miner/hotkeys/default"));
    assertThat(w.coldkeyFile()).isEqualTo(dir.resolve("miner/coldkey"));
    assertThat(w.coldkeyPubFile()).isEqualTo(dir.resolve("miner/coldkeypub.txt"));
    Wallet d = Wallet.defaults();
    assertThat(d.path()).isEqualTo(Path.of(System.getProperty("user.home"), ".bittensor", "wallets"));
    assertThat(d.name()).isEqualTo("default");
    assertThatThrownBy(() -> new Wallet(dir, "../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.hotkeyFile("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void loadsHotkeysAndColdkeyPublicKeys() throws Exception {
    Wallet w = new Wallet(dir, "validator");
    Keyfile.write(w.hotkeyFile("hk"), Keys.fromUri("//Alice"), Optional.empty(), false);
    Files.createDirectories(w.coldkeyPubFile().getParent());
    Files.write(w.coldkeyPubFile(), Keyfile.toPublicJson(Keys.fromUri("//Bob").publicKey()));
    assertThat(w.hotkey("hk", PasswordSource.none()).publicKey()).isEqualTo(Keys.fromUri("//Alice").publicKey());
    assertThat(w.coldkeyPublicKey()).isEqualTo(Keys.fromUri("//Bob").publicKey());
    assertThatThrownBy(() -> w.hotkey("missing", PasswordSource.none())).hasMessageContaining("does not exist")
        .hasMessageContaining("--wallet.hotkey");
  }
}
