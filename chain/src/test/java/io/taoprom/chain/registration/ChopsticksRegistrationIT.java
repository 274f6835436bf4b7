package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.rpc.RequestOutcome;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcListener;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.keys.Keys;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The registration flow against a real Subtensor runtime: chopsticks 1.5.1 runs the chain spec named
 * by {@code TAOPROM_CHAIN_SPEC} offline on loopback, with {@code //Alice} a member of netuid 1.
 * Register succeeds; a second register is up to date without sending; status shows it; a changed
 * port inside the rate-limit window is reported, not sent. Optional even in CI: skipped without
 * the variable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChopsticksRegistrationIT {

  private static final int NETUID = 1;
  private static final KeyPair ALICE = Keys.fromUri("//Alice");
  private static final Endpoint ENDPOINT = Endpoint.of(IpAddress.parse("203.0.113.7"), 9400, 183);

  private static ChopsticksNode node;
  private static Subtensor subtensor;
  private static Registrar registrar;
  private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    node = ChopsticksNode.startOrSkip("ChopsticksRegistrationIT", NETUID);
    subtensor = Subtensor.builder().network(node.url())
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0))
        .requestTimeout(Duration.ofSeconds(60))
        .listener(new RpcListener() {
          @Override
          public void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {
            REQUESTS.add(method);
          }
        }).build();
    registrar = Registrar.over(subtensor);
  }

  @AfterAll
  static void stop() throws IOException {
    if (subtensor != null) {
      subtensor.close();
    }
    if (node != null) {
      node.close();
    }
  }

  private static long submissions() {
    return REQUESTS.stream().filter(m -> m.equals("author_submitAndWatchExtrinsic")).count();
  }

  @Test
  @Order(1)
  void aliceRegisters() {
    RegistrationOutcome out = registrar.register(ALICE, RegistrationRequest.of(NETUID, ENDPOINT));
    System.out.println("register: " + out.describe());
    assertThat(out).isInstanceOf(RegistrationOutcome.Registered.class);
    assertThat(out.describe()).startsWith("registered in block #");
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  @Order(2)
  void aSecondRegisterIsUpToDateWithoutSending() {
    RegistrationOutcome out = registrar.register(ALICE, RegistrationRequest.of(NETUID, ENDPOINT));
    System.out.println("register again: " + out.describe());
    assertThat(out).isInstanceOf(RegistrationOutcome.UpToDate.class);
    assertThat(submissions()).isEqualTo(1);
  }

  @Test
  @Order(3)
  void statusShowsWhatWasRegistered() {
    RegistrationStatus s = registrar.status(ALICE.publicKey(), NETUID, ENDPOINT.version(), ENDPOINT.ip(), ENDPOINT.port());
    s.lines().forEach(l -> System.out.println("status: " + l));
    PrometheusInfo p = s.prometheus();
    assertThat(p).isNotNull();
    assertThat(ENDPOINT.matches(p)).isTrue();
    assertThat(s.uid()).isEqualTo(0);
    assertThat(s.diff().isEmpty()).isTrue();
    assertThat(s.blocksUntilAllowed()).isPositive();
  }

  @Test
  @Order(4)
  void aChangedPortInsideTheRateLimitWindowIsReportedNotSent() {
    RegistrationOutcome out = registrar.register(ALICE,
        RegistrationRequest.of(NETUID, Endpoint.of(ENDPOINT.ip(), 9401, ENDPOINT.version())));
    System.out.println("changed port: " + out.describe());
    assertThat(out).isInstanceOfSatisfying(RegistrationOutcome.RateLimited.class, r -> {
      assertThat(r.blocksRemaining()).isPositive();
      assertThat(r.diff().describe()).isEqualTo("port 9400 -> 9401");
    });
    assertThat(submissions()).isEqualTo(1);
  }
}
