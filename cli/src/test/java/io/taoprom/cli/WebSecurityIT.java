package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.exporter.web.TestCertificates;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom serve --web.config.file} with TLS, client certificates and basic auth, scraped by
 * a real Prometheus server with {@code scheme: https}, {@code tls_config} and {@code basic_auth}:
 * the target is up; scrapers without credentials, with a wrong password, without a client
 * certificate or over plain HTTP are refused; changes to the file take effect without a restart,
 * and a change that breaks it keeps the last good config with one log line.
 */
class WebSecurityIT {

  private static String hash(String password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return OpenBSDBCrypt.generate("2y", password.toCharArray(), salt, 6);
  }

  private static String webConfig(String users) {
    return "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
        + "basic_auth_users:\n" + users;
  }

  private static void replace(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A scrape job against the endpoint, with the TLS and auth parts given. */
  private static String job(String name, int port, String scheme, String tls, String auth) {
    return "  - job_name: " + name + "\n    scheme: " + scheme + "\n" + tls + auth
        + "    static_configs:\n      - targets: ['127.0.0.1:" + port + "']\n";
  }

  @Test
  void prometheusScrapesWithTlsClientCertificatesAndBasicAuthAndChangesNeedNoRestart(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTools.require("prometheus", "install the Debian package prometheus");
    TestCertificates pki = TestCertificates.create(dir);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, webConfig("  alice: " + hash("first-password") + "\n"));
    Files.writeString(dir.resolve("alice.password"), "first-password");
    try (ServeProcess serve = ServeProcess.startSecured(List.of("-Xmx64m"),
        List.of("--web.config.file", web.toString(), "--collector.disable-defaults", "--collector.loadavg"))) {
      assertThat(serve.stderr()).contains("msg=\"serving https://127.0.0.1:" + serve.port() + "/metrics\"")
          .contains("client certificates: RequireAndVerifyClientCert, basic auth for 1 user");
      int port = serve.port();
      String clientTls = "    tls_config:\n      ca_file: " + dir.resolve("ca.crt") + "\n      cert_file: "
          + dir.resolve("client.crt") + "\n      key_file: " + dir.resolve("client.key") + "\n";
      String caOnly = "    tls_config:\n      ca_file: " + dir.resolve("ca.crt") + "\n";
      String alice = "    basic_auth:\n      username: alice\n      password_file: " + dir.resolve("alice.password") + "\n";
      String wrong = "    basic_auth:\n      username: alice\n      password: not-her-password\n";
      String config = "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n"
          + job("good", port, "https", clientTls, alice)
          + job("no_credentials", port, "https", clientTls, "")
          + job("wrong_password", port, "https", clientTls, wrong)
          + job("no_client_certificate", port, "https", caOnly, alice)
          + job("plain_http", port, "http", "", alice);
      try (PrometheusProcess p = PrometheusProcess.start(prometheus, dir, config)) {
        JsonNode good = p.awaitTarget("good", "up", Duration.ofSeconds(60));
        assertThat(good.path("scrapeUrl").asText()).isEqualTo("https://127.0.0.1:" + port + "/metrics");
        assertThat(good.path("lastError").asText()).isEmpty();
        assertThat(p.awaitTarget("no_credentials", "down", Duration.ofSeconds(30)).path("lastError").asText()).contains("401");
        assertThat(p.awaitTarget("wrong_password", "down", Duration.ofSeconds(30)).path("lastError").asText()).contains("401");
        assertThat(p.awaitTarget("no_client_certificate", "down", Duration.ofSeconds(30)).path("lastError").asText())
            .doesNotContain("200").isNotEmpty();
        assertThat(p.awaitTarget("plain_http", "down", Duration.ofSeconds(30)).path("lastError").asText()).isNotEmpty();
        assertThat(plainHttp(port)).doesNotStartWith("HTTP/1.1 200");

        // A new password for alice and a new user, without a restart: Prometheus' old password
        // stops working; the new one and bob's work.
        replace(web, webConfig("  alice: " + hash("second-password") + "\n  bob: " + hash("builder") + "\n"));
        SSLContext tls = pki.clientContext(true);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(status(tls, port, "bob", "builder")).isEqualTo(200));
        assertThat(status(tls, port, "alice", "second-password")).isEqualTo(200);
        assertThat(p.awaitTarget("good", "down", Duration.ofSeconds(30)).path("lastError").asText()).contains("401");
        Files.writeString(dir.resolve("alice.password"), "second-password");
        p.awaitTarget("good", "up", Duration.ofSeconds(30));
        assertThat(serve.stderr()).contains("web config " + web + " reloaded: TLS");

        // Broken: the last good config stays, and the log says why, once.
        replace(web, webConfig("  alice: " + hash("third-password") + "\n").replace("client_ca_file", "client_ca_fil"));
        await().atMost(Duration.ofSeconds(15)).until(() -> serve.stderr().contains("cannot be used"));
        Thread.sleep(3000);
        List<String> warnings = serve.stderr().lines().filter(l -> l.contains("cannot be used")).toList();
        assertThat(warnings).singleElement().asString()
            .contains("level=warn source=io.taoprom.exporter.web msg=\"web config changed but cannot be used; keeping the last good one: ")
            .contains("tls_server_config.client_ca_fil: unknown key");
        assertThat(status(tls, port, "bob", "builder")).isEqualTo(200);
        assertThat(status(tls, port, "alice", "third-password")).isEqualTo(401);
        assertThat(p.target("good").orElseThrow().path("health").asText()).isEqualTo("up");
        // A client without a certificate gets no TLS session at all.
        assertThatThrownBy(() -> status(pki.clientContext(false), port, "bob", "builder")).isInstanceOf(IOException.class);
      }
      assertThat(serve.isAlive()).isTrue();
    }
  }

  private static int status(SSLContext tls, int port, String user, String password) throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String plainHttp(int port) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      try {
        return new String(s.getInputStream().readNBytes(64), StandardCharsets.ISO_8859_1);
      } catch (IOException reset) {
        return "";
      }
    }
  }
}
