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
    String home = System.getenv("HOME") != null && !System.getenv("HOME").isEmpty() ? System.getenv("HOME")
        : System.getProperty("user.home");
    assertThat(d.path()).isEqualTo(Path.of(home, ".bittensor", "wallets"));
    assertThat(d.name()).isEqualTo("default");
    assertThatThrownBy(() -> new Wallet(dir, "../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> w.hotkeyFile("..")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theHomeIsHomeAsForBtcliElseTheAccountsHome() {
    // btcli runs Python, whose Path.home() and expanduser read $HOME first.
    assertThat(Wallet.expandHome("~/.bittensor/wallets", "/srv/neuron", "/root"))
        .isEqualTo(Path.of("/srv/neuron/.bittensor/wallets"));
    assertThat(Wallet.expandHome("~", "/srv/neuron", "/root")).isEqualTo(Path.of("/srv/neuron"));
    assertThat(Wallet.expandHome("~/.bittensor/wallets", null, "/root")).isEqualTo(Path.of("/root/.bittensor/wallets"));
    assertThat(Wallet.expandHome("~/.bittensor/wallets", "", "/root")).isEqualTo(Path.of("/root/.bittensor/wallets"));
    assertThat(Wallet.expandHome("/data/wallets", "/srv/neuron", "/root")).isEqualTo(Path.of("/data/wallets"));
    assertThat(Wallet.expandHome("~other/wallets", "/srv/neuron", "/root")).isEqualTo(Path.of("~other/wallets"));
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
