package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.rpc.HostileNode;
import io.taoprom.chain.rpc.NodeBehaviours;
import io.taoprom.exporter.PluginCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code status}, {@code targets} and {@code register --dry-run}, with their default options,
 * against the two nodes that never answer — one that completes the WebSocket handshake and then
 * says nothing, and a TCP peer that accepts and says nothing — give up within 20 s (they took
 * 94 s and 34 s before the deadline), with one line that names the node and what it did not do,
 * after progress lines on stderr while they waited. The six runs go in parallel.
 */
class SilentNodeIT {

  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  private record Outcome(String name, CliRun run, Duration took) {}

  /**
   * {@code serve} has no deadline of its own, but each round with the chain has one: against a
   * node that never answers, every {@code /sd} read and every registration round ends at
   * {@code --chain.timeout}, says why, and the next one starts; {@code /metrics} never waits.
   */
  @Test
  void serveBoundsEachRoundWithTheChainAndKeepsServing() throws Exception {
    try (HostileNode silent = HostileNode.start(NodeBehaviours.silentAfterHandshake());
        ServeProcess serve = ServeProcess.start(List.of("-Xmx64m"), List.of("--collector.disable-defaults",
            "--collector.loadavg", "--network", silent.wsUri().toString(), "--chain.timeout", "2s",
            "--sd.netuid", "1", "--sd.refresh-interval", "1s", "--register", "--register.netuid", "1",
            "--register.ip", "203.0.113.7", "--register.version", "100", "--uri", "//Alice"))) {
      long start = System.nanoTime();
      String body = "";
      while (System.nanoTime() - start < Duration.ofSeconds(30).toNanos() && !body.contains("deadline")) {
        long t = System.nanoTime();
        assertThat(serve.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t)).as("/metrics never waits on the chain")
            .isLessThan(Duration.ofSeconds(2));
        body = serve.get("/sd").body();
        Thread.sleep(200);
      }
      assertThat(body).as(serve.stderr()).startsWith("service discovery has no targets yet: cannot read the chain: ")
          .contains("gave up at the deadline of 2 s").contains("has not answered chain_getBlockHash");
      int requests = silent.requests();
      Thread.sleep(4000);
      assertThat(silent.requests()).as("rounds keep coming, each bounded").isGreaterThan(requests);
      assertThat(serve.stderr()).contains("registration: NodeUnreachable: ").contains("gave up at the deadline of 2 s");
      assertThat(serve.isAlive()).isTrue();
    }
  }

  @Test
  void everyChainCommandGivesUpWithinTwentySecondsSayingWhatTheNodeDidNotDo() throws Exception {
    try (HostileNode handshakeThenSilence = HostileNode.start(NodeBehaviours.silentAfterHandshake());
        HostileNode silentTcp = HostileNode.start(NodeBehaviours.silentTcp())) {
      Map<String, String> nodes = new LinkedHashMap<>();
      nodes.put("after-handshake", handshakeThenSilence.wsUri().toString());
      nodes.put("silent-tcp", silentTcp.wsUri().toString());
      Map<String, List<String>> commands = new LinkedHashMap<>();
      commands.put("status", List.of("status", "--netuid", "1", "--hotkey", ALICE, "--no-discover"));
      commands.put("targets", List.of("targets", "--netuid", "1"));
      commands.put("register", List.of("register", "--netuid", "1", "--uri", "//Alice", "--ip", "203.0.113.7",
          "--port", "7091", "--version-as-int", "100", "--dry-run"));

      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Outcome>> runs = new ArrayList<>();
      nodes.forEach((kind, uri) -> commands.forEach((command, args) -> runs.add(pool.submit(() -> {
        List<String> full = new ArrayList<>(args);
        full.add("--network");
        full.add(uri);
        long start = System.nanoTime();
        CliRun run = CliRun.of(PluginCatalog.of(List.of()), full.toArray(String[]::new));
        return new Outcome(command + " against " + kind, run, Duration.ofNanos(System.nanoTime() - start));
      }))));
      pool.shutdown();
      for (Future<Outcome> f : runs) {
        Outcome o = f.get();
        String err = o.run().err();
        System.out.println(o.name() + ": exit " + o.run().exitCode() + " after " + o.took().toMillis() + " ms\n" + err);
        assertThat(o.run().exitCode()).as(o.name() + ": " + err).isEqualTo(1);
        assertThat(o.took()).as(o.name()).isLessThan(Duration.ofSeconds(20));
        assertThat(o.run().out()).as(o.name() + ": stdout stays clean").isEmpty();
        List<String> lines = err.lines().toList();
        String command = o.name().substring(0, o.name().indexOf(' '));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("time=\\S+ level=error source=taoprom\\." + command + " msg=.*").contains("gave up at the deadline of 15 s")
            .contains("--chain.timeout");
        if (o.name().endsWith("after-handshake")) {
          assertThat(last).contains(nodes.get("after-handshake"))
              .containsPattern("the node completed the WebSocket handshake but has not answered chain_get(Header|BlockHash)");
        } else {
          assertThat(last).contains(nodes.get("silent-tcp")).contains("no WebSocket connection: the TCP connect or the"
              + " WebSocket handshake with " + nodes.get("silent-tcp") + " has not completed");
        }
        // Everything before that line is progress, said while it waited.
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
            .allSatisfy(l -> assertThat(l).matches("time=\\S+ level=info source=taoprom\\." + command
                + " msg=\"waiting for ws://127\\.0\\.0\\.1:.*"));
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception:");
      }
    }
  }
}
