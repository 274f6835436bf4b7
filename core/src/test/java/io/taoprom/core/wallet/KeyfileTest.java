package io.taoprom.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.interop.Vectors;
import io.taoprom.core.keys.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class KeyfileTest {

  @TempDir Path dir;

  private Path file(String fixture) throws Exception {
    Path p = dir.resolve(fixture);
    Files.write(p, KeyfileFixtures.bytes(fixture));
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    return p;
  }

  private static String publicKey(String fixture) {
    return KeyfileFixtures.entry(fixture).get("publicKey").asText();
  }

  @Test
  void readsEveryPlainLayoutBittensorWrites() throws Exception {
    for (String f : new String[] {"plain-full", "plain-seed-only", "plain-private-key-only", "plain-private-key-ed25519-style"}) {
      KeyfileContents c = Keyfile.read(file(f), PasswordSource.none());
      assertThat(c.keyPair()).as(f).isPresent();
      assertThat(Vectors.toHex(c.publicKey())).as(f).isEqualTo(publicKey(f));
      assertThat(c.encrypted()).isFalse();
      assertThat(c.warnings()).isEmpty();
      KeyPair pair = c.keyPair().orElseThrow();
      byte[] sig = pair.sign(new byte[] {1, 2, 3});
      assertThat(pair.verify(new byte[] {1, 2, 3}, sig)).isTrue();
    }
  }

  @Test
  void coldkeypubHoldsOnlyThePublicKey() throws Exception {
    KeyfileContents c = Keyfile.read(file("coldkeypub"), PasswordSource.none());
    assertThat(c.keyPair()).isEmpty();
    assertThat(Vectors.toHex(c.publicKey())).isEqualTo(publicKey("coldkeypub"));
  }

  @Test
  void decryptsLibsodiumFilesWithTheRightPasswordAndFailsCleanlyWithAWrongOne() throws Exception {
    for (String f : new String[] {"nacl-small-limits", "nacl-small-limits-unicode-password"}) {
      char[] password = KeyfileFixtures.entry(f).get("password").asText().toCharArray();
      KeyfileContents c = Keyfile.read(file(f), PasswordSource.of(password), KeyfileFixtures.cipher(f));
      assertThat(c.encrypted()).isTrue();
      assertThat(Vectors.toHex(c.keyPair().orElseThrow().publicKey())).isEqualTo(publicKey(f));

      Path p = file(f);
      assertThatThrownBy(() -> Keyfile.read(p, PasswordSource.of("wrong".toCharArray()), KeyfileFixtures.cipher(f)))
          .isInstanceOf(KeyfileException.class).hasMessageContaining("wrong password").hasMessageContaining(p.toString())
          .hasMessageNotContaining("wrong\"");
    }
  }

  @Test
  void encryptedFilesNeedAPasswordSource() throws Exception {
    Path p = file("nacl-small-limits");
    assertThatThrownBy(() -> Keyfile.read(p, PasswordSource.none(), KeyfileFixtures.cipher("nacl-small-limits")))
        .isInstanceOf(KeyfileException.class).hasMessageContaining("encrypted");
  }

  @Test
  void tamperedAndTruncatedCiphertextsAreRejected() throws Exception {
    byte[] data = KeyfileFixtures.bytes("nacl-small-limits");
    char[] password = KeyfileFixtures.entry("nacl-small-limits").get("password").asText().toCharArray();
    NaclKeyfileCipher cipher = KeyfileFixtures.cipher("nacl-small-limits");
    byte[] tampered = data.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThatThrownBy(() -> Keyfile.parse(Path.of("x"), tampered, PasswordSource.of(password), cipher))
        .hasMessageContaining("altered");
    byte[] truncated = java.util.Arrays.copyOf(data, 30);
    assertThatThrownBy(() -> Keyfile.parse(Path.of("x"), truncated, PasswordSource.of(password), cipher))
        .isInstanceOf(KeyfileException.class).hasMessageContaining("at least 45 bytes");
  }

  @Test
  void javaEncryptionOpensWithLibsodiumParameters() {
    NaclKeyfileCipher cipher = NaclKeyfileCipher.withLimits(3, 1 << 20);
    byte[] plain = "{\"secretSeed\": \"0x00\"}".getBytes(StandardCharsets.UTF_8);
    byte[] sealed = cipher.encrypt(plain, "pw".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(sealed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("$NACL");
    assertThat(cipher.decrypt(sealed, "pw".getBytes(StandardCharsets.UTF_8))).isEqualTo(plain);
    // libsodium's own file re-created byte for byte from its key material and nonce.
    byte[] libsodium = KeyfileFixtures.bytes("nacl-small-limits");
    byte[] password = KeyfileFixtures.entry("nacl-small-limits").get("password").asText().getBytes(StandardCharsets.UTF_8);
    NaclKeyfileCipher fixtureCipher = KeyfileFixtures.cipher("nacl-small-limits");
    byte[] opened = fixtureCipher.decrypt(libsodium, password);
    byte[] nonce = java.util.Arrays.copyOfRange(libsodium, 5, 29);
    assertThat(fixtureCipher.encrypt(opened, password, nonce)).isEqualTo(libsodium);
  }

  @Test
  void legacyFormatsAreRefusedWithAWayOut() {
    for (String start : new String[] {"$ANSIBLE_VAULT;1.1;AES256\n6162", "gAAAAABkZ2V0"}) {
      assertThatThrownBy(() -> Keyfile.parse(Path.of("old"), start.getBytes(StandardCharsets.US_ASCII), PasswordSource.none(),
          NaclKeyfileCipher.BITTENSOR))
          .isInstanceOf(KeyfileException.class).hasMessageContaining("legacy").hasMessageContaining("re-encrypt");
    }
  }

  @Test
  void aSecretThatDoesNotMatchItsPublicKeyIsRefused() {
    String other = Vectors.toHex(Keys.fromUri("//Bob").publicKey());
    String json = "{\"secretSeed\": \"0x" + "11".repeat(32) + "\", \"publicKey\": \"" + other + "\"}";
    assertThatThrownBy(() -> parse(json)).isInstanceOf(KeyfileException.class)
        .hasMessageContaining("does not belong").hasMessageNotContaining("1111");
    String disagreeing = "{\"publicKey\": \"" + other + "\", \"ss58Address\": \"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\"}";
    assertThatThrownBy(() -> parse(disagreeing)).hasMessageContaining("name different accounts");
  }

  @Test
  void malformedFilesNamePositionsNotContents() {
    assertThatThrownBy(() -> parse("{\"secretPhrase\": \"abandon abandon\"")).hasMessageContaining("character")
        .hasMessageNotContaining("abandon");
    assertThatThrownBy(() -> parse("{\"secretPhrase\": [\"x\"]}")).hasMessageContaining("nested");
    assertThatThrownBy(() -> parse("{\"a\": \"1\", \"a\": \"2\"}")).hasMessageContaining("only once");
    assertThatThrownBy(() -> parse("{} trailing")).hasMessageContaining("end of the file");
    assertThatThrownBy(() -> parse("not json")).hasMessageContaining("$NACL");
    assertThatThrownBy(() -> parse("{\"note\": \"x\"}")).hasMessageContaining("holds no key");
    assertThatThrownBy(() -> parse("{\"secretSeed\": \"0x12zz\"}")).hasMessageContaining("hex").hasMessageNotContaining("12zz");
    assertThatThrownBy(() -> parse("{\"secretPhrase\": \"abandon abandon abandon\"}")).hasMessageContaining("12, 15")
        .hasMessageNotContaining("abandon");
    assertThat(Keyfile.parse(Path.of("x"), "{\"x\": null, \"n\": 1.5e3, \"b\": true, \"publicKey\": \"0x\\u0030\"}".replace("0x\\u0030",
        Vectors.toHex(new byte[32])).getBytes(StandardCharsets.UTF_8), PasswordSource.none(), NaclKeyfileCipher.BITTENSOR)
        .keyPair()).isEmpty();
  }

  @Test
  void hexOfOtherScriptsIsRefusedAsAKeyfileError() {
    // Found by KeyfileParseFuzz in CI: Character.digit took ARABIC-INDIC DIGIT FIVE as a hex digit,
    // so the check passed and HexFormat then threw an undeclared NumberFormatException.
    String arabicFive = "\u0665";
    String key = "0x" + "11".repeat(31) + "1" + arabicFive;
    assertThatThrownBy(() -> parse("{\"publicKey\": \"" + key + "\"}")).isInstanceOf(KeyfileException.class)
        .hasMessageContaining("publicKey must be hex; character 63");
    assertThatThrownBy(() -> parse("{\"secretSeed\": \"0x" + "11".repeat(31) + "1" + arabicFive + "\"}"))
        .isInstanceOf(KeyfileException.class).hasMessageContaining("hex");
    // a \\u escape takes ASCII hex digits only, as JSON says
    assertThatThrownBy(() -> parse("{\"note\": \"\\u00" + arabicFive + "1\"}")).isInstanceOf(KeyfileException.class)
        .hasMessageContaining("\\u escape");
  }

  @Test
  void warnsWhenOthersCanReadASecret() throws Exception {
    Path p = file("plain-full");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    KeyfileContents c = Keyfile.read(p, PasswordSource.none());
    assertThat(c.warnings()).singleElement().asString().contains("its group and all users").contains("chmod 600");
    Path pub = file("coldkeypub");
    Files.setPosixFilePermissions(pub, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(Keyfile.read(pub, PasswordSource.none()).warnings()).as("public keys are not secret").isEmpty();
  }

  @Test
  void writesAtomicallyWithMode600AndNeverOverwritesUnasked() throws Exception {
    KeyPair pair = Keys.fromUri(Keys.DEV_PHRASE);
    Path target = dir.resolve("wallets/w/hotkeys/h");
    assertThatThrownBy(() -> Keyfile.write(target, Keys.fromUri("//Alice"), Optional.of(Keys.DEV_PHRASE), false))
        .hasMessageContaining("not the phrase of this key pair");
    Keyfile.write(target, pair, Optional.of(Keys.DEV_PHRASE), false);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target.getParent()))).isEqualTo("rwx------");
    try (var files = Files.list(target.getParent())) {
      assertThat(files).as("no temporary file left").containsExactly(target);
    }
    String json = Files.readString(target);
    // The dev phrase's root account is Substrate's well-known 5DfhGyQd... address.
    assertThat(json).startsWith("{\"accountId\": \"0x46ebddef8cd9bb167dc30878d7113b7e168e6f0646beffd77d69d39bad76b47a\"")
        .contains("\"secretPhrase\": \"bottom drive").contains("\"secretSeed\": \"0x")
        .contains("\"ss58Address\": \"5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV\"");
    KeyfileContents back = Keyfile.read(target, PasswordSource.none());
    assertThat(back.publicKey()).isEqualTo(pair.publicKey());

    assertThatThrownBy(() -> Keyfile.write(target, Keys.fromUri("//Bob"), Optional.empty(), false))
        .isInstanceOf(KeyfileException.class).hasMessageContaining("already exists").hasMessageContaining("--force");
    assertThat(Keyfile.read(target, PasswordSource.none()).publicKey()).isEqualTo(pair.publicKey());
    Keyfile.write(target, Keys.fromUri("//Bob"), Optional.empty(), true);
    assertThat(Keyfile.read(target, PasswordSource.none()).publicKey()).isEqualTo(Keys.fromUri("//Bob").publicKey());
    assertThatThrownBy(() -> Keyfile.write(dir.resolve("e"), Keys.fromUri("//Alice", "ed25519"), Optional.empty(), false))
        .hasMessageContaining("sr25519");
  }

  @Test
  void hugeOrMissingFilesAreRefused() throws Exception {
    Path big = dir.resolve("big");
    Files.write(big, new byte[Keyfile.MAX_SIZE + 1]);
    assertThatThrownBy(() -> Keyfile.read(big, PasswordSource.none())).hasMessageContaining("larger than " + Keyfile.MAX_SIZE);
    assertThatThrownBy(() -> Keyfile.read(dir.resolve("nope"), PasswordSource.none())).hasMessageContaining("does not exist");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aLinkToADeviceAndAFifoAreRefusedAtOnce() throws Exception {
    // /dev/zero states a size of 0 and never ends: a stat-based cap let it fill the heap.
    Path zero = Files.createSymbolicLink(dir.resolve("zero-hotkey"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> Keyfile.read(zero, PasswordSource.none()))
        .isInstanceOf(KeyfileException.class)
        .hasMessage("keyfile " + zero + " is a character device, not a regular file; point to the keyfile itself");
    // A FIFO blocks its reader until someone writes: it must be refused before it is opened.
    Path fifo = dir.resolve("fifo-hotkey");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    assertThatThrownBy(() -> Keyfile.read(fifo, PasswordSource.none()))
        .isInstanceOf(KeyfileException.class)
        .hasMessageContaining("is a FIFO (named pipe), not a regular file");
  }

  private static KeyfileContents parse(String json) {
    return Keyfile.parse(Path.of("test-keyfile"), json.getBytes(StandardCharsets.UTF_8), PasswordSource.none(),
        NaclKeyfileCipher.BITTENSOR);
  }
}
