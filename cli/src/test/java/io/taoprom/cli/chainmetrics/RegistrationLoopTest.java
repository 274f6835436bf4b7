package io.taoprom.cli.chainmetrics;

import io.taoprom.chainmetrics.ChainMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.registration.Endpoint;
import io.taoprom.chain.registration.Registrar;
import io.taoprom.chain.registration.RegistrationLoop;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.registration.RegistrationRequest;
import io.taoprom.chain.registration.WaitMode;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --register}'s loop (the SDK's {@link RegistrationLoop}, with {@link ChainMetrics} as
 * its listener) against the fake chain, with fast ticks: what the loop does shows in the series.
 */
class RegistrationLoopTest {

  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0);
  private static final Duration TICK = Duration.ofMillis(40);

  private final KeyPair alice = Keys.fromUri("//Alice");
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ChainMetrics metrics = ChainMetrics.register(registry);
  private final AtomicReference<IpAddress> address = new AtomicReference<>(IpAddress.parse("203.0.113.7"));
  private final AtomicInteger submissions = new AtomicInteger();
  private FakeChain chain;
  private Subtensor subtensor;
  private RegistrationLoop loop;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "Uids", 0, 1, alice.publicKey());
    chain.put("SubtensorModule", "ServingRateLimit", BigInteger.valueOf(10), 1);
    chain.onExtrinsic((xt, c) -> {
      submissions.incrementAndGet();
      EnumValue call = Values.enumValue(xt.call().value());
      Map<String, Object> a = call.fields();
      c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1, (Long) a.get("version"),
          ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"), (Integer) a.get("ip_type")),
          a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          c.success());
    });
    RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(FAST).connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofSeconds(3)).listener(metrics).build();
    subtensor = Subtensor.over(ChainClient.builder(rpc).listener(metrics).build(), FAST);
    RegistrationRequest template = RegistrationRequest.of(1, Endpoint.of(IpAddress.parse("192.0.2.1"), 7091, 183))
        .withWait(WaitMode.INCLUSION).withTimeout(Duration.ofSeconds(10));
    loop = loop(template, address::get);
  }

  private RegistrationLoop loop(RegistrationRequest template, java.util.function.Supplier<IpAddress> addresses) {
    return RegistrationLoop.builder(Registrar.over(subtensor).withPollInterval(TICK), alice, template).address(addresses)
        .listener(metrics).intervalBlocks(5).tick(TICK).addressCheck(TICK).build();
  }

  @AfterEach
  void stop() {
    loop.close();
    subtensor.close();
    chain.close();
  }

  private String text() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
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

  private PrometheusInfo onChain() {
    return subtensor.prometheusInfo(1, alice.publicKey());
  }

  @Test
  void registersAtStartThenChecksEveryIntervalAndFollowsTheAddress() throws Exception {
    loop.start();
    await("the first registration", () -> loop.rounds() >= 1);
    assertThat(loop.lastOutcome()).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(onChain().address()).isEqualTo(IpAddress.parse("203.0.113.7"));
    assertThat(onChain().version()).isEqualTo(183);
    String t = text();
    assertThat(t).contains("taoprom_chain_registered 1.0", "taoprom_chain_registration_attempts_total{outcome=\"registered\"} 1.0");
    assertThat(t).contains("taoprom_chain_prometheus_info{hotkey=\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",ip=\"203.0.113.7\",netuid=\"1\",port=\"7091\",version=\"183\"} 1");

    // No new block: no new round, however many ticks pass.
    Thread.sleep(TICK.toMillis() * 8);
    assertThat(loop.rounds()).isEqualTo(1);

    // The interval passes: a check that sends nothing.
    chain.advance(5);
    await("the interval check", () -> loop.rounds() >= 2);
    assertThat(loop.lastOutcome()).isInstanceOf(RegistrationOutcome.UpToDate.class);
    assertThat(submissions).hasValue(1);

    // The address changes within the rate limit: reported, not sent, and sent at the first allowed block.
    address.set(IpAddress.parse("203.0.113.8"));
    await("the rate-limited round", () -> loop.lastOutcome() instanceof RegistrationOutcome.RateLimited);
    RegistrationOutcome.RateLimited limited = (RegistrationOutcome.RateLimited) loop.lastOutcome();
    assertThat(submissions).hasValue(1);
    assertThat(text()).contains("taoprom_chain_registration_attempts_total{outcome=\"rate_limited\"} 1.0", "taoprom_chain_registered 0.0");
    chain.advance(limited.allowedAtBlock() - chain.bestNumber());
    await("the registration of the new address", () -> loop.lastOutcome() instanceof RegistrationOutcome.Registered);
    assertThat(onChain().address()).isEqualTo(IpAddress.parse("203.0.113.8"));
    assertThat(submissions).hasValue(2);
    assertThat(text()).contains("ip=\"203.0.113.8\"").doesNotContain("ip=\"203.0.113.7\"");
  }

  @Test
  void aNodeThatIsDownIsReportedAtEveryTickAndTheLoopGoesOn() throws Exception {
    chain.close();
    loop.start();
    await("two failed rounds", () -> loop.rounds() >= 2);
    assertThat(loop.lastOutcome()).isInstanceOf(RegistrationOutcome.Failed.class);
    String t = text();
    assertThat(t).containsPattern("taoprom_chain_registration_attempts_total\\{outcome=\"failed\"\\} [2-9]");
    assertThat(t).contains("taoprom_chain_registered 0.0").doesNotContain("taoprom_chain_prometheus_info{");
    assertThat(t).containsPattern("taoprom_chain_rpc_requests_total\\{method=\"[a-z_A-Z]+\",outcome=\"transport_error\"\\} [1-9]");
  }

  @Test
  void noAddressIsCountedAndRetried() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    loop.close();
    RegistrationRequest template = RegistrationRequest.of(1, Endpoint.of(IpAddress.parse("192.0.2.1"), 7091, 183))
        .withWait(WaitMode.INCLUSION);
    loop = loop(template, () -> {
      if (asked.incrementAndGet() < 3) {
        throw new IllegalStateException("no provider answered");
      }
      return IpAddress.parse("203.0.113.9");
    });
    loop.start();
    await("a registration once an address is known", () -> loop.lastOutcome() instanceof RegistrationOutcome.Registered);
    assertThat(text()).contains("taoprom_chain_registration_attempts_total{outcome=\"no_address\"} 2.0");
    assertThat(onChain().address()).isEqualTo(IpAddress.parse("203.0.113.9"));
  }
}
