package io.taoprom.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.Fixtures;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.chain.rpc.InvalidTransaction;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcException;
import io.taoprom.chain.storage.Storage;
import io.taoprom.chain.tx.Author;
import io.taoprom.chain.tx.ExtrinsicBuilder;
import io.taoprom.chain.tx.SignedExtrinsic;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Ss58;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Serving Prometheus through the one registration path ({@link Registrar}) against a real Subtensor runtime: chopsticks 1.5.1 runs the chain spec named by
 * {@code TAOPROM_CHAIN_SPEC} (for example {@code opentensor/subtensor}'s {@code
 * scripts/specs/raonet.json}) offline on loopback, with {@code //Alice} made a member of netuid 1
 * through {@code --import-storage}. Without the variable it is skipped, except with {@code CI=true}, where it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChopsticksSubtensorIT {

  private static final int NETUID = 1;
  private static final BigInteger IP = BigInteger.valueOf(0xcb007107L); // 203.0.113.7
  private static final KeyPair ALICE = Keys.fromUri("//Alice");

  private static Process chopsticks;
  private static Path workDir;
  private static Subtensor subtensor;
  private static final List<String> REQUESTS = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    String spec = Fixtures.chainSpec("ChopsticksSubtensorIT").toString();
    Path interop = Fixtures.interopDir();
    Path bin = interop.resolve("node_modules/.bin/chopsticks");
    Fixtures.require(Files.isExecutable(bin), bin + " is not installed (npm ci in tools/interop)");

    workDir = Files.createTempDirectory("taoprom-chopsticks");
    String alice = Ss58.encode(ALICE.publicKey(), 42);
    // What the runtime's serve_prometheus checks for "registered" (spec 218: IsNetworkMember of
    // any netuid), plus the uid our own pre-flight check reads.
    Map<String, Object> storage = Map.of("SubtensorModule", Map.of(
        "IsNetworkMember", List.of(List.of(List.of(alice, NETUID), true)),
        // uid 0 as SCALE hex: chopsticks treats a plain 0 as "delete".
        "Uids", List.of(List.of(List.of(NETUID, alice), "0x0000"))));
    Path imports = workDir.resolve("storage.json");
    new ObjectMapper().writeValue(imports.toFile(), storage);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path log = workDir.resolve("chopsticks.log");
    chopsticks = new ProcessBuilder(bin.toString(), "--genesis", spec, "--build-block-mode", "Instant",
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--import-storage", imports.toString())
        .directory(interop.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!Files.readString(log).contains("RPC listening")) {
      if (!chopsticks.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("chopsticks did not start; its log:\n" + tail(log));
      }
      Thread.sleep(250);
    }
    subtensor = Subtensor.builder().network("ws://127.0.0.1:" + port)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0))
        .requestTimeout(Duration.ofSeconds(60))
        .listener(new io.taoprom.chain.rpc.RpcListener() {
          @Override
          public void onRequest(String method, io.taoprom.chain.rpc.RequestOutcome outcome, Duration took, int attempt) {
            REQUESTS.add(method);
          }
        }).build();
    System.out.println("chopsticks on port " + port + " runs " + subtensor.runtime());
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log);
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  @AfterAll
  static void stop() throws IOException {
    if (subtensor != null) {
      subtensor.close();
    }
    if (chopsticks != null) {
      chopsticks.descendants().forEach(ProcessHandle::destroy);
      chopsticks.destroy();
    }
    if (workDir != null) {
      try (var files = Files.walk(workDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static RegistrationRequest request(long version, BigInteger ip, int port) {
    return RegistrationRequest.of(NETUID, Endpoint.of(new IpAddress(ip, 4), port, version));
  }

  private static RegistrationRequest chainDecides(long version, BigInteger ip, int port) {
    return request(version, ip, port).withPreflight(false).withForce(true).withTimeout(Duration.ofMinutes(2));
  }

  private static RegistrationOutcome serve(KeyPair key, RegistrationRequest request) {
    return Registrar.over(subtensor).register(key, request);
  }

  @Test
  @Order(1)
  void aliceServesPrometheusAndItReadsBackExactly() {
    assertThat(subtensor.isHotkeyRegistered(NETUID, ALICE.publicKey())).isTrue();
    REQUESTS.clear();
    RegistrationOutcome r = serve(ALICE, request(7, IP, 9400));
    System.out.println("serve: " + r.describe());
    System.out.println("servePrometheus with warm metadata: " + REQUESTS.size() + " round trips " + REQUESTS);
    assertThat(REQUESTS).hasSizeLessThanOrEqualTo(6);
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, s -> {
      assertThat(s.included().hasEvent("SubtensorModule", "PrometheusServed")).isTrue();
      assertThat(s.included().finalized()).isTrue();
      PrometheusInfo info = subtensor.prometheusInfo(NETUID, ALICE.publicKey());
      assertThat(info).isEqualTo(new PrometheusInfo(s.included().blockNumber(), 7, IP, 9400, 4));
      assertThat(subtensor.prometheusEndpoints(NETUID)).extracting(PrometheusEndpoint::info).contains(info);
    });
  }

  @Test
  @Order(2)
  void anUnregisteredHotkeyFailsWithHotKeyNotRegisteredInNetwork() {
    KeyPair bob = Keys.fromUri("//Bob");
    assertThat(subtensor.isHotkeyRegistered(NETUID, bob.publicKey())).isFalse();
    RegistrationOutcome r = serve(bob, chainDecides(7, IP, 9400));
    System.out.println("unregistered: " + r.describe());
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("HotKeyNotRegisteredInNetwork");
      assertThat(f.stage()).isIn(RegistrationOutcome.Stage.DISPATCH, RegistrationOutcome.Stage.POOL);
    });
  }

  @Test
  @Order(3)
  void localhostFailsWithInvalidIpAddress() {
    RegistrationOutcome r = serve(ALICE, chainDecides(7, BigInteger.valueOf(0x7f000001L), 9400));
    System.out.println("127.0.0.1: " + r.describe());
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Failed.class,
        f -> assertThat(f.error()).isEqualTo("InvalidIpAddress"));
  }

  @Test
  @Order(4)
  void anImmediateSecondServeFailsWithServingRateLimitExceeded() {
    RegistrationOutcome r = serve(ALICE, chainDecides(8, IP, 9401));
    System.out.println("second serve: " + r.describe());
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Failed.class,
        f -> assertThat(f.error()).isEqualTo("ServingRateLimitExceeded"));
    // and our own pre-flight check predicts it without sending anything
    RegistrationOutcome pre = serve(ALICE, request(8, IP, 9401));
    assertThat(pre).isInstanceOfSatisfying(RegistrationOutcome.RateLimited.class, f -> {
      assertThat(f.describe()).startsWith("ServingRateLimitExceeded (not sent)");
      assertThat(f.allowedAtBlock()).isEqualTo(subtensor.prometheusInfo(NETUID, ALICE.publicKey()).block()
          + subtensor.servingRateLimit(NETUID));
    });
  }

  @Test
  @Order(5)
  void aTamperedSignatureIsRejectedAsBadProof() {
    var chain = subtensor.chain();
    var rt = chain.runtime();
    SignedExtrinsic xt = ExtrinsicBuilder.forRuntime(rt, chain.genesisHash())
        .call("SubtensorModule", "serve_prometheus", Map.of("netuid", NETUID, "version", 9L, "ip", IP,
            "port", 9402, "ip_type", 4))
        .signer(ALICE).nonce(chain.accountNextIndex(ALICE.publicKey())).build();
    byte[] bytes = xt.bytes().clone();
    bytes[40] ^= 0x01; // inside the signature
    SignedExtrinsic bad = new SignedExtrinsic(bytes, xt.hash(), xt.signer(), xt.nonce(), xt.era(), xt.call(),
        xt.signingPayload());
    try {
      new Author(chain).submit(bad);
      throw new AssertionError("a tampered extrinsic was accepted");
    } catch (RpcException e) {
      System.out.println("tampered: " + e.getMessage());
      assertThat(e.invalidTransaction()).get().extracting(InvalidTransaction::kind)
          .isEqualTo(InvalidTransaction.Kind.BAD_PROOF);
    }
    assertThat(Values.longValue(new Storage(chain).read(new Storage(chain).key("SubtensorModule",
        "ServingRateLimit", NETUID)))).isPositive();
  }
}
