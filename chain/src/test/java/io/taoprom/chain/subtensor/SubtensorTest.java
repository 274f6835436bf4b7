package io.taoprom.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.WrongChainException;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.chain.rpc.FakeNode;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The typed reads, and serving through the one registration path ({@link Registrar}) as the
 * typed {@code servePrometheus} did: each of its branches, asserted as before, on the one outcome type.
 */
class SubtensorTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0);
  private static final long IP = 0xcb007107L; // 203.0.113.7

  private final KeyPair alice = Keys.fromUri("//Alice");
  private final KeyPair bob = Keys.fromUri("//Bob");
  private FakeChain chain;
  private Subtensor subtensor;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    chain.put("SubtensorModule", "NetworksAdded", true, 1); // the subnet exists, as on a real chain
    chain.put("SubtensorModule", "Uids", 0, 1, alice.publicKey());
    chain.nonce(alice.publicKey(), 5);
    subtensor = subtensor(null);
    // Serving writes PrometheusInfo at the including block and emits PrometheusServed.
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

  private Subtensor subtensor(String genesis) {
    RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(FAST).requestTimeout(Duration.ofSeconds(5)).build();
    return Subtensor.over(ChainClient.builder(rpc).expectedGenesis(genesis).build(), FAST);
  }

  @AfterEach
  void stop() {
    subtensor.close();
    chain.close();
  }

  private static RegistrationRequest defaults(long ip) {
    return RegistrationRequest.of(1, Endpoint.of(new IpAddress(BigInteger.valueOf(ip), 4), 9400, 100));
  }

  private RegistrationOutcome serve(KeyPair key, RegistrationRequest request) {
    return Registrar.over(subtensor).register(key, request);
  }

  @Test
  void servePrometheusSucceedsWithItsEventAndReadsBackExactly() {
    subtensor.runtime(); // warm metadata, as in serve mode
    int before = chain.node.received().size();
    RegistrationOutcome r = serve(alice, defaults(IP));
    int roundTrips = chain.node.received().size() - before;

    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, s -> {
      assertThat(s.included().hasEvent("SubtensorModule", "PrometheusServed")).isTrue();
      assertThat(s.included().hasEvent("System", "ExtrinsicSuccess")).isTrue();
      assertThat(s.included().finalized()).isTrue();
      assertThat(s.included().blockNumber()).isEqualTo(101);
      assertThat(s.included().extrinsicIndex()).isEqualTo(1);
      assertThat(s.included().statuses()).extracting(st -> st.name()).containsExactly("ready", "inBlock", "finalized");
    });
    assertThat(r.describe()).contains("registered in block #101");
    assertThat(roundTrips).isLessThanOrEqualTo(6);
    assertThat(chain.node.received().subList(before, chain.node.received().size()))
        .extracting(FakeNode.Received::method).containsExactlyInAnyOrder("chain_getHeader", "state_queryStorageAt",
            "system_accountNextIndex", "author_submitAndWatchExtrinsic", "chain_getBlock", "state_getStorage");
    assertThat(subtensor.prometheusInfo(1, alice.publicKey()))
        .isEqualTo(new PrometheusInfo(101, 100, BigInteger.valueOf(IP), 9400, 4));
    // the extrinsic really was signed by Alice with her nonce, immortal or mortal from the header
    FakeChain.Submitted xt = chain.decode(chain.node.received().stream()
        .filter(q -> q.method().equals("author_submitAndWatchExtrinsic")).findFirst().orElseThrow()
        .params().get(0).asText());
    assertThat(xt.signer()).isEqualTo(alice.publicKey());
    assertThat(xt.nonce()).isEqualTo(5);
  }

  @Test
  void anUnchangedEndpointIsNotSentAgain() {
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(90, 100, IP, 9400, 4), 1, alice.publicKey());
    RegistrationOutcome r = serve(alice, defaults(IP));
    assertThat(r).isInstanceOf(RegistrationOutcome.UpToDate.class);
    assertThat(r.isSuccess()).isTrue();
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isZero();
    // a version bump alone is a change (the Python original missed it)
    RegistrationOutcome bumped = serve(alice, RegistrationRequest.of(1,
        Endpoint.of(new IpAddress(BigInteger.valueOf(IP), 4), 9400, 101)).withPreflight(false));
    assertThat(bumped).isInstanceOf(RegistrationOutcome.Registered.class);
  }

  @Test
  void unregisteredHotkeyIsNamedBeforeSendingOrByTheChain() {
    RegistrationOutcome pre = serve(bob, defaults(IP));
    assertThat(pre).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("HotKeyNotRegisteredInNetwork");
      assertThat(f.stage()).isEqualTo(RegistrationOutcome.Stage.NOT_SENT);
      assertThat(f.docs()).contains("is not registered on netuid 1").contains("5FHneW46");
    });
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isZero();

    RegistrationOutcome onChain = serve(bob, defaults(IP).withPreflight(false));
    assertThat(onChain).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("HotKeyNotRegisteredInNetwork");
      assertThat(f.stage()).isEqualTo(RegistrationOutcome.Stage.DISPATCH);
      assertThat(f.docs()).endsWith(chain.metadata.pallet("SubtensorModule").error("HotKeyNotRegisteredInNetwork").docText());
      assertThat(f.included().hasEvent("System", "ExtrinsicFailed")).isTrue();
    });
  }

  @Test
  void localhostAndRateLimitAreCaughtBeforeSending() {
    RegistrationOutcome localhost = serve(alice, defaults(0x7f000001L));
    assertThat(localhost).isInstanceOfSatisfying(RegistrationOutcome.Failed.class,
        f -> assertThat(f.error()).isEqualTo("InvalidIpAddress"));
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(95, 99, IP, 9400, 4), 1, alice.publicKey());
    RegistrationOutcome limited = serve(alice, defaults(IP));
    assertThat(limited).isInstanceOfSatisfying(RegistrationOutcome.RateLimited.class, f -> {
      assertThat(f.describe()).startsWith("ServingRateLimitExceeded");
      assertThat(f.allowedAtBlock()).isEqualTo(95 + 50);
      assertThat(f.describe()).contains("allowed from block #145");
    });
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isZero();
    assertThat(subtensor.servingRateLimit(1)).isEqualTo(50);
  }

  @Test
  void poolRejectionWithASubtensorCustomCodeIsNamed() {
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic")) {
        r.replyError(1010, "Invalid Transaction", "Custom error: 12");
        return true;
      }
      return false;
    });
    RegistrationOutcome r = serve(alice, defaults(IP).withPreflight(false));
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Failed.class, f -> {
      assertThat(f.error()).isEqualTo("ServingRateLimitExceeded");
      assertThat(f.stage()).isEqualTo(RegistrationOutcome.Stage.POOL);
      assertThat(f.invalid().customCode()).hasValue(12);
    });
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isEqualTo(1);
  }

  @Test
  void connectionLostAfterSubmitIsResolvedByReadingTheChainNotBySubmittingAgain() {
    AtomicBoolean first = new AtomicBoolean(true);
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic") && first.getAndSet(false)) {
        // The node takes the extrinsic and includes it, but the connection dies before any answer.
        FakeChain.Submitted xt = chain.decode(r.params().get(0).asText());
        chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(101, 100, IP, 9400, 4), 1, xt.signer());
        chain.nonce(xt.signer(), xt.nonce() + 1);
        r.dropConnection();
        return true;
      }
      return false;
    });
    RegistrationOutcome r = serve(alice, defaults(IP));
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, s -> {
      assertThat(s.block()).isEqualTo(101);
      assertThat(s.included()).isNull(); // confirmed from storage, not watched
    });
    assertThat(chain.node.count("author_submitAndWatchExtrinsic")).isEqualTo(1);
    List<String> after = chain.node.received().stream().map(FakeNode.Received::method)
        .dropWhile(m -> !m.equals("author_submitAndWatchExtrinsic")).toList();
    assertThat(after).contains("system_accountNextIndex", "state_getStorage");
  }

  @Test
  void aSubmissionThatNeverLandedIsResentOnlyAsTheSameSignedBytesAfterARecheck() {
    AtomicInteger submissions = new AtomicInteger();
    chain.intercept(r -> {
      if (r.method().equals("author_submitAndWatchExtrinsic") && submissions.incrementAndGet() == 1) {
        r.dropConnection(); // lost before the node did anything with it
        return true;
      }
      return false;
    });
    RegistrationOutcome r = serve(alice, defaults(IP));
    assertThat(r).isInstanceOfSatisfying(RegistrationOutcome.Registered.class, s -> assertThat(s.included()).isNotNull());
    List<FakeNode.Received> log = chain.node.received();
    List<FakeNode.Received> subs = log.stream().filter(q -> q.method().equals("author_submitAndWatchExtrinsic")).toList();
    assertThat(subs).hasSize(2);
    assertThat(subs.get(1).params().get(0).asText()).isEqualTo(subs.get(0).params().get(0).asText());
    int firstSubmit = log.indexOf(subs.get(0));
    int secondSubmit = log.indexOf(subs.get(1));
    assertThat(log.subList(firstSubmit, secondSubmit)).extracting(FakeNode.Received::method)
        .contains("system_accountNextIndex");
    assertThat(chain.nonce(alice.publicKey())).isEqualTo(6);
  }

  @Test
  void aNodeOnAnotherChainIsRefused() {
    Subtensor wrong = subtensor("0x" + "00".repeat(32));
    try {
      assertThatThrownBy(wrong::runtime).isInstanceOf(WrongChainException.class)
          .hasMessageContaining(FakeChain.GENESIS).hasMessageContaining("not the expected 0x0000");
    } finally {
      wrong.close();
    }
  }

  @Test
  void readsOfRegistrationAxonsAndAllEndpointsOfASubnet() {
    assertThat(subtensor.isHotkeyRegistered(1, alice.publicKey())).isTrue();
    assertThat(subtensor.uid(1, alice.publicKey())).hasValue(0);
    assertThat(subtensor.isHotkeyRegistered(1, bob.publicKey())).isFalse();
    assertThat(subtensor.axonInfo(1, alice.publicKey())).isNull();
    assertThat(subtensor.prometheusInfo(1, alice.publicKey())).isNull();
    for (int k = 0; k < 3; k++) {
      KeyPair key = Keys.fromUri("//Key" + k);
      chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(10 + k, 1, IP + k, 9400 + k, 4), 1, key.publicKey());
    }
    chain.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(1, 1, IP, 1, 4), 2, alice.publicKey());
    List<PrometheusEndpoint> endpoints = subtensor.prometheusEndpoints(1);
    assertThat(endpoints).hasSize(3);
    assertThat(endpoints).extracting(e -> e.info().port()).containsExactlyInAnyOrder(9400, 9401, 9402);
    assertThat(endpoints).allSatisfy(e -> assertThat(e.info())
        .isEqualTo(subtensor.prometheusInfo(1, e.hotkey())));
    assertThat(subtensor.currentBlock()).isEqualTo(100);
  }

  @Test
  void aRuntimeUpgradeSeenInStorageReloadsTheMetadata() {
    subtensor.runtime();
    chain.specVersion(344);
    chain.put("System", "LastRuntimeUpgrade", Map.of("spec_version", 344L, "spec_name", "node-subtensor"));
    RegistrationOutcome r = serve(alice, defaults(IP));
    assertThat(r.isSuccess()).isTrue();
    assertThat(subtensor.runtime().specVersion()).isEqualTo(344);
    assertThat(chain.node.count("state_call")).isEqualTo(2);
  }
}
