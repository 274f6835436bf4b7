package io.taoprom.cli.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.cli.CliRun;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeySchemes;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Mnemonic;
import io.taoprom.core.keys.Ss58;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import io.taoprom.exporter.PluginCatalog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeyCommandTest {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String ALICE_HEX = "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CliRun taoprom(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  private static JsonNode json(CliRun run) throws Exception {
    return JSON.readTree(run.out());
  }

  @Test
  void inspectsSecretUrisAsText() {
    CliRun run = taoprom("key", "inspect", "//Alice");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(String.join("\n",
        "Public key (hex):  " + ALICE_HEX,
        "Account ID:        " + ALICE_HEX,
        "SS58 address:      " + ALICE,
        "Scheme:            sr25519", ""));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void inspectsAsJsonWithExactlyThePublicFields() throws Exception {
    JsonNode j = json(taoprom("key", "inspect", "//Alice", "--json"));
    assertThat(j.size()).isEqualTo(4);
    assertThat(j.get("publicKey").asText()).isEqualTo(ALICE_HEX);
    assertThat(j.get("accountId").asText()).isEqualTo(ALICE_HEX);
    assertThat(j.get("ss58Address").asText()).isEqualTo(ALICE);
    assertThat(j.get("scheme").asText()).isEqualTo("sr25519");

    JsonNode polkadot = json(taoprom("key", "inspect", "//Alice", "--network-prefix", "0", "--json"));
    assertThat(polkadot.get("ss58Address").asText()).isEqualTo("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
    JsonNode ed = json(taoprom("key", "inspect", "//Alice", "--scheme", "ed25519", "--json"));
    assertThat(ed.get("publicKey").asText()).isEqualTo("0x88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    assertThat(ed.get("scheme").asText()).isEqualTo("ed25519");
    JsonNode pub = json(taoprom("key", "inspect", "--public", ALICE, "--json"));
    assertThat(pub.get("publicKey").asText()).isEqualTo(ALICE_HEX);
  }

  @Test
  void inspectsKeyfilesAndWarnsAboutLoosePermissions() throws Exception {
    Path file = dir.resolve("hotkey");
    Keyfile.write(file, Keys.fromUri(Keys.DEV_PHRASE), Optional.of(Keys.DEV_PHRASE), false);
    CliRun run = taoprom("key", "inspect", "--keyfile", file.toString(), "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(json(run).get("ss58Address").asText()).isEqualTo("5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV");
    assertThat(run.out()).doesNotContain("bottom").doesNotContain("privateKey");
    assertThat(run.err()).isEmpty();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    CliRun loose = taoprom("key", "inspect", "--keyfile", file.toString());
    assertThat(loose.exitCode()).isZero();
    assertThat(loose.err()).contains("level=warn source=taoprom.key.inspect msg=").contains("chmod 600");

    CliRun missing = taoprom("key", "inspect", "--keyfile", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");
  }

  @Test
  void badInputIsExitCode2WithoutEchoingSecrets() {
    CliRun run = taoprom("key", "inspect", "legal winner thank year wave sausage worth useful legal winner thank yellowz");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("level=error source=taoprom.key.inspect msg=\"invalid URI").doesNotContain("legal winner").doesNotContain("Exception");
    assertThat(taoprom("key", "inspect").exitCode()).isEqualTo(2);
    assertThat(taoprom("key", "inspect", "//Alice", "--public", ALICE).exitCode()).as("mutually exclusive").isEqualTo(2);
    assertThat(taoprom("key", "inspect", "//Alice/soft", "--scheme", "ed25519").err()).contains("no soft derivation");
    assertThat(taoprom("key", "inspect", "//Alice", "--network-prefix", "46").exitCode()).isEqualTo(2);
    CliRun badScheme = taoprom("key", "sign", "--uri", "//Alice", "--message", "00", "--scheme", "ecdsa");
    assertThat(badScheme.exitCode()).isEqualTo(2);
    assertThat(badScheme.err()).contains("invalid --scheme").contains("sr25519");
  }

  @Test
  void generatesAPrintableKey() throws Exception {
    CliRun run = taoprom("key", "generate", "--words", "24", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode j = json(run);
    String phrase = j.get("secretPhrase").asText();
    assertThat(phrase.split(" ")).hasSize(24);
    assertThat(Mnemonic.isValid(phrase)).isTrue();
    KeyPair pair = Keys.fromPhrase(phrase, "", "sr25519");
    assertThat(j.get("publicKey").asText()).isEqualTo("0x" + HexFormat.of().formatHex(pair.publicKey()));
    assertThat(j.get("ss58Address").asText()).isEqualTo(Ss58.encode(pair.publicKey(), 42));
    assertThat(j.get("secretSeed").asText()).isEqualTo("0x" + HexFormat.of().formatHex(Mnemonic.toMiniSecret(phrase, "")));
    assertThat(taoprom("key", "generate", "--words", "13").exitCode()).isEqualTo(2);
  }

  @Test
  void generatesIntoAWalletWithoutPrintingThePhraseAndNeverOverwrites() throws Exception {
    String[] args = {"key", "generate", "--wallet.path", dir.toString(), "--wallet.name", "miner", "--wallet.hotkey", "gpu0", "--json"};
    CliRun run = taoprom(args);
    assertThat(run.exitCode()).isZero();
    JsonNode j = json(run);
    assertThat(j.has("secretPhrase")).isFalse();
    Path file = dir.resolve("miner/hotkeys/gpu0");
    assertThat(j.get("keyfile").asText()).isEqualTo(file.toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    byte[] stored = Keyfile.read(file, PasswordSource.none()).publicKey();
    assertThat(j.get("publicKey").asText()).isEqualTo("0x" + HexFormat.of().formatHex(stored));

    CliRun again = taoprom(args);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already exists").contains("--force");
    assertThat(Keyfile.read(file, PasswordSource.none()).publicKey()).isEqualTo(stored);

    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertThat(taoprom(forced).exitCode()).isZero();
    assertThat(Keyfile.read(file, PasswordSource.none()).publicKey()).isNotEqualTo(stored);
    assertThat(taoprom("key", "generate", "--wallet.name", "x", "--scheme", "ed25519").exitCode()).isEqualTo(2);
  }

  @Test
  void signsAndVerifiesWithExitCodes() throws Exception {
    CliRun signed = taoprom("key", "sign", "--uri", "//Alice", "--message", "0x1234");
    assertThat(signed.exitCode()).isZero();
    String sig = signed.out().strip();
    assertThat(sig).matches("0x[0-9a-f]{128}");
    assertThat(KeySchemes.named("sr25519").verify(Ss58.decodeAccountId(ALICE), new byte[] {0x12, 0x34},
        HexFormat.of().parseHex(sig.substring(2)))).isTrue();

    CliRun valid = taoprom("key", "verify", "--public", ALICE, "--message", "1234", "--signature", sig);
    assertThat(valid.exitCode()).isZero();
    assertThat(valid.out()).isEqualTo("valid\n");
    String tampered = sig.substring(0, 10) + (sig.charAt(10) == '0' ? '1' : '0') + sig.substring(11);
    CliRun invalid = taoprom("key", "verify", "--public", ALICE_HEX, "--message", "0x1234", "--signature", tampered);
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.out()).isEqualTo("invalid\n");
    String otherScript = sig.substring(0, sig.length() - 1) + "\u0665"; // ARABIC-INDIC DIGIT FIVE
    CliRun notHex = taoprom("key", "verify", "--public", ALICE_HEX, "--message", "0x1234", "--signature", otherScript);
    assertThat(notHex.exitCode()).isEqualTo(2);
    assertThat(notHex.err()).contains("invalid --signature").contains("is not a hex digit").doesNotContain("Exception");
    JsonNode j = json(taoprom("key", "verify", "--public", ALICE, "--message", "0x1235", "--signature", sig, "--json"));
    assertThat(j.get("valid").isBoolean()).isTrue();
    assertThat(j.get("valid").asBoolean()).isFalse();

    assertThat(taoprom("key", "verify", "--public", ALICE, "--message", "0x12z4", "--signature", sig).exitCode()).isEqualTo(2);
    assertThat(taoprom("key", "verify", "--public", "5Grw", "--message", "0x12", "--signature", sig).exitCode()).isEqualTo(2);
    assertThat(taoprom("key", "verify", "--public", ALICE, "--message", "0x12", "--signature", "0x00").exitCode()).isEqualTo(2);
    assertThat(taoprom("key", "verify", "--public", ALICE, "--message", "0x12", "--signature", sig, "--scheme", "ecdsa")
        .exitCode()).isEqualTo(2);

    JsonNode edSig = json(taoprom("key", "sign", "--uri", "//Bob", "--scheme", "ed25519", "--message", "abcd", "--json"));
    assertThat(edSig.get("scheme").asText()).isEqualTo("ed25519");
    assertThat(taoprom("key", "verify", "--scheme", "ed25519", "--public", edSig.get("publicKey").asText(),
        "--message", "abcd", "--signature", edSig.get("signature").asText()).exitCode()).isZero();
  }

  @Test
  void signsWithAnEncryptedKeyfile() throws Exception {
    NaclKeyfileCipher cipher = NaclKeyfileCipher.withLimits(3, 1 << 20);
    KeyPair pair = Keys.fromUri(Keys.DEV_PHRASE);
    byte[] sealed = cipher.encrypt(Keyfile.toJson(pair, Optional.empty()), "pw".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("coldkey");
    Files.write(file, sealed);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KeyCommand(PasswordSource.of("pw".toCharArray()), cipher));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("sign", "--keyfile", file.toString(), "--message", "0x01");
    assertThat(code).as(err.toString()).isZero();
    byte[] sig = HexFormat.of().parseHex(out.toString().strip().substring(2));
    assertThat(pair.verify(new byte[] {1}, sig)).isTrue();

    CommandLine wrong = new CommandLine(new KeyCommand(PasswordSource.of("nope".toCharArray()), cipher));
    StringWriter wrongErr = new StringWriter();
    wrong.setErr(new PrintWriter(wrongErr, true));
    wrong.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(wrong.execute("sign", "--keyfile", file.toString(), "--message", "0x01")).isNotZero();
    assertThat(wrongErr.toString()).contains("wrong password").doesNotContain("nope");
  }

  @Test
  void helpListsTheKeyCommands() {
    CliRun run = taoprom("key", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("inspect").contains("generate").contains("sign").contains("verify");
    assertThat(taoprom("--help").out()).containsPattern("(?m)^\\s+key\\s+Inspect, generate");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void inspectRefusesALinkToDevZeroAndAFifoWithOneLine() throws Exception {
    // Before: /dev/zero passed the 64 KiB check (stat says 0 bytes) and filled the heap; a FIFO hung.
    Path zero = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
    CliRun run = taoprom("key", "inspect", "--keyfile", zero.toString());
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("is a character device, not a regular file").hasLineCount(1);

    Path fifo = dir.resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    CliRun fifoRun = taoprom("key", "inspect", "--keyfile", fifo.toString());
    assertThat(fifoRun.exitCode()).isNotZero();
    assertThat(fifoRun.err()).contains("is a FIFO (named pipe), not a regular file").hasLineCount(1);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void anEndlessStandardInputIsCutAtItsCapWithoutASecretInTheMessage() {
    // An endless line: what a pipe from /dev/zero or a runaway program would send as "-".
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'a';
      }
    };
    CommandLine cli = new CommandLine(new InspectCommand());
    assertThatThrownBy(() -> KeyInput.fromUri(cli.getCommandSpec(), "URI", "-", "sr25519", endless))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("longer than " + KeyInput.MAX_STDIN_LINE + " bytes")
        .hasMessageNotContaining("aaaa");
    InputStream phrase = new ByteArrayInputStream((Keys.DEV_PHRASE + "//Alice\nrest").getBytes(StandardCharsets.UTF_8));
    assertThat(KeyInput.fromUri(cli.getCommandSpec(), "URI", "-", "sr25519", phrase).publicKey())
        .isEqualTo(Keys.fromUri("//Alice").publicKey());
  }
}
