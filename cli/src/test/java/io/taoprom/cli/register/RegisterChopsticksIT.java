package io.taoprom.cli.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.registration.ChopsticksNode;
import io.taoprom.cli.CliRun;
import io.taoprom.exporter.PluginCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code taoprom register}, {@code status} and {@code targets} against a real Subtensor runtime in chopsticks
 * (needs {@code TAOPROM_CHAIN_SPEC}; skipped without it, failed without it when {@code CI=true}). chopsticks builds a block per
 * transaction, so an unchanged best block proves that nothing was sent; {@code dev_newBlock} lets the rate limit pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisterChopsticksIT {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static ChopsticksNode node;

  @BeforeAll
  static void start() throws Exception {
    node = ChopsticksNode.startOrSkip("RegisterChopsticksIT", 1);
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private static CliRun taoprom(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  private static CliRun register(String port) {
    return taoprom("register", "--network", node.url(), "--netuid", "1", "--port", port, "--ip", "203.0.113.7",
        "--app-version", "1.8.3", "--uri", "//Alice");
  }

  private static JsonNode status() throws Exception {
    CliRun run = taoprom("status", "--network", node.url(), "--netuid", "1", "--hotkey", ALICE, "--ip", "203.0.113.7",
        "--port", "9400", "--version-as-int", "183", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  @Order(1)
  void registersThenIsUpToDateWithoutSending() throws Exception {
    CliRun first = register("9400");
    System.out.println(first.out() + first.err());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("registered in block #");
    long block = status().get("currentBlock").asLong();

    CliRun second = register("9400");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).startsWith("already up to date");
    assertThat(status().get("currentBlock").asLong()).isEqualTo(block);
  }

  @Test
  @Order(2)
  void statusShowsWhatWasRegistered() throws Exception {
    JsonNode s = status();
    assertThat(s.get("uid").asInt()).isZero();
    assertThat(s.get("prometheus").get("ip").asText()).isEqualTo("203.0.113.7");
    assertThat(s.get("prometheus").get("port").asInt()).isEqualTo(9400);
    assertThat(s.get("prometheus").get("version").asLong()).isEqualTo(183);
    assertThat(s.get("upToDate").asBoolean()).isTrue();
    assertThat(s.get("blocksUntilAllowed").asLong()).isPositive();
    CliRun text = taoprom("status", "--network", node.url(), "--netuid", "1", "--uri", "//Alice", "--no-discover");
    System.out.println(text.out());
    assertThat(text.out()).contains("prometheus:        203.0.113.7:9400 version 183");
  }

  @Test
  @Order(3)
  void aChangedPortInsideTheRateLimitWindowIsReportedNotSent() throws Exception {
    long block = status().get("currentBlock").asLong();
    CliRun run = register("9401");
    System.out.println(run.err());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("ServingRateLimitExceeded (not sent)").contains("port 9400 -> 9401");
    assertThat(status().get("currentBlock").asLong()).isEqualTo(block);
  }

  @Test
  @Order(4)
  void targetsListsTheRegisteredEndpointForPrometheus() throws Exception {
    CliRun run = taoprom("targets", "--network", node.url(), "--netuid", "1", "--format", "http_sd");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode groups = new ObjectMapper().readTree(run.out());
    JsonNode alice = null;
    for (JsonNode group : groups) {
      if (ALICE.equals(group.get("labels").get("hotkey").asText())) {
        alice = group;
      }
    }
    assertThat(alice).as(run.out()).isNotNull();
    assertThat(alice.get("targets")).singleElement().satisfies(t -> assertThat(t.asText()).isEqualTo("203.0.113.7:9400"));
    assertThat(alice.get("labels").get("netuid").asText()).isEqualTo("1");
    assertThat(alice.get("labels").get("uid").asText()).isEqualTo("0");
    assertThat(alice.get("labels").get("version").asText()).isEqualTo("183");
  }

  @Test
  @Order(5)
  void appVersionFromRegistersTheVersionOfTheNeuronsFile() throws Exception {
    java.nio.file.Path init = java.nio.file.Files.createTempFile("taoprom-compute-init", ".py");
    try {
      java.nio.file.Files.writeString(init, "import string\n\n# Define the version of the template module.\n"
          + "__version__ = \"1.9.0\"\n__minimal_validator_version__ = \"1.8.3\"\n");
      long waiting = status().get("blocksUntilAllowed").asLong();
      node.newBlocks((int) waiting); // the rate limit of the earlier registration passes
      CliRun run = taoprom("register", "--network", node.url(), "--netuid", "1", "--port", "9400", "--ip", "203.0.113.7",
          "--app-version-from", init.toString(), "--uri", "//Alice");
      System.out.println(run.out() + run.err());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("registered in block #").contains("version 183 -> 190");
      CliRun s = taoprom("status", "--network", node.url(), "--netuid", "1", "--hotkey", ALICE, "--ip", "203.0.113.7",
          "--port", "9400", "--app-version-from", init.toString(), "--json");
      JsonNode j = new ObjectMapper().readTree(s.out());
      assertThat(j.get("prometheus").get("version").asLong()).isEqualTo(190); // sn27: 100*1 + 10*9 + 0
      assertThat(j.get("upToDate").asBoolean()).isTrue();
    } finally {
      java.nio.file.Files.deleteIfExists(init);
    }
  }
}
