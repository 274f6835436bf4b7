package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.registration.ChopsticksNode;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.wallet.Keyfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom serve --register --register.app-version-from FILE} beside a neuron that updates
 * itself, on a real Subtensor runtime in chopsticks (needs {@code TAOPROM_CHAIN_SPEC}; skipped
 * without it, failed without it when {@code CI=true}): the file's version is registered at start;
 * after the file changes, the rate limit holds the new version back; once the chain passes the
 * limit ({@code dev_newBlock}), serve registers it by itself. The hotkey is btcli's default
 * wallet and hotkey under {@code $HOME}, found without any hotkey option.
 */
class ChopsticksServeRegisterIT {

  private static final int NETUID = 1;
  private static final long RATE_LIMIT = 5;
  private static final byte[] ALICE = Keys.fromUri("//Alice").publicKey();
  private static ChopsticksNode node;

  @TempDir Path home;

  @BeforeAll
  static void start() throws Exception {
    node = ChopsticksNode.startOrSkip("ChopsticksServeRegisterIT", NETUID,
        Map.of("ServingRateLimit", List.of(List.of(List.of(NETUID), RATE_LIMIT))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  private static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(500);
    }
  }

  @Test
  void theRegisteredVersionFollowsTheNeuronsFileWithoutARestart() throws Exception {
    // btcli's default wallet and hotkey, under this HOME: serve finds them with no hotkey option.
    Keyfile.write(home.resolve(".bittensor/wallets/default/hotkeys/default"), Keys.fromUri("//Alice"), Optional.empty(),
        false);
    Path init = home.resolve("compute-subnet/compute/__init__.py");
    Files.createDirectories(init.getParent());
    Files.writeString(init, "import string\n\n__version__ = \"1.8.3\"\n__minimal_validator_version__ = \"1.8.3\"\n");

    try (Subtensor chain = Subtensor.builder().network(node.url()).requestTimeout(Duration.ofSeconds(60)).build();
        ServeProcess serve = ServeProcess.start(List.of("-Xmx96m"), List.of("--collector.disable-defaults",
            "--collector.loadavg", "--network", node.url(), "--register", "--register.netuid", String.valueOf(NETUID),
            "--register.ip", "203.0.113.7", "--register.app-version-from", init.toString(), "--register.wait", "inclusion"),
            Map.of("HOME", home.toString()))) {
      await("version 183 on chain", Duration.ofSeconds(120), () -> version(chain) == 183);
      assertThat(serve.stderr()).contains("registering 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY on netuid 1")
          .contains("version 183 (1.8.3 in " + init);

      // The neuron updates itself; the registration is rate-limited, so nothing is sent yet.
      Files.writeString(init, "import string\n\n__version__ = \"1.9.0\"\n__minimal_validator_version__ = \"1.9.0\"\n");
      await("the rate-limited round", Duration.ofSeconds(60),
          () -> metrics(serve).contains("taoprom_chain_registration_attempts_total{outcome=\"rate_limited\"}"));
      assertThat(version(chain)).isEqualTo(183);
      assertThat(serve.stderr()).contains("the version changed from 183 to 190");

      // The chain passes the rate limit: serve registers the new version by itself.
      PrometheusInfo held = chain.prometheusInfo(NETUID, ALICE);
      node.newBlocks((int) Math.max(1, held.block() + RATE_LIMIT - chain.currentBlock()));
      await("version 190 on chain", Duration.ofSeconds(60), () -> version(chain) == 190);
      await("the series to say so", Duration.ofSeconds(30), () -> metrics(serve).contains("version=\"190\""));
      System.out.println(serve.stderr());
      assertThat(metrics(serve)).contains("\ntaoprom_chain_registered 1");
    }
  }

  private static long version(Subtensor chain) {
    PrometheusInfo info = chain.prometheusInfo(NETUID, ALICE);
    return info == null ? -1 : info.version();
  }

  private static String metrics(ServeProcess serve) {
    try {
      return serve.get("/metrics").body();
    } catch (Exception e) {
      return "";
    }
  }
}
