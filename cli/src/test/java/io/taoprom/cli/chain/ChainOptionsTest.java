package io.taoprom.cli.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.rpc.HostileNode;
import io.taoprom.chain.rpc.NodeBehaviours;
import io.taoprom.cli.CliRun;
import io.taoprom.cli.targets.DurationConverter;
import io.taoprom.exporter.PluginCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code --chain.*} options: the same names on every chain command, checked, and in effect. */
class ChainOptionsTest {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final List<String> OPTIONS = List.of("--chain.timeout", "--chain.connect-timeout",
      "--chain.request-timeout", "--chain.retry.attempts", "--chain.retry.delay", "--chain.retry.backoff",
      "--chain.retry.max-delay", "--chain.max-message-size");

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private HostileNode node(HostileNode.Behaviour b) {
    HostileNode n = HostileNode.start(b);
    open.add(n);
    return n;
  }

  private static CliRun taoprom(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  private static CliRun status(String network, String... extra) {
    List<String> args = new ArrayList<>(List.of("status", "--network", network, "--netuid", "1", "--hotkey", ALICE,
        "--no-discover"));
    args.addAll(List.of(extra));
    return taoprom(args.toArray(String[]::new));
  }

  private static Duration timed(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void everyChainCommandHasTheSameOptionsWithTheSameDefaults() {
    for (String command : List.of("register", "status", "targets", "serve")) {
      String help = taoprom(command, "--help").out().replaceAll("\\s+", " ");
      for (String option : OPTIONS) {
        assertThat(help).as(command + " --help").contains(option);
      }
      assertThat(help).as(command).contains("every retry (default: 15s)").contains("between attempts (default: 4s)")
          .contains("(default: 16MiB;").contains("(default: 3);").contains("multiplied by (default: 2)");
    }
  }

  @Test
  void aWrongValueIsACommandLineErrorNamingTheOption() {
    String network = "ws://127.0.0.1:1";
    CliRun attempts = status(network, "--chain.retry.attempts", "0");
    assertThat(attempts.exitCode()).isEqualTo(2);
    assertThat(attempts.err()).contains("--chain.retry.attempts must be at least 1");
    CliRun delays = status(network, "--chain.retry.delay", "5s", "--chain.retry.max-delay", "1s");
    assertThat(delays.exitCode()).isEqualTo(2);
    assertThat(delays.err()).contains("--chain.retry.max-delay").contains("--chain.retry.delay");
    CliRun backoff = status(network, "--chain.retry.backoff", "0.5");
    assertThat(backoff.exitCode()).isEqualTo(2);
    assertThat(backoff.err()).contains("--chain.retry.backoff");
    CliRun small = status(network, "--chain.max-message-size", "1KiB");
    assertThat(small.exitCode()).isEqualTo(2);
    assertThat(small.err()).contains("--chain.max-message-size 1024 is below the 64KiB");
    assertThat(status(network, "--chain.timeout", "0").exitCode()).isEqualTo(2);
    assertThat(status(network, "--chain.timeout", "soon").err()).contains("'soon' is not a duration");
  }

  @Test
  void theDeadlineTheRequestTimeoutAndTheAttemptsTakeEffect() {
    HostileNode silent = node(NodeBehaviours.silentAfterHandshake());
    String uri = silent.wsUri().toString();
    CliRun[] run = new CliRun[1];
    Duration took = timed(() -> run[0] = status(uri, "--chain.timeout", "1200ms"));
    assertThat(run[0].exitCode()).isEqualTo(1);
    assertThat(run[0].err()).contains("gave up at the deadline of 1.2 s").contains("--chain.timeout (1.2s)");
    assertThat(took).isLessThan(Duration.ofSeconds(4));

    took = timed(() -> run[0] = status(uri, "--chain.request-timeout", "300ms", "--chain.retry.attempts", "2",
        "--chain.retry.delay", "100ms", "--chain.timeout", "20s"));
    assertThat(run[0].err()).contains("got no answer within 300 ms (gave up after 2 attempts)");
    assertThat(took).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void theOlderNamesStillWork() {
    HostileNode silentTcp = node(NodeBehaviours.silentTcp());
    String uri = silentTcp.wsUri().toString();
    CliRun status = status(uri, "--connect-timeout", "1", "--chain.retry.attempts", "1");
    assertThat(status.err()).contains("no connection within 1000 ms");
    HostileNode silent = node(NodeBehaviours.silentAfterHandshake());
    CliRun targets = taoprom("targets", "--network", silent.wsUri().toString(), "--netuid", "1", "--timeout", "1",
        "--chain.retry.attempts", "1");
    assertThat(targets.exitCode()).isEqualTo(1);
    assertThat(targets.err()).contains("got no answer within 1000 ms");
  }

  @Test
  void sizesAndDurationsAreReadAsWritten() {
    ByteSizeConverter sizes = new ByteSizeConverter();
    assertThat(sizes.convert("16MiB")).isEqualTo(16 << 20);
    assertThat(sizes.convert("512KiB")).isEqualTo(512 << 10);
    assertThat(sizes.convert("1048576")).isEqualTo(1 << 20);
    assertThat(sizes.convert("2 mb")).isEqualTo(2 << 20);
    assertThatThrownBy(() -> sizes.convert("4GiB")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> sizes.convert("99999999999")).isInstanceOf(CommandLine.TypeConversionException.class);
    assertThatThrownBy(() -> sizes.convert("lots")).isInstanceOf(CommandLine.TypeConversionException.class);
    DurationConverter durations = new DurationConverter();
    assertThat(durations.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(durations.convert("2.5s")).isEqualTo(Duration.ofMillis(2500));
    assertThat(durations.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(durations.convert("12s")).isEqualTo(Duration.ofSeconds(12));
    assertThat(durations.convert("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> durations.convert("0.0001")).isInstanceOf(CommandLine.TypeConversionException.class);
  }
}
