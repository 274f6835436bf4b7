package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keep-registered loop as a Java neuron embeds it, against the fake chain with fast ticks, its
 * version read from a file as {@code serve --register.app-version-from} does: what it does shows
 * in the listener's calls.
 */
class RegistrationLoopTest {

  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0);
  private static final Duration TICK = Duration.ofMillis(40);

  @TempDir Path dir;
  private final KeyPair alice = Keys.fromUri("//Alice");
  private final AtomicInteger submissions = new AtomicInteger();
  private final List<String> heard = new CopyOnWriteArrayList<>();
  private final RegistrationListener recorder = new RegistrationListener() {
    @Override
    public void onRound(RegistrationOutcome outcome) {
      heard.add("round " + outcome.name());
    }

    @Override
    public void onChainHolds(int netuid, String hotkeySs58, PrometheusInfo info) {
      heard.add("holds " + (info == null ? "nothing" : info.version()));
    }

    @Override
    public void onNoVersion(String reason) {
      heard.add("no version: " + reason);
    }

    @Override
    public void onVersionChanged(long from, long to) {
      heard.add("version " + from + " -> " + to);
    }

    @Override
    public void onWarning(String message) {
      heard.add("warning: " + message);
    }
  };
  private FakeChain chain;
  private Subtensor subtensor;
  private RegistrationLoop loop;
  private Path versionFile;

  @BeforeEach
  void start() throws Exception {
    chain = new FakeChain();
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "Uids", 0, 1, alice.publicKey());
    chain.put("SubtensorModule", "ServingRateLimit", BigInteger.valueOf(10), 1);
    chain.onExtrinsic((xt, c) -> {
      submissions.incrementAndGet();
      Map<String, Object> a = Values.enumValue(xt.call().value()).fields();
      c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1, (Long) a.get("version"),
          ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"), (Integer) a.get("ip_type")),
          a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          c.success());
    });
    RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(FAST).connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofSeconds(3)).build();
    subtensor = Subtensor.over(ChainClient.builder(rpc).build(), FAST);
    versionFile = dir.resolve("__init__.py");
  }

  private RegistrationLoop loop() {
    RegistrationRequest template = RegistrationRequest.of(1, Endpoint.of(IpAddress.parse("203.0.113.7"), 7091, 0))
        .withWait(WaitMode.INCLUSION).withTimeout(Duration.ofSeconds(10));
    return RegistrationLoop.builder(Registrar.over(subtensor).withPollInterval(TICK), alice, template)
        .version(VersionFile.of(versionFile, VersionScheme.SN27)).listener(recorder)
        .intervalBlocks(5).tick(TICK).addressCheck(TICK).build();
  }

  @AfterEach
  void stop() {
    if (loop != null) {
      loop.close();
    }
    subtensor.close();
    chain.close();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  private long versionOnChain() {
    return subtensor.prometheusInfo(1, alice.publicKey()).version();
  }

  @Test
  void theRegisteredVersionFollowsTheFileAtTheFirstBlockTheRateLimitAllows() throws Exception {
    Files.writeString(versionFile, "__version__ = \"1.8.3\"\n");
    loop = loop();
    loop.start();
    await("the first registration", () -> loop.rounds() >= 1);
    assertThat(loop.lastOutcome()).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(versionOnChain()).isEqualTo(183);
    assertThat(heard).containsSubsequence("holds 183", "round REGISTERED");

    // The neuron updates itself: within the rate limit, the new version is reported, not sent...
    Files.writeString(versionFile, "__version__ = \"1.9.0\"\n");
    await("the rate-limited round", () -> loop.lastOutcome() instanceof RegistrationOutcome.RateLimited);
    RegistrationOutcome.RateLimited limited = (RegistrationOutcome.RateLimited) loop.lastOutcome();
    assertThat(limited.diff().describe()).isEqualTo("version 183 -> 190");
    assertThat(heard).contains("version 183 -> 190");
    assertThat(submissions).hasValue(1);

    // ...and sent by itself at the first allowed block, without a restart.
    chain.advance(limited.allowedAtBlock() - chain.bestNumber());
    await("the new version registered", () -> loop.lastOutcome() instanceof RegistrationOutcome.Registered);
    assertThat(versionOnChain()).isEqualTo(190);
    assertThat(submissions).hasValue(2);
  }

  @Test
  void aFileHalfWrittenKeepsTheLastVersionAndAMissingOneStopsNothing() throws Exception {
    loop = loop();
    loop.start();
    await("a round skipped for want of a version", () -> heard.stream().anyMatch(h -> h.startsWith("no version: ")));
    assertThat(heard).anyMatch(h -> h.contains("cannot determine the version to register: cannot read version file "
        + versionFile + ": no such file"));
    assertThat(submissions).hasValue(0);

    Files.writeString(versionFile, "__version__ = \"1.8.3\"\n");
    await("the registration once the file is there", () -> loop.lastOutcome() instanceof RegistrationOutcome.Registered);
    int rounds = loop.rounds();

    Files.writeString(versionFile, "__version__ = \n");
    await("a warning", () -> heard.stream().anyMatch(h -> h.startsWith("warning: cannot read the version")));
    assertThat(heard).anyMatch(h -> h.contains("line 1: __version__ is not assigned a string literal")
        && h.endsWith("still registering version 183"));
    chain.advance(5); // the interval passes: a check with the version known last, nothing to send
    await("the interval check", () -> loop.rounds() > rounds);
    assertThat(loop.lastOutcome()).isInstanceOf(RegistrationOutcome.UpToDate.class);
    assertThat(submissions).hasValue(1);
  }
}
