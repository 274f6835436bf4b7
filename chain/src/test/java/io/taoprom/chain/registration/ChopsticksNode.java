package io.taoprom.chain.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.Fixtures;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A real Subtensor runtime for tests: chopsticks 1.5.1 (from {@code tools/interop}) running the chain
 * spec named by {@code TAOPROM_CHAIN_SPEC} offline on loopback, with {@code //Alice} a member of
 * {@code netuid} (uid 0) and that subnet added. Without the variable the calling test is skipped
 * (optional even in CI).
 *
 * <pre>{@code
 * static ChopsticksNode node = ChopsticksNode.startOrSkip("MyIT", 1);
 * ... node.url() ...
 * node.close();
 * }</pre>
 */
public final class ChopsticksNode implements AutoCloseable {

  private final Process process;
  private final Path workDir;
  private final int port;

  private ChopsticksNode(Process process, Path workDir, int port) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
  }

  /** Starts chopsticks, or skips the test when {@code TAOPROM_CHAIN_SPEC} is not set (fails it with {@code CI=true}). */
  public static ChopsticksNode startOrSkip(String testName, int netuid) throws Exception {
    return startOrSkip(testName, netuid, Map.of());
  }

  /**
   * As {@link #startOrSkip(String, int)}, with more {@code SubtensorModule} storage imported (entry
   * name to chopsticks' {@code [[keys], value]} pairs), such as a shorter {@code ServingRateLimit}.
   */
  public static ChopsticksNode startOrSkip(String testName, int netuid, Map<String, Object> moreStorage) throws Exception {
    String spec = Fixtures.chainSpec(testName).toString();
    Path interop = Fixtures.interopDir();
    Path bin = interop.resolve("node_modules/.bin/chopsticks");
    Fixtures.require(Files.isExecutable(bin), bin + " is not installed (npm ci in tools/interop)");

    Path workDir = Files.createTempDirectory("taoprom-chopsticks-reg");
    String alice = Ss58.encode(Keys.fromUri("//Alice").publicKey(), 42);
    // Membership as spec 218's serve_prometheus checks it, the uid our checks read (SCALE hex:
    // chopsticks treats a plain 0 as "delete"), and the subnet itself.
    Map<String, Object> module = new java.util.HashMap<>(Map.of(
        "IsNetworkMember", List.of(List.of(List.of(alice, netuid), true)),
        "Uids", List.of(List.of(List.of(netuid, alice), "0x0000")),
        "NetworksAdded", List.of(List.of(List.of(netuid), true))));
    module.putAll(moreStorage);
    Map<String, Object> storage = Map.of("SubtensorModule", module);
    Path imports = workDir.resolve("storage.json");
    new ObjectMapper().writeValue(imports.toFile(), storage);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = workDir.resolve("chopsticks.log");
    Process p = new ProcessBuilder(bin.toString(), "--genesis", spec, "--build-block-mode", "Instant",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--import-storage", imports.toString())
        .directory(interop.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ChopsticksNode node = new ChopsticksNode(p, workDir, port);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!Files.readString(log).contains("RPC listening")) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        String tail = tail(log);
        node.close();
        throw new AssertionError("chopsticks did not start; its log:\n" + tail);
      }
      Thread.sleep(250);
    }
    return node;
  }

  /**
   * Builds {@code count} blocks at once ({@code dev_newBlock}): time passes on chain, as it does for
   * a rate limit, without anything being sent.
   */
  public void newBlocks(int count) {
    io.taoprom.chain.rpc.RpcClient rpc = io.taoprom.chain.rpc.RpcClient.builder(java.net.URI.create(url()))
        .requestTimeout(Duration.ofMinutes(3)).build();
    try {
      rpc.request("dev_newBlock", Map.of("count", count));
    } finally {
      rpc.close();
    }
  }

  /** The node's WebSocket URL. */
  public String url() {
    return "ws://127.0.0.1:" + port;
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  @Override
  public void close() throws IOException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try (var files = Files.walk(workDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
