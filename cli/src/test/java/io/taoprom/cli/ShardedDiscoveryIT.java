package io.taoprom.cli;

import static io.taoprom.cli.targets.SubnetFixture.neuron;
import static io.taoprom.cli.targets.SubnetFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.FakeChain;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sharding recipe of {@code docs/discovery.md}, run as written: the fake node lists eight
 * neurons on two subnets whose endpoints are two {@code taoprom serve} processes, a third
 * {@code taoprom serve --sd.netuid all} serves {@code /sd}, and two real Prometheus servers with
 * the documented {@code hashmod} configuration (shard 0 and shard 1) poll it. Each must scrape a
 * part, the parts must be disjoint and together all eight, each exactly the part Prometheus'
 * hashmod (md5 of {@code netuid;hotkey}, modulo 2) assigns; and a third Prometheus with {@code
 * --web.enable-remote-write-receiver}, the long-term store, must hold every neuron's {@code up}
 * series, written by the shard that scraped it.
 */
class ShardedDiscoveryIT {

  private static final List<String> NEURONS = List.of("//Alice", "//Bob", "//Charlie", "//Dave", "//Eve", "//Ferdie",
      "//Alice//1", "//Bob//1");

  @Test
  void twoShardsScrapeDisjointPartsThatMakeTheWholeAndTheStoreReceivesBoth(@TempDir Path dir) throws Exception {
    // -Dit.test=... also selects this class in the build's fuzz execution: run it once, not twice.
    org.junit.jupiter.api.Assumptions.assumeFalse("1".equals(System.getenv("JAZZER_FUZZ")), "not a fuzz target");
    Path prometheus = ExternalTools.require("prometheus", "install the Debian package prometheus");
    String recipe = recipe();
    List<String> small = List.of("--collector.disable-defaults", "--collector.loadavg");
    try (FakeChain chain = new FakeChain()) {
      List<String> sdArgs = new ArrayList<>(small);
      sdArgs.addAll(List.of("--network", chain.uri().toString(), "--sd.netuid", "all", "--sd.refresh-interval", "1s"));
      // The three JVMs start together (the SD process reads the chain every second, so the
      // neurons can be put in once the targets' ports are known).
      List<ServeProcess> serves = startTogether(List.of(small, small, sdArgs));
      try (ServeProcess a = serves.get(0); ServeProcess b = serves.get(1); ServeProcess sd = serves.get(2)) {
        Set<String> all = new TreeSet<>();
        for (int i = 0; i < NEURONS.size(); i++) {
          int netuid = i < 6 ? 1 : 2;
          int port = i % 2 == 0 ? a.port() : b.port();
          neuron(chain, netuid, NEURONS.get(i), i, v4("127.0.0.1"), port, 4, 100 + i);
          all.add(netuid + ";" + Ss58.encode(Keys.fromUri(NEURONS.get(i)).publicKey(), Ss58.BITTENSOR));
        }
        try (PrometheusProcess store = PrometheusProcess.start(prometheus, dir.resolve("store"),
                "global:\n  scrape_interval: 1s\n", List.of("--web.enable-remote-write-receiver"));
            PrometheusProcess shard0 = PrometheusProcess.start(prometheus, dir.resolve("shard0"),
                shardConfig(recipe, 0, sd.baseUrl() + "/sd", store.url() + "/api/v1/write"));
            PrometheusProcess shard1 = PrometheusProcess.start(prometheus, dir.resolve("shard1"),
                shardConfig(recipe, 1, sd.baseUrl() + "/sd", store.url() + "/api/v1/write"))) {
          Set<String> part0 = awaitUp(shard0);
          Set<String> part1 = awaitUp(shard1);

          Set<String> expected0 = new TreeSet<>();
          all.forEach(n -> {
            if (hashmod(n, 2) == 0) {
              expected0.add(n);
            }
          });
          Set<String> expected1 = new TreeSet<>(all);
          expected1.removeAll(expected0);
          // The fixture's hotkeys fall on both sides: each server scrapes a real part.
          assertThat(expected0).isNotEmpty();
          assertThat(expected1).isNotEmpty();
          assertThat(part0).as("shard 0").isEqualTo(expected0);
          assertThat(part1).as("shard 1").isEqualTo(expected1);
          Set<String> overlap = new HashSet<>(part0);
          overlap.retainAll(part1);
          assertThat(overlap).as("scraped by both").isEmpty();
          Set<String> union = new TreeSet<>(part0);
          union.addAll(part1);
          assertThat(union).isEqualTo(all);

          // The store holds the whole fleet, each neuron's series labelled with the shard that wrote it.
          JsonNode stored = store.awaitQuery("up{job=\"bittensor\"} == 1", all.size(), Duration.ofSeconds(60));
          Set<String> inStore = new TreeSet<>();
          for (JsonNode series : stored) {
            JsonNode m = series.path("metric");
            String neuron = m.path("netuid").asText() + ";" + m.path("hotkey").asText();
            assertThat(m.path("shard").asText()).as(neuron).isEqualTo(part0.contains(neuron) ? "0" : "1");
            assertThat(m.path("instance").asText()).isEqualTo(m.path("hotkey").asText());
            inStore.add(neuron);
          }
          assertThat(inStore).isEqualTo(all);
        }
      }
    }
  }

  /** Starts a {@code taoprom serve} per argument list, in parallel; if one fails, the others are stopped. */
  private static List<ServeProcess> startTogether(List<List<String>> argLists) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(argLists.size());
    try {
      List<java.util.concurrent.Future<ServeProcess>> starting = new ArrayList<>();
      for (List<String> args : argLists) {
        starting.add(pool.submit(() -> ServeProcess.start(List.of("-Xmx64m"), args)));
      }
      List<ServeProcess> started = new ArrayList<>();
      Exception failure = null;
      for (java.util.concurrent.Future<ServeProcess> f : starting) {
        try {
          started.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failure = failure == null ? (e.getCause() instanceof Exception c ? c : e) : failure;
        }
      }
      if (failure != null) {
        for (ServeProcess p : started) {
          p.close();
        }
        throw failure;
      }
      return started;
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The neurons ({@code netuid;hotkey}) a shard scrapes, once it has discovered all of them (its
   * own active, the others' dropped) and scraped every one of its own successfully.
   */
  private static Set<String> awaitUp(PrometheusProcess shard) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String seen = "nothing yet";
    while (System.nanoTime() < deadline) {
      JsonNode targets;
      try {
        targets = shard.api("/api/v1/targets").path("data");
      } catch (java.io.IOException notListeningYet) {
        seen = notListeningYet.toString();
        Thread.sleep(250);
        continue;
      }
      JsonNode active = targets.path("activeTargets");
      int dropped = targets.path("droppedTargets").size();
      Set<String> part = new TreeSet<>();
      boolean allUp = true;
      for (JsonNode t : active) {
        allUp &= "up".equals(t.path("health").asText());
        part.add(t.path("labels").path("netuid").asText() + ";" + t.path("labels").path("hotkey").asText());
      }
      if (allUp && active.size() + dropped == NEURONS.size()) {
        return part;
      }
      seen = active.size() + " active (all up: " + allUp + "), " + dropped + " dropped";
      Thread.sleep(250);
    }
    throw new AssertionError("the shard did not settle in 60 s: " + seen + "; prometheus log:\n" + shard.log());
  }

  /**
   * Prometheus' {@code hashmod}: the md5 of the source labels' values joined by {@code ;}, its
   * last 8 bytes as a big-endian unsigned integer, modulo {@code modulus}.
   */
  static long hashmod(String value, long modulus) {
    byte[] md5;
    try {
      md5 = MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has MD5", e);
    }
    long v = 0;
    for (int i = 8; i < 16; i++) {
      v = v << 8 | (md5[i] & 0xff);
    }
    return Long.remainderUnsigned(v, modulus);
  }

  /** The YAML block after the IT's marker in docs/discovery.md. */
  static String recipe() throws Exception {
    String root = System.getProperty("taoprom.root");
    Path doc = (root != null ? Path.of(root) : Path.of("..")).resolve("docs/discovery.md");
    String text = Files.readString(doc);
    Matcher m = Pattern.compile("<!-- ShardedDiscoveryIT[^>]*-->\\s*```yaml\\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertThat(m.find()).as("the sharding recipe's block in " + doc).isTrue();
    return m.group(1);
  }

  /** The recipe for {@code shard}, with the test's URLs and a 1 s interval; each edit must apply exactly once. */
  static String shardConfig(String recipe, int shard, String sdUrl, String writeUrl) {
    String c = recipe;
    c = once(c, "http://taoprom-sd.example:7091/sd", sdUrl);
    c = once(c, "http://store.example:9090/api/v1/write", writeUrl);
    c = once(c, "scrape_interval: 30s", "scrape_interval: 1s\n  scrape_timeout: 1s");
    c = once(c, "refresh_interval: 30s", "refresh_interval: 1s");
    c = once(c, "shard: \"0\"", "shard: \"" + shard + "\"");
    return once(c, "regex: \"0\"", "regex: \"" + shard + "\"");
  }

  private static String once(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as("'%s' in the recipe", from).isNotNegative();
    assertThat(text.indexOf(from, at + 1)).as("'%s' once in the recipe", from).isNegative();
    return text.replace(from, to);
  }
}
