package io.taoprom.cli.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.cli.CliRun;
import io.taoprom.cli.HostileText;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import io.taoprom.exporter.PluginCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code taoprom register} end to end against the in-JVM fake chain. */
class RegisterCommandTest {

  private static final String PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";
  private static final long IP = 0xcb007107L; // 203.0.113.7

  @TempDir Path dir;
  private FakeChain chain;
  private final List<HttpServer> servers = new ArrayList<>();
  private final byte[] alice = Keys.fromUri("//Alice").publicKey();

  @BeforeEach
  void start() {
    chain = RegistrationChain.start();
  }

  @AfterEach
  void stop() {
    chain.close();
    servers.forEach(s -> s.stop(0));
  }

  private CliRun taoprom(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  private CliRun register(String... extra) {
    List<String> args = new ArrayList<>(List.of("register", "--network", chain.uri().toString(), "--netuid", "1",
        "--port", "9400", "--version-as-int", "100"));
    args.addAll(List.of(extra));
    return taoprom(args.toArray(String[]::new));
  }

  private long submissions() {
    return chain.node.count("author_submitAndWatchExtrinsic");
  }

  private static void assertOneLine(CliRun run, String... expected) {
    // One log line; a parse error's ends with "run 'taoprom register --help' for the options".
    List<String> lines = run.err().lines().toList();
    assertThat(lines).as(run.err()).hasSize(1);
    for (String e : expected) {
      assertThat(lines.get(0)).contains(e);
    }
    assertThat(lines.get(0)).matches("time=\\S+ level=error source=taoprom.register msg=.*").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void registersOnceAndThenIsUpToDate() {
    CliRun first = register("--ip", "203.0.113.7", "--uri", "//Alice");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("registered in block #101 (0x").contains("finalized");
    CliRun second = register("--ip", "203.0.113.7", "--uri", "//Alice");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("already up to date");
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void appVersionWithASchemeGivesTheNumberAndJsonTellsTheOutcome() throws Exception {
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(10, 100, IP, 9400, 4), 1, alice);
    CliRun run = taoprom("register", "--network", chain.uri().toString(), "--netuid", "1", "--port", "9400",
        "--app-version", "1.8.3", "--version-scheme", "sn27", "--ip", "203.0.113.7", "--uri", "//Alice", "--json",
        "--wait", "inclusion");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertThat(j.get("outcome").asText()).isEqualTo("REGISTERED");
    assertThat(j.get("finalized").asBoolean()).isFalse();
    assertThat(j.get("diff").get("version").get("wanted").asText()).isEqualTo("183");
    assertThat(j.get("diff").get("version").get("onChain").asText()).isEqualTo("100");
  }

  @Test
  void dryRunPrintsTheCallAndTheDiffAndSendsNothing() {
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(10, 99, IP, 9400, 4), 1, alice);
    CliRun run = register("--ip", "203.0.113.7", "--uri", "//Alice", "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("dry run, nothing signed or sent")
        .contains("SubtensorModule.serve_prometheus(netuid=1, version=100, ip=" + IP + " (203.0.113.7), port=9400, ip_type=4)")
        .contains("version 99 -> 100");
    assertThat(submissions()).isZero();
  }

  @Test
  void aRateLimitIsReportedWithExitCodeThree() {
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(95, 99, IP, 9400, 4), 1, alice);
    CliRun run = register("--ip", "203.0.113.7", "--uri", "//Alice");
    assertThat(run.exitCode()).isEqualTo(3);
    assertOneLine(run, "ServingRateLimitExceeded", "44 blocks remain", "allowed from block #145", "--wait-rate-limit");
    assertThat(submissions()).isZero();
  }

  @Test
  void anUnregisteredHotkeyIsOneLineWithTheFix() {
    CliRun run = register("--ip", "203.0.113.7", "--uri", "//Bob");
    assertThat(run.exitCode()).isEqualTo(1);
    assertOneLine(run, "HotKeyNotRegisteredInNetwork", "5FHneW46", "btcli subnet register");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theAddressIsDiscoveredWhenNotGivenFallingBackPastABrokenProvider() throws Exception {
    HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    broken.createContext("/", ex -> {
      ex.sendResponseHeaders(500, -1);
      ex.close();
    });
    HttpServer good = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    good.createContext("/", ex -> {
      byte[] b = "198.51.100.9\n".getBytes(StandardCharsets.US_ASCII);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    broken.start();
    good.start();
    servers.add(broken);
    servers.add(good);
    CliRun run = register("--uri", "//Alice", "--ip.provider", "http://127.0.0.1:" + broken.getAddress().getPort()
        + "/,http://127.0.0.1:" + good.getAddress().getPort() + "/");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("external address 198.51.100.9");
    assertThat(run.out()).contains("ip (none) -> 198.51.100.9");
  }

  @Test
  void aPrivateAddressIsWarnedAbout() {
    CliRun run = register("--ip", "10.0.0.5", "--uri", "//Alice", "--dry-run");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("level=warn source=taoprom.register msg=\"10.0.0.5 is a private address").contains("--ip");
  }

  @Test
  void badInputIsOneLineNamingTheProblemAndTheFixWithoutSecrets() throws Exception {
    CliRun port = register("--port", "70000", "--ip", "203.0.113.7", "--uri", "//Alice");
    assertThat(port.exitCode()).isEqualTo(2);
    assertOneLine(port, "--port 70000 is out of range", "1 to 65535");

    CliRun v6 = register("--ip", "2001:db8::7", "--ip-type", "4", "--uri", "//Alice");
    assertThat(v6.exitCode()).isEqualTo(2);
    assertOneLine(v6, "is an IPv6 address but --ip-type is 4", "--ip-type 6");

    CliRun noWallet = register("--ip", "203.0.113.7", "--wallet.path", dir.resolve("none").toString());
    assertThat(noWallet.exitCode()).isEqualTo(1);
    assertOneLine(noWallet, "does not exist", "--wallet.path");

    Path pubOnly = dir.resolve("w/miner/hotkeys/default");
    Files.createDirectories(pubOnly.getParent());
    Files.write(pubOnly, Keyfile.toPublicJson(alice));
    CliRun noSecret = register("--ip", "203.0.113.7", "--wallet.path", dir.resolve("w").toString(), "--wallet.name", "miner");
    assertThat(noSecret.exitCode()).isEqualTo(1);
    assertOneLine(noSecret, "holds only a public key", "regen_hotkey");

    CliRun netuid = taoprom("register", "--network", chain.uri().toString(), "--netuid", "9", "--port", "9400",
        "--version-as-int", "1", "--ip", "203.0.113.7", "--uri", "//Alice");
    assertThat(netuid.exitCode()).isEqualTo(1);
    assertOneLine(netuid, "netuid 9 does not exist", "--netuid");

    CliRun badUri = register("--ip", "203.0.113.7", "--uri", PHRASE.replace("yellow", "yellowz"));
    assertThat(badUri.exitCode()).isEqualTo(2);
    assertOneLine(badUri, "invalid --uri");
    assertThat(badUri.err()).doesNotContain("legal winner");

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Keys.fromUri(PHRASE); // a valid phrase: it must not be printed with the failure
    CliRun unreachable = taoprom("register", "--network", "ws://127.0.0.1:" + closed, "--netuid", "1", "--port", "9400",
        "--version-as-int", "1", "--ip", "203.0.113.7", "--uri", PHRASE + "//hot");
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertOneLine(unreachable, "NodeUnreachable", "127.0.0.1:" + closed, "--network");
    assertThat(unreachable.err() + unreachable.out()).doesNotContain("legal winner");
    assertThat(submissions()).isZero();
  }

  @Test
  void aWrongKeyfilePasswordIsNamedWithoutThePassword() throws Exception {
    NaclKeyfileCipher cheap = NaclKeyfileCipher.withLimits(3, 1 << 20);
    KeyPair pair = Keys.fromUri(PHRASE);
    Path file = dir.resolve("w/miner/hotkeys/default");
    Files.createDirectories(file.getParent());
    Files.write(file, cheap.encrypt(Keyfile.toJson(pair, Optional.empty()), "right".getBytes(StandardCharsets.UTF_8)));
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new RegisterCommand(PasswordSource.of("hunter2".toCharArray()), cheap));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    // As the taoprom command line does (ConsoleErrors): the message, no stack trace.
    cli.setExecutionExceptionHandler((ex, c, parsed) -> {
      c.getErr().println(c.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
      return 1;
    });
    int code = cli.execute("--network", chain.uri().toString(), "--netuid", "1", "--port", "9400", "--version-as-int", "1",
        "--ip", "203.0.113.7", "--wallet.path", dir.resolve("w").toString(), "--wallet.name", "miner");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("wrong password").contains("TAOPROM_KEYFILE_PASSWORD").doesNotContain("hunter2");
    assertThat(submissions()).isZero();
  }

  @Test
  void aPoolRejectionWithHostileTextIsOneEscapedShortLine() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.replyError(1010, "Invalid Transaction", HostileText.TEXT);
        return true;
      }
      return false;
    });
    CliRun run = register("--uri", "//Alice", "--ip", "203.0.113.7");
    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(CliRun.withoutTime(run.err()).get(0)).startsWith("level=info source=taoprom.register msg=\"submitting serve_prometheus");
    assertThat(run.messages().get(1)).startsWith("invalid (" + HostileText.ESCAPED_START);
    HostileText.assertNoTerminalControls(run.err());
    assertThat(run.err().length()).isLessThan(1500);
    assertThat(submissions()).isEqualTo(1);
  }

  private CliRun registerWith(String... versionArgs) {
    List<String> args = new ArrayList<>(List.of("register", "--network", chain.uri().toString(), "--netuid", "1",
        "--port", "9400", "--ip", "203.0.113.7", "--uri", "//Alice", "--wait", "inclusion"));
    args.addAll(List.of(versionArgs));
    return taoprom(args.toArray(String[]::new));
  }

  @Test
  void appVersionFromRegistersTheVersionTheNeuronsFileDeclares() throws Exception {
    Path init = dir.resolve("compute/__init__.py");
    Files.createDirectories(init.getParent());
    Files.writeString(init, "import string\n\n__version__ = \"1.9.0\"\n__minimal_validator_version__ = \"1.8.3\"\n"
        + "version_split = __version__.split(\".\")\n");
    CliRun run = registerWith("--app-version-from", init.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("registered in block #").contains("version (none) -> 190");
    assertThat(run.err()).contains("level=info source=taoprom.register msg=\"version 190 (1.9.0 in " + init + ", sn27");
    assertThat(PrometheusInfo.from(chain.get("SubtensorModule", "Prometheus", 1, alice)).version()).isEqualTo(190);

    Path bare = dir.resolve("VERSION");
    Files.writeString(bare, "2.0.1\n");
    CliRun dry = registerWith("--app-version-from", bare.toString(), "--version-scheme", "bittensor", "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("version=2000001");
    assertThat(submissions()).isEqualTo(1); // the dry run sent nothing
  }

  @Test
  void aVersionFileThatCannotBeUsedIsOneLineNamingTheFileAndLine() throws Exception {
    CliRun missing = registerWith("--app-version-from", dir.resolve("none.py").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertOneLine(missing, "cannot read version file " + dir.resolve("none.py") + ": no such file");

    Path computed = dir.resolve("computed.py");
    Files.writeString(computed, "import x\n__version__ = x.version()\n");
    CliRun bad = registerWith("--app-version-from", computed.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertOneLine(bad, "version file " + computed + ", line 2: __version__ is not assigned a string literal");

    CliRun both = registerWith("--app-version-from", computed.toString(), "--app-version", "1.9.0");
    assertThat(both.exitCode()).isEqualTo(2);
    assertOneLine(both, "--version-as-int, --app-version and --app-version-from each give the version; use one");
    assertThat(submissions()).isZero();
  }

  @Test
  void theOldVersionFlagStillWorksWithOneDeprecationLine() {
    CliRun run = registerWith("--version", "100");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("registered in block #");
    assertThat(run.errLines().stream().filter(l -> l.startsWith("level=warn")).toList()).containsExactly("level=warn"
        + " source=taoprom.register msg=\"--version is deprecated (taoprom --version prints the program's version); use --version-as-int\"");
    assertThat(run.messages()).hasSize(2).last().asString().startsWith("submitting serve_prometheus");
    CliRun both = registerWith("--version", "100", "--version-as-int", "100");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--version-as-int and --version both give the version number");
    assertThat(taoprom("register", "--help").out()).contains("--version-as-int").doesNotContain("--version=");
  }

  @Test
  void helpListsTheCommand() {
    assertThat(taoprom("--help").out()).contains("register").contains("status");
    CliRun help = taoprom("register", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--wait-rate-limit").contains("--dry-run").contains("--app-version")
        .contains("--app-version-from=FILE").contains("--version-as-int=INT");
  }
}
