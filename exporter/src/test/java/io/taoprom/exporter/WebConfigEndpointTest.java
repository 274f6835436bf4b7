package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.taoprom.exporter.web.TestCertificates;
import io.taoprom.exporter.web.WebConfigFile;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint with a web config, over real TLS on loopback: client certificates, basic auth,
 * headers and the rate limit, and changes to the file taken in while serving (the last good
 * configuration kept, in one log line, when a change is invalid).
 */
class WebConfigEndpointTest {

  @TempDir static Path dir;
  static TestCertificates pki;

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      synchronized (logged) {
        logged.add(record);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private TaoPromExporter exporter;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestCertificates.create(dir);
  }

  @BeforeEach
  void listen() {
    Logger.getLogger("io.taoprom.exporter.web").addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("io.taoprom.exporter.web").removeHandler(capture);
    if (exporter != null) {
      exporter.close();
    }
  }

  static String hash(String password) {
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 4);
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("web.yml");
    // A new file each time (its inode changes), as editors and config tools replace files.
    Path tmp = dir.resolve("web.yml.tmp");
    Files.writeString(tmp, yaml);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private TaoPromExporter start(String yaml) throws Exception {
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy())))
        .webConfig(WebConfigFile.load(write(yaml))).buildAndStart();
    return exporter;
  }

  private HttpResponse<String> get(SSLContext tls, String path, String user, String password) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + exporter.port() + path))
        .timeout(Duration.ofSeconds(10));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String mtls(String users) {
    return mtls(users, "server.crt", "server.key");
  }

  private static String mtls(String users, String cert, String key) {
    return "tls_server_config:\n  cert_file: " + cert + "\n  key_file: " + key + "\n"
        + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
        + "http_server_config:\n  headers:\n    X-Content-Type-Options: nosniff\n"
        + "basic_auth_users:\n" + users;
  }

  @Test
  void clientCertificatesAndBasicAuthBothGuardEveryRoute() throws Exception {
    start(mtls("  alice: " + hash("secret") + "\n"));
    assertThat(exporter.secure()).isTrue();
    SSLContext withCert = pki.clientContext(true);
    HttpResponse<String> ok = get(withCert, "/metrics", "alice", "secret");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("taoprom_test_healthy_value");
    assertThat(ok.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    for (String path : List.of("/metrics", "/", "/-/healthy", "/-/ready", "/nope")) {
      HttpResponse<String> none = get(withCert, path, null, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
      assertThat(none.headers().firstValue("X-Content-Type-Options")).as("headers on a 401 too").hasValue("nosniff");
      assertThat(none.body()).doesNotContain("taoprom_");
    }
    assertThat(get(withCert, "/metrics", "alice", "Secret").statusCode()).isEqualTo(401);
    assertThat(get(withCert, "/metrics", "mallory", "secret").statusCode()).isEqualTo(401);
    // Without a client certificate, or with one the CA did not sign, there is no TLS session at all.
    assertThatThrownBy(() -> get(pki.clientContext(false), "/metrics", "alice", "secret")).isInstanceOf(IOException.class);
    assertThat(plainHttpAnswer()).doesNotStartWith("HTTP/1.1 200");
  }

  /** What a plain-HTTP request to the TLS port gets back: never a 200. */
  private String plainHttpAnswer() throws IOException {
    try (Socket s = new Socket("127.0.0.1", exporter.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      try {
        return new String(s.getInputStream().readNBytes(64), StandardCharsets.ISO_8859_1);
      } catch (IOException reset) {
        return "";
      }
    }
  }

  @Test
  void aNewUserAChangedPasswordAndARotatedCertificateTakeEffectWithoutARestart() throws Exception {
    Files.copy(dir.resolve("server.crt"), dir.resolve("live.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(dir.resolve("server.key"), dir.resolve("live.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    start(mtls("  alice: " + hash("one") + "\n", "live.crt", "live.key"));
    SSLContext tls = pki.clientContext(true);
    assertThat(get(tls, "/metrics", "alice", "one").statusCode()).isEqualTo(200);
    write(mtls("  alice: " + hash("two") + "\n  bob: " + hash("builder") + "\n", "live.crt", "live.key"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get(tls, "/metrics", "bob", "builder").statusCode()).isEqualTo(200));
    assertThat(get(tls, "/metrics", "alice", "one").statusCode()).isEqualTo(401);
    assertThat(get(tls, "/metrics", "alice", "two").statusCode()).isEqualTo(200);
    assertThat(messages()).anySatisfy(m -> assertThat(m).contains("reloaded").contains("basic auth for 2 users"));

    // The certificate and key files replaced in place: new connections get the new certificate.
    Files.copy(dir.resolve("server-rsa.crt"), dir.resolve("live.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(dir.resolve("server-rsa.key"), dir.resolve("live.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      HttpResponse<String> r = get(tls, "/-/healthy", "bob", "builder");
      assertThat(((X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0]).getPublicKey().getAlgorithm())
          .isEqualTo("RSA");
    });
  }

  @Test
  void aChangeThatBreaksTheFileKeepsTheLastGoodOneAndSaysWhyOnce() throws Exception {
    start(mtls("  alice: " + hash("secret") + "\n"));
    SSLContext tls = pki.clientContext(true);
    String bobHash = hash("builder");
    write(mtls("  alice: " + hash("secret") + "\n  bob: " + bobHash + "\n").replace("RequireAndVerifyClientCert", "Sometimes"));
    await().atMost(Duration.ofSeconds(10)).until(() -> !warnings().isEmpty());
    Thread.sleep(2500); // two more looks at the unchanged, still broken file
    assertThat(warnings()).hasSize(1);
    String warning = warnings().get(0);
    assertThat(warning).contains("keeping the last good one").contains("tls_server_config.client_auth_type")
        .contains("\"Sometimes\"").doesNotContain(bobHash).doesNotContain("\n");
    assertThat(get(tls, "/metrics", "alice", "secret").statusCode()).as("the last good config serves").isEqualTo(200);
    assertThat(get(tls, "/metrics", "bob", "builder").statusCode()).isEqualTo(401);

    write("basic_auth_users:\n  alice: " + hash("secret") + "\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> warnings().size() == 2);
    assertThat(warnings().get(1)).contains("tls_server_config was removed; turning TLS on or off needs a restart");
    assertThat(get(tls, "/metrics", "alice", "secret").statusCode()).isEqualTo(200);

    write(mtls("  bob: " + bobHash + "\n"));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get(tls, "/metrics", "bob", "builder").statusCode()).isEqualTo(200));
    assertThat(get(tls, "/metrics", "alice", "secret").statusCode()).isEqualTo(401);
  }

  @Test
  void aClientThatStallsInTheTlsHandshakeIsClosedByTheReadHeaderTimeout() throws Exception {
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .httpLimits(io.taoprom.exporter.http.HttpLimits.DEFAULTS.withReadHeaderTimeout(Duration.ofSeconds(1)))
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy())))
        .webConfig(WebConfigFile.load(write("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n")))
        .buildAndStart();
    List<Socket> stalled = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        Socket s = new Socket("127.0.0.1", exporter.port());
        if (i % 2 == 0) {
          s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00}); // the start of a ClientHello
        }
        stalled.add(s);
      }
      assertThat(get(pki.clientContext(false), "/-/healthy", null, null).statusCode()).isEqualTo(200);
      for (Socket s : stalled) {
        s.setSoTimeout(6000);
        try {
          while (s.getInputStream().read() >= 0) {
            // an alert, perhaps, then the close
          }
        } catch (IOException reset) {
          // closed as well
        }
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(6));
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void theRateLimitAnswers429BeyondItsBurst() throws Exception {
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy())))
        .webConfig(WebConfigFile.load(write("rate_limit:\n  interval: 1h\n  burst: 2\n"))).buildAndStart();
    Http http = new Http(exporter.port());
    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(200);
    assertThat(http.get("/-/healthy").statusCode()).isEqualTo(429);
  }

  private List<String> messages() {
    synchronized (logged) {
      return logged.stream().map(LogRecord::getMessage).toList();
    }
  }

  private List<String> warnings() {
    synchronized (logged) {
      return logged.stream().filter(r -> r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
          .map(LogRecord::getMessage).toList();
    }
  }
}
