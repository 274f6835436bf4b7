package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.rpc.Deadline;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per branch of the registration flow, against the in-JVM fake chain. The registrar
 * names parameters as the CLI does ({@link #CLI_NAMES}), so hints read as {@code taoprom register}
 * prints them; {@link #hintsNameParametersInPlainWordsByDefault} checks the SDK's own words.
 */
class RegistrarTest {

  /** The names {@code taoprom register} gives the parameters. */
  static final ParameterNames CLI_NAMES = CliNames.FLAGS;

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0);
  private static final long IP = 0xcb007107L; // 203.0.113.7
  private static final Endpoint WANTED = Endpoint.of(new IpAddress(BigInteger.valueOf(IP), 4), 9400, 100);

  private final KeyPair alice = Keys.fromUri("//Alice");
  private final KeyPair bob = Keys.fromUri("//Bob");
  private final List<String> progress = new ArrayList<>();
  private FakeChain chain;
  private Subtensor subtensor;
  private Registrar registrar;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "Uids", 0, 1, alice.publicKey());
    chain.nonce(alice.publicKey(), 5);
    subtensor = subtensor(chain.uri(), null);
    registrar = Registrar.over(subtensor).withPollInterval(Duration.ofMillis(10)).withProgress(progress::add)
        .withNames(CLI_NAMES);
    // Serving writes PrometheusInfo at the including block and emits PrometheusServed, as subtensor does.
    chain.onExtrinsic((xt, c) -> {
      EnumValue call = Values.enumValue(xt.call().value());
      Map<String, Object> a = call.fields();
      if (c.get("SubtensorModule", "Uids", a.get("netuid"), xt.signer()) == null) {
        return List.of(c.failed("SubtensorModule", "HotKeyNotRegisteredInNetwork"));
      }
      c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1,
          (Long) a.get("version"), ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"),
          (Integer) a.get("ip_type")), a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          c.success());
    });
  }

  private static Subtensor subtensor(URI uri, String genesis) {
    RpcClient rpc = RpcClient.builder(uri).retryPolicy(FAST).connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(5)).build();
    return Subtensor.over(ChainClient.builder(rpc).expectedGenesis(genesis).build(), FAST);
  }

  @AfterEach
  void stop() {
    subtensor.close();
    chain.close();
  }

  private long submissions() {
    return chain.node.count("author_submitAndWatchExtrinsic");
  }

  private void onChain(long block, long version, long ip, int port, int ipType) {
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(block, version, ip, port, ipType), 1,
        alice.publicKey());
  }

  @Test
  void upToDateSendsNothing() {
    onChain(90, 100, IP, 9400, 4);
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED));
    assertThat(out).isInstanceOf(RegistrationOutcome.UpToDate.class);
    assertThat(out.describe()).startsWith("already up to date");
    assertThat(out.exitCode()).isZero();
    assertThat(submissions()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"version", "ip", "port", "ip_type"})
  void eachFieldAloneIsAReasonToRegister(String field) {
    onChain(10, 100, IP, 9400, 4); // served long ago: the rate limit (50) has passed at block 100
    Endpoint wanted = switch (field) {
      case "version" -> Endpoint.of(WANTED.ip(), 9400, 101);
      case "ip" -> Endpoint.of(IpAddress.parse("198.51.100.9"), 9400, 100);
      case "port" -> Endpoint.of(WANTED.ip(), 9401, 100);
      default -> Endpoint.of(new IpAddress(BigInteger.valueOf(IP), 6), 9400, 100); // the same u128, now IPv6
    };
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, wanted));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, r -> {
      assertThat(r.block()).isEqualTo(101);
      assertThat(r.blockHash()).startsWith("0x");
      assertThat(r.finalized()).isTrue();
      assertThat(r.diff().changes()).extracting(EndpointDiff.Change::field).containsExactly(field);
    });
    assertThat(out.describe()).startsWith("registered in block #101 (0x");
    assertThat(submissions()).isEqualTo(1);
    assertThat(subtensor.prometheusInfo(1, alice.publicKey())).isEqualTo(new PrometheusInfo(101, wanted.version(),
        wanted.ip().value(), wanted.port(), wanted.ip().type()));
  }

  @Test
  void aFirstRegistrationHasEveryFieldInItsDiff() {
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED).withWait(WaitMode.INCLUSION));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, r -> {
      assertThat(r.finalized()).isFalse();
      assertThat(r.diff().changes()).extracting(EndpointDiff.Change::field)
          .containsExactly("version", "ip", "port", "ip_type");
    });
  }

  @Test
  void anUnregisteredHotkeyIsNamedAndNothingIsSent() {
    RegistrationOutcome out = registrar.register(bob, RegistrationRequest.of(1, WANTED));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("HotKeyNotRegisteredInNetwork");
      assertThat(f.docs()).contains("5FHneW46").contains("netuid 1");
      assertThat(f.hint()).contains("btcli subnet register");
    });
    assertThat(out.exitCode()).isEqualTo(1);
    assertThat(submissions()).isZero();
  }

  @Test
  void aRateLimitIsReportedWithTheBlocksThatRemain() {
    onChain(95, 99, IP, 9400, 4);
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.RateLimited.class, r -> {
      assertThat(r.allowedAtBlock()).isEqualTo(145);
      assertThat(r.blocksRemaining()).isEqualTo(44);
      assertThat(r.diff().describe()).isEqualTo("version 99 -> 100");
    });
    assertThat(out.describe()).contains("44 blocks remain").contains("allowed from block #145").contains("--wait-rate-limit");
    assertThat(out.exitCode()).isEqualTo(RegistrationOutcome.EXIT_RATE_LIMITED);
    assertThat(submissions()).isZero();
  }

  @Test
  void withWaitRateLimitItWaitsForTheFirstAllowedBlockThenSendsOnce() throws Exception {
    onChain(95, 99, IP, 9400, 4);
    List<Long> blocksAtSubmit = new ArrayList<>();
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        blocksAtSubmit.add(chain.bestNumber());
      }
      return false;
    });
    ScheduledExecutorService blocks = Executors.newSingleThreadScheduledExecutor();
    blocks.scheduleAtFixedRate(() -> chain.advance(5), 20, 20, TimeUnit.MILLISECONDS);
    try {
      RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED).withWaitRateLimit(true));
      assertThat(out).isInstanceOf(RegistrationOutcome.Registered.class);
    } finally {
      blocks.shutdownNow();
    }
    assertThat(submissions()).isEqualTo(1);
    assertThat(blocksAtSubmit.get(0) + 1).isGreaterThanOrEqualTo(145);
    assertThat(progress).anyMatch(p -> p.contains("waiting for block #144"));
  }

  @Test
  void aConnectionLostAfterSubmittingIsResolvedFromStorageWithExactlyOneSubmission() {
    AtomicBoolean first = new AtomicBoolean(true);
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic") && first.getAndSet(false)) {
        FakeChain.Submitted xt = chain.decode(r.params().get(0).asText());
        chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(101, 100, IP, 9400, 4), 1, xt.signer());
        chain.nonce(xt.signer(), xt.nonce() + 1);
        r.dropConnection();
        return true;
      }
      return false;
    });
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, r -> {
      assertThat(r.block()).isEqualTo(101);
      assertThat(r.blockHash()).isNull();
      assertThat(r.extrinsicHash()).startsWith("0x");
    });
    assertThat(out.describe()).startsWith("registered in block #101 (confirmed from storage");
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void aSubmissionTheNodeNeverAnswersIsSentOnceAndEndsUnconfirmedAtTheDeadline() {
    chain.intercept(r -> r.method().equals("author_submitAndWatchExtrinsic")); // accepted, never answered
    long start = System.nanoTime();
    RegistrationOutcome out = Deadline.after(Duration.ofMillis(1500)).call(
        () -> registrar.register(alice, RegistrationRequest.of(1, WANTED)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("Unconfirmed");
      assertThat(f.docs()).contains("may have reached the node").contains("nothing more was sent")
          .contains("gave up at the deadline of 1.5 s");
      assertThat(f.hint()).contains("taoprom status");
    });
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void waitingForFinalizationOrTheRateLimitDoesNotSpendTheDeadline() throws Exception {
    chain.inclusionDelay(Duration.ofMillis(1200));
    RegistrationOutcome out = Deadline.after(Duration.ofMillis(800)).call(
        () -> registrar.register(alice, RegistrationRequest.of(1, WANTED)));
    assertThat(out).as(out.describe()).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(submissions()).isEqualTo(1);

    chain.inclusionDelay(Duration.ZERO);
    onChain(chain.bestNumber() - 1, 99, IP, 9400, 4); // just served: the rate limit (50 blocks) holds
    ScheduledExecutorService blocks = Executors.newSingleThreadScheduledExecutor();
    blocks.scheduleAtFixedRate(() -> chain.advance(2), 30, 30, TimeUnit.MILLISECONDS); // about a second to wait
    try {
      RegistrationOutcome limited = Deadline.after(Duration.ofMillis(500)).call(
          () -> registrar.register(alice, RegistrationRequest.of(1, WANTED).withWaitRateLimit(true)));
      assertThat(limited).as(limited.describe()).isInstanceOf(RegistrationOutcome.Registered.class);
    } finally {
      blocks.shutdownNow();
    }
    assertThat(submissions()).isEqualTo(2);
  }

  @Test
  void aFinalizationTimeoutSaysItMayStillBeIncluded() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.reply("watch-1");
        r.connection().notify("author_extrinsicUpdate", "watch-1", "ready"); // and then nothing
        return true;
      }
      return false;
    });
    RegistrationOutcome out = registrar.register(alice,
        RegistrationRequest.of(1, WANTED).withTimeout(Duration.ofMillis(300)));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("FinalizationTimeout");
      assertThat(f.docs()).contains("no finalization within");
      assertThat(f.hint()).contains("taoprom status");
    });
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void aNodeOfAnotherChainIsRefusedBeforeAnythingIsSent() {
    try (Subtensor wrong = subtensor(chain.uri(), "0x" + "00".repeat(32))) {
      RegistrationOutcome out = Registrar.over(wrong).withNames(CLI_NAMES).register(alice, RegistrationRequest.of(1, WANTED));
      assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
        assertThat(f.error()).isEqualTo("WrongChain");
        assertThat(f.docs()).contains(FakeChain.GENESIS);
        assertThat(f.hint()).contains("--network");
      });
    }
    assertThat(submissions()).isZero();
  }

  @Test
  void aDryRunShowsTheCallAndTheDiffAndSendsNothing() {
    onChain(10, 99, IP, 9400, 4);
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED).withDryRun(true));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.DryRun.class, d -> {
      assertThat(d.call()).isEqualTo("SubtensorModule.serve_prometheus(netuid=1, version=100, ip=" + IP
          + " (203.0.113.7), port=9400, ip_type=4)");
      assertThat(d.signer()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
      assertThat(d.diff().describe()).isEqualTo("version 99 -> 100");
      assertThat(d.verdict()).contains("would send it now");
    });
    assertThat(out.exitCode()).isZero();
    assertThat(submissions()).isZero();
    assertThat(chain.node.count("system_accountNextIndex")).isZero();
    assertThat(chain.nonce(alice.publicKey())).isEqualTo(5);
  }

  @Test
  void aNetuidThatDoesNotExistIsNamed() {
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(7, WANTED));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.docs()).contains("netuid 7 does not exist");
      assertThat(f.hint()).contains("--netuid");
    });
    assertThat(submissions()).isZero();
  }

  @Test
  void anUnreachableNodeIsNamedWithTheFix() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (Subtensor nowhere = subtensor(URI.create("ws://127.0.0.1:" + port), null)) {
      RegistrationOutcome out = Registrar.over(nowhere).withNames(CLI_NAMES).register(alice, RegistrationRequest.of(1, WANTED));
      assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
        assertThat(f.error()).isEqualTo("NodeUnreachable");
        assertThat(f.docs()).contains("127.0.0.1:" + port);
        assertThat(f.hint()).contains("--network");
      });
    }
  }

  @Test
  void forceSendsAnEndpointThatIsAlreadyOnChain() {
    onChain(10, 100, IP, 9400, 4);
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED).withForce(true));
    assertThat(out).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void statusShowsWhatTheChainHoldsBesideThisMachine() {
    onChain(95, 99, IP, 9400, 4);
    RegistrationStatus s = registrar.status(alice.publicKey(), 1, 100L, WANTED.ip(), 9401);
    assertThat(s.uid()).isEqualTo(0);
    assertThat(s.prometheus()).isEqualTo(new PrometheusInfo(95, 99, BigInteger.valueOf(IP), 9400, 4));
    assertThat(s.axon()).isNull();
    assertThat(s.currentBlock()).isEqualTo(100);
    assertThat(s.rateLimit()).isEqualTo(50);
    assertThat(s.blocksUntilAllowed()).isEqualTo(44);
    assertThat(s.diff().describe()).isEqualTo("version 99 -> 100, port 9400 -> 9401");
    assertThat(String.join("\n", s.lines())).contains("203.0.113.7:9400 version 99").contains("last serve block:  #95")
        .contains("44 blocks until a serve is allowed");
    assertThat(s.toMap()).containsEntry("uid", 0).containsEntry("blocksUntilAllowed", 44L).containsEntry("upToDate", false);

    RegistrationStatus bobs = registrar.status(bob.publicKey(), 1, null, null, null);
    assertThat(bobs.uid()).isNull();
    assertThat(bobs.prometheus()).isNull();
    assertThat(bobs.diff()).isNull();
    assertThat(String.join("\n", bobs.lines())).contains("not registered on this subnet");
    assertThat(submissions()).isZero();
  }

  @Test
  void anAddressTheChainWouldRejectIsNamedBeforeSending() {
    RegistrationOutcome out = registrar.register(alice,
        RegistrationRequest.of(1, Endpoint.of(IpAddress.parse("127.0.0.1"), 9400, 100)));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("InvalidIpAddress");
      assertThat(f.docs()).contains("(not sent)").contains("127.0.0.1");
      assertThat(f.hint()).contains("--ip");
    });
    assertThat(submissions()).isZero();
  }

  @Test
  void aPoolRejectionIsNamedWithItsPalletErrorAndAHint() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.replyError(1010, "Invalid Transaction", "Custom error: 12");
        return true;
      }
      return false;
    });
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("ServingRateLimitExceeded");
      assertThat(f.docs()).contains("rejected by the transaction pool");
      assertThat(f.hint()).contains("--wait-rate-limit");
    });
    assertThat(out.describe()).startsWith("ServingRateLimitExceeded: (rejected by the transaction pool)");
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  void waitNoneSubmitsOnceWithoutWatching() {
    onChain(10, 99, IP, 9400, 4);
    RegistrationOutcome out = registrar.register(alice, RegistrationRequest.of(1, WANTED).withWait(WaitMode.NONE));
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.Submitted.class, r -> {
      assertThat(r.extrinsicHash()).startsWith("0x");
      assertThat(r.nonce()).isEqualTo(5);
      assertThat(r.diff().describe()).isEqualTo("version 99 -> 100");
    });
    assertThat(out.exitCode()).isZero();
    assertThat(out.describe()).startsWith("submitted 0x").contains("not waiting");
    assertThat(submissions()).isZero();
    assertThat(chain.node.count("author_submitExtrinsic")).isEqualTo(1);
    FakeChain.Submitted xt = chain.decode(chain.node.received().stream()
        .filter(q -> q.method().equals("author_submitExtrinsic")).findFirst().orElseThrow().params().get(0).asText());
    assertThat(xt.signer()).isEqualTo(alice.publicKey());
    assertThat(xt.nonce()).isEqualTo(5);
    Map<String, Object> args = Values.enumValue(xt.call().value()).fields();
    assertThat(args).containsEntry("version", 100L).containsEntry("port", 9400).containsEntry("ip_type", 4);
  }

  @Test
  void hintsNameParametersInPlainWordsByDefault() {
    onChain(95, 99, IP, 9400, 4);
    RegistrationOutcome limited = Registrar.over(subtensor).register(alice, RegistrationRequest.of(1, WANTED));
    assertThat(limited.describe()).endsWith("Run again then, or add waitRateLimit").doesNotContain("--");
    RegistrationOutcome bobs = Registrar.over(subtensor).register(bob, RegistrationRequest.of(1, WANTED));
    assertThat(bobs).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> assertThat(f.hint())
        .isEqualTo("register the hotkey on the subnet first (btcli subnet register), or check netuid and hotkey"));
    RegistrationOutcome local = Registrar.over(subtensor).register(alice,
        RegistrationRequest.of(1, Endpoint.of(IpAddress.parse("127.0.0.1"), 9400, 100)));
    assertThat(local).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.stage()).isEqualTo(RegistrationOutcome.Stage.NOT_SENT);
      assertThat(f.hint()).startsWith("give this machine's public address with ip;");
    });
    assertThat(submissions()).isZero();
  }
}
