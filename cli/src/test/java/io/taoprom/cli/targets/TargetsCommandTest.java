package io.taoprom.cli.targets;

import static io.taoprom.cli.targets.SubnetFixture.ALICE;
import static io.taoprom.cli.targets.SubnetFixture.BOB;
import static io.taoprom.cli.targets.SubnetFixture.neuron;
import static io.taoprom.cli.targets.SubnetFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.CliRun;
import io.taoprom.chain.FakeChain;
import io.taoprom.exporter.PluginCatalog;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsCommandTest {

  private FakeChain chain;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    neuron(chain, 27, "//Alice", 3, new BigInteger("20010db8000000000000000000000001", 16), 9400, 6, 262);
    neuron(chain, 27, "//Bob", 1, v4("203.0.113.7"), 7091, 4, 263);
    neuron(chain, 27, "//Charlie", 2, BigInteger.ZERO, 7091, 4, 1);
    neuron(chain, 27, "//Dave", 4, v4("198.51.100.4"), 0, 4, 1);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private CliRun run(String... args) {
    return CliRun.of(PluginCatalog.of(List.of()), args);
  }

  @Test
  void fileSdIsIndentedJsonWithLabelsAndSkippedCountOnStderr() {
    CliRun r = run("targets", "--network", chain.uri().toString(), "--netuid", "27");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        [ {
          "targets" : [ "203.0.113.7:7091" ],
          "labels" : {
            "hotkey" : "%s",
            "netuid" : "27",
            "uid" : "1",
            "version" : "263"
          }
        }, {
          "targets" : [ "[2001:db8::1]:9400" ],
          "labels" : {
            "hotkey" : "%s",
            "netuid" : "27",
            "uid" : "3",
            "version" : "262"
          }
        } ]
        """.formatted(BOB, ALICE));
    assertThat(r.errLines()).containsExactly("level=warn source=taoprom.targets msg=\"2 entries left out: 1 with ip 0, 1 with port 0\"");
  }

  @Test
  void httpSdIsOneLine() {
    CliRun r = run("targets", "--network", chain.uri().toString(), "--netuid", "27", "--format", "http_sd");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("[{\"targets\":[\"203.0.113.7:7091\"],\"labels\":{\"hotkey\":\"" + BOB
        + "\",\"netuid\":\"27\",\"uid\":\"1\",\"version\":\"263\"}},{\"targets\":[\"[2001:db8::1]:9400\"],\"labels\":{\"hotkey\":\""
        + ALICE + "\",\"netuid\":\"27\",\"uid\":\"3\",\"version\":\"262\"}}]\n");
  }

  @Test
  void outputFileIsReplacedAndNothingIsLeftBeside(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sn27.json");
    Files.writeString(file, "old");
    CliRun r = run("targets", "--network", chain.uri().toString(), "--netuid", "27", "--output", file.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(file)).startsWith("[ {").contains("203.0.113.7:7091").endsWith("} ]\n");
    assertThat(r.err()).contains("wrote 2 target(s) of netuid 27 to " + file);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void aSubnetThatDoesNotExistIsNamed() {
    CliRun r = run("targets", "--network", chain.uri().toString(), "--netuid", "27,99");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.messages()).hasSize(1);
    assertThat(r.err().strip()).contains("level=error source=taoprom.targets msg=\"netuid 99 does not exist on ws://")
        .endsWith("; subnets there: 27; check --netuid and --network\"").doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void allListsEverySubnetInNetworksAdded() {
    neuron(chain, 3, "//Eve", 0, v4("198.51.100.3"), 9100, 4, 5);
    CliRun r = run("targets", "--network", chain.uri().toString(), "--netuid", "all", "--format", "http_sd");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("[{\"targets\":[\"198.51.100.3:9100\"],\"labels\":{\"hotkey\":\""
        + "5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw\",\"netuid\":\"3\",\"uid\":\"0\",\"version\":\"5\"}},"
        + "{\"targets\":[\"203.0.113.7:7091\"],\"labels\":{\"hotkey\":\"" + BOB
        + "\",\"netuid\":\"27\",\"uid\":\"1\",\"version\":\"263\"}},{\"targets\":[\"[2001:db8::1]:9400\"],\"labels\":{\"hotkey\":\""
        + ALICE + "\",\"netuid\":\"27\",\"uid\":\"3\",\"version\":\"262\"}}]\n");
    assertThat(r.messages()).containsExactly("2 entries left out: 1 with ip 0, 1 with port 0");
    // "all" beside ids is still all.
    assertThat(run("targets", "--network", chain.uri().toString(), "--netuid", "27,all", "--format", "http_sd").out())
        .isEqualTo(r.out());
  }

  @Test
  void subnetListIsCutShort() {
    assertThat(TargetsCommand.listed(List.of())).isEqualTo("none");
    List<Integer> many = java.util.stream.IntStream.range(0, 70).boxed().toList();
    assertThat(TargetsCommand.listed(many)).startsWith("0,1,2,").endsWith(",62,63 and 6 more");
  }

  @Test
  void anUnreachableNodeIsOneLine() throws Exception {
    int closed = freePort();
    CliRun r = run("targets", "--network", "ws://127.0.0.1:" + closed, "--netuid", "27", "--timeout", "2");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err().strip()).contains("level=error source=taoprom.targets msg=\"cannot read the Prometheus endpoints of netuid 27 from ws://127.0.0.1:" + closed)
        .endsWith("check --network and that the node is reachable\"").doesNotContain("\n").doesNotContain("\tat ");
  }

  static int freePort() throws java.io.IOException {
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThat(run("targets", "--netuid", "70000").exitCode()).isEqualTo(2);
    CliRun r = run("targets", "--netuid", "x");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("'x' is not a subnet id");
    assertThat(run("targets", "--netuid", "al").err()).contains("'al' is not a subnet id; give a number from 0 to 65535,"
        + " several separated by commas, or all");
    assertThat(run("targets", "--netuid", "1", "--format", "yaml").exitCode()).isEqualTo(2);
    CliRun network = run("targets", "--netuid", "1", "--network", "mainnet");
    assertThat(network.exitCode()).isEqualTo(1);
    assertThat(network.err()).contains("unknown network 'mainnet'");
    assertThat(run("targets").exitCode()).isEqualTo(2);
  }
}
