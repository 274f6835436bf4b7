package io.taoprom.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.FakeChain;
import io.taoprom.cli.CliRun;
import io.taoprom.cli.HostileText;
import io.taoprom.cli.register.RegistrationChain;
import io.taoprom.core.keys.Keys;
import io.taoprom.exporter.PluginCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code taoprom status} against the in-JVM fake chain. */
class StatusCommandTest {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final long IP = 0xcb007107L;
  private FakeChain chain;

  @BeforeEach
  void start() {
    chain = RegistrationChain.start();
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(95, 182, IP, 7091, 4), 1,
        Keys.fromUri("//Alice").publicKey());
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private CliRun taoprom(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  @Test
  void showsTheChainBesideThisMachineAsADiff() {
    CliRun run = taoprom("status", "--network", chain.uri().toString(), "--netuid", "1", "--hotkey", ALICE,
        "--ip", "203.0.113.7", "--port", "7091", "--app-version", "1.8.3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("hotkey:            " + ALICE).contains("uid:               0")
        .contains("prometheus:        203.0.113.7:7091 version 182").contains("last serve block:  #95")
        .contains("axon:              none").contains("44 blocks until a serve is allowed")
        .contains("diff:              version 182 -> 183");
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isZero();
  }

  @Test
  void jsonWithAUriAndNoDiscovery() throws Exception {
    CliRun run = taoprom("status", "--network", chain.uri().toString(), "--netuid", "1", "--uri", "//Alice",
        "--no-discover", "--port", "7091", "--version-as-int", "182", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertThat(j.get("hotkey").asText()).isEqualTo(ALICE);
    assertThat(j.get("uid").asInt()).isZero();
    assertThat(j.get("prometheus").get("block").asLong()).isEqualTo(95);
    assertThat(j.get("prometheus").get("ip").asText()).isEqualTo("203.0.113.7");
    assertThat(j.get("blocksUntilAllowed").asLong()).isEqualTo(44);
    assertThat(j.get("upToDate").asBoolean()).isTrue();
  }

  @Test
  void aNodesErrorTextReachesTheTerminalEscapedAndCutShort() {
    chain.intercept(r -> {
      r.replyError(-32000, HostileText.TEXT, HostileText.TEXT);
      return true;
    });
    CliRun run = taoprom("status", "--network", chain.uri().toString(), "--netuid", "1", "--hotkey", ALICE, "--no-discover");
    assertThat(run.exitCode()).isEqualTo(1);
    // The message as logfmt carries it: a log parser gets back the escaped text, \x1b as four characters.
    assertThat(run.messages()).singleElement().asString().startsWith("RpcError: chain_getHeader on " + chain.uri()
        + " failed with error -32000: " + HostileText.ESCAPED_START);
    assertThat(run.errLines()).singleElement().asString().startsWith("level=error source=taoprom.status msg=");
    HostileText.assertNoTerminalControls(run.err());
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err().length()).isLessThan(2500);
  }

  @Test
  void anUnknownNetuidOrAnUnregisteredHotkeyIsSaid() {
    CliRun none = taoprom("status", "--network", chain.uri().toString(), "--netuid", "5", "--hotkey", ALICE, "--no-discover");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err()).contains("netuid 5 does not exist").contains("--netuid");
    CliRun bob = taoprom("status", "--network", chain.uri().toString(), "--netuid", "1", "--uri", "//Bob", "--no-discover");
    assertThat(bob.exitCode()).isZero();
    assertThat(bob.out()).contains("not registered on this subnet").contains("prometheus:        none");
    CliRun both = taoprom("status", "--network", chain.uri().toString(), "--netuid", "1", "--uri", "//Bob", "--hotkey", ALICE);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("name two hotkeys");
  }
}
