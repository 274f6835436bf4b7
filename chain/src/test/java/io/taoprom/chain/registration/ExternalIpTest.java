package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.taoprom.chain.subtensor.IpAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** External-address discovery against local HTTP servers only: no test contacts a real provider. */
class ExternalIpTest {

  private final List<HttpServer> servers = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    servers.forEach(s -> s.stop(0));
  }

  /** A provider that answers {@code status} with {@code body}, after {@code delay}; counts its calls. */
  private URI provider(int status, String body, Duration delay, AtomicInteger calls) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.setExecutor(Executors.newCachedThreadPool());
    s.createContext("/", ex -> {
      calls.incrementAndGet();
      try {
        if (!delay.isZero()) {
          release.await(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(status, b.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      } catch (IOException clientGone) {
        // the client gave up first: that is what the slow provider tests
      }
    });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/");
  }

  private static URI closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/");
    }
  }

  @Test
  void theFirstProviderThatAnswersWins() throws Exception {
    AtomicInteger a = new AtomicInteger();
    AtomicInteger b = new AtomicInteger();
    URI first = provider(200, "203.0.113.7\n", Duration.ZERO, a);
    URI second = provider(200, "198.51.100.1", Duration.ZERO, b);
    ExternalIp.Discovery d = ExternalIp.of(List.of(first, second), Duration.ofSeconds(2)).discover();
    assertThat(d.address()).isEqualTo(IpAddress.parse("203.0.113.7"));
    assertThat(d.provider()).isEqualTo(first);
    assertThat(d.failures()).isEmpty();
    assertThat(b.get()).isZero();
  }

  @Test
  void everyKindOfFailureFallsBackToTheNextProvider() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    URI refused = closedPort();
    URI slow = provider(200, "192.0.2.1", Duration.ofSeconds(10), calls);
    URI error = provider(503, "busy", Duration.ZERO, calls);
    URI garbage = provider(200, "<html>hello</html>", Duration.ZERO, calls);
    URI good = provider(200, "2001:db8::7", Duration.ZERO, calls);
    long start = System.nanoTime();
    ExternalIp.Discovery d = ExternalIp.of(List.of(refused, slow, error, garbage, good), Duration.ofMillis(300)).discover();
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(d.address()).isEqualTo(IpAddress.parse("2001:db8::7"));
    assertThat(d.address().type()).isEqualTo(6);
    assertThat(d.provider()).isEqualTo(good);
    assertThat(d.failures()).hasSize(4);
    assertThat(d.failures().get(1)).contains(slow.toString()).contains("no answer within 300 ms");
    assertThat(d.failures().get(2)).contains("HTTP 503");
    assertThat(d.failures().get(3)).contains("is not an IP address");
    // the slow provider cost its own deadline, not ten seconds
    assertThat(millis).isLessThan(5000);
  }

  @Test
  void whenAllFailTheMessageListsEachAndNamesTheFix() throws Exception {
    URI refused = closedPort();
    URI error = provider(500, "", Duration.ZERO, new AtomicInteger());
    assertThatThrownBy(() -> ExternalIp.of(List.of(refused, error), Duration.ofMillis(500)).discover(CliNames.FLAGS))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining(refused.toString())
        .hasMessageContaining("HTTP 500").hasMessageEndingWith("give it with --ip");
  }

  @Test
  void theDefaultsAreTheThreeKnownProviders() {
    assertThat(ExternalIp.defaults().providers()).extracting(URI::getHost)
        .containsExactly("checkip.amazonaws.com", "api.ipify.org", "icanhazip.com");
  }

  @Test
  void loopbackPrivateAndUnspecifiedAddressesAreWarnedAbout() {
    assertThat(ExternalIp.warning(IpAddress.parse("127.0.0.1"))).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
    assertThat(ExternalIp.warning(IpAddress.parse("::1"))).hasValueSatisfying(w -> assertThat(w).contains("loopback"));
    assertThat(ExternalIp.warning(IpAddress.parse("0.0.0.0"))).hasValueSatisfying(w -> assertThat(w).contains("unspecified"));
    for (String p : List.of("10.1.2.3", "172.16.0.1", "192.168.1.10", "100.64.0.1", "fd00::1")) {
      assertThat(ExternalIp.warning(IpAddress.parse(p), CliNames.FLAGS)).as(p)
          .hasValueSatisfying(w -> assertThat(w).contains("private").contains("--ip"));
      assertThat(ExternalIp.warning(IpAddress.parse(p))).as(p)
          .hasValueSatisfying(w -> assertThat(w).endsWith("give the public address with ip"));
    }
    assertThat(ExternalIp.warning(IpAddress.parse("169.254.1.1"))).hasValueSatisfying(w -> assertThat(w).contains("link-local"));
    assertThat(ExternalIp.warning(IpAddress.parse("203.0.113.7"))).isEmpty();
    assertThat(ExternalIp.warning(IpAddress.parse("2001:db8::7"))).isEmpty();
    assertThat(ExternalIp.warning(IpAddress.parse("100.128.0.1"))).isEmpty();
  }

  @Test
  void aProviderThatAnswersWithoutEndIsCutOffAtAFewBytes() throws Exception {
    HttpServer endless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    endless.setExecutor(Executors.newCachedThreadPool());
    endless.createContext("/", ex -> {
      ex.sendResponseHeaders(200, 0); // chunked, no length
      byte[] chunk = "203.0.113.7 ".repeat(1000).getBytes(StandardCharsets.US_ASCII);
      try (OutputStream out = ex.getResponseBody()) {
        for (int i = 0; i < 100_000; i++) { // 1.2 GB if it were all read
          out.write(chunk);
        }
      } catch (IOException cutOff) {
        // what the client does
      }
    });
    endless.start();
    servers.add(endless);
    URI declared = provider(200, "203.0.113.7" + " ".repeat(5000), Duration.ZERO, new AtomicInteger());
    URI good = provider(200, "2001:db8::7", Duration.ZERO, new AtomicInteger());
    URI stream = URI.create("http://127.0.0.1:" + endless.getAddress().getPort() + "/");
    ExternalIp.Discovery d = ExternalIp.of(List.of(stream, declared, good), Duration.ofSeconds(5)).discover();
    assertThat(d.provider()).isEqualTo(good);
    assertThat(d.failures()).hasSize(2).allSatisfy(f -> assertThat(f).contains("answer of more than 256 bytes"));
  }
}
