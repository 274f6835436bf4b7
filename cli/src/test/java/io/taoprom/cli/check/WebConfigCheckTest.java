package io.taoprom.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.CliRun;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.web.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom check web-config}: exit 0 for a usable file, one line and exit 2 for any other;
 * and, where promtool is installed, the same verdict as {@code promtool check web-config} on the
 * shipped sample and on files both must refuse.
 */
class WebConfigCheckTest {

  private static final PluginCatalog NONE = PluginCatalog.of(List.of());

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    TestCertificates.create(dir);
    // The sample names taoprom.crt and taoprom.key beside it.
    Files.copy(dir.resolve("server.crt"), dir.resolve("taoprom.crt"));
    Files.copy(dir.resolve("server.key"), dir.resolve("taoprom.key"));
    Path sample = Path.of(System.getProperty("taoprom.root", "..")).resolve("docs/web-config.example.yml");
    Files.copy(sample, dir.resolve("sample.yml"));
    Files.writeString(dir.resolve("mtls.yml"), "tls_server_config:\n  cert_file: taoprom.crt\n  key_file: taoprom.key\n"
        + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n  min_version: TLS13\n"
        + "  cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]\n");
    Files.writeString(dir.resolve("unknown-key.yml"), "tls_server_config:\n  cert_file: taoprom.crt\n  key_file: taoprom.key\n  pin: x\n");
    Files.writeString(dir.resolve("bad-auth.yml"), "tls_server_config:\n  cert_file: taoprom.crt\n  key_file: taoprom.key\n"
        + "  client_auth_type: Sometimes\n");
    Files.writeString(dir.resolve("missing-cert.yml"), "tls_server_config:\n  cert_file: nope.crt\n  key_file: taoprom.key\n");
    Files.writeString(dir.resolve("bad-hash.yml"), "basic_auth_users:\n  alice: not-a-hash\n");
    Files.writeString(dir.resolve("bad-header.yml"), "http_server_config:\n  headers:\n    X-Powered-By: taoprom\n");
  }

  @Test
  void aUsableFileIsSuccessAndExitZero() {
    CliRun run = CliRun.of(NONE, "check", "web-config", dir.resolve("sample.yml").toString(), dir.resolve("mtls.yml").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(
        dir.resolve("sample.yml") + ": SUCCESS (TLS TLS12-TLS13, client certificates: NoClientCert, basic auth for 1 user,"
            + " headers: X-Content-Type-Options, X-Frame-Options)",
        dir.resolve("mtls.yml") + ": SUCCESS (TLS TLS13-TLS13, client certificates: RequireAndVerifyClientCert, no basic auth)");
  }

  @Test
  void everyUnusableFileIsOneLineAndExitTwo() {
    for (String name : List.of("unknown-key.yml", "bad-auth.yml", "missing-cert.yml", "bad-hash.yml", "bad-header.yml")) {
      CliRun run = CliRun.of(NONE, "check", "web-config", dir.resolve(name).toString());
      assertThat(run.exitCode()).as(name).isEqualTo(2);
      assertThat(run.errLines()).as(name).singleElement().asString()
          .startsWith("level=error source=taoprom.check.web-config msg=\"" + dir.resolve(name)).doesNotContain("not-a-hash");
    }
    assertThat(CliRun.of(NONE, "check", "web-config", dir.resolve("unknown-key.yml").toString()).err())
        .contains("tls_server_config.pin: unknown key");
  }

  @Test
  void promtoolAgreesOnTheSampleAndOnWhatItRefuses() throws Exception {
    Optional<Path> promtool = io.taoprom.cli.ExternalToolsAccess.find("promtool");
    if (promtool.isEmpty()) {
      io.taoprom.cli.ExternalToolsAccess.require("promtool", "install the Debian package prometheus");
    }
    for (String name : List.of("sample.yml", "mtls.yml", "unknown-key.yml", "bad-auth.yml", "missing-cert.yml", "bad-hash.yml",
        "bad-header.yml")) {
      Process p = new ProcessBuilder(promtool.get().toString(), "check", "web-config", dir.resolve(name).toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      int ours = CliRun.of(NONE, "check", "web-config", dir.resolve(name).toString()).exitCode();
      assertThat(ours == 0).as("%s: promtool said %s", name, out.strip()).isEqualTo(p.exitValue() == 0);
    }
  }
}
