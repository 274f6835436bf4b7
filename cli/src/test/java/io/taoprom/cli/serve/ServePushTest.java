package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.cli.CliRun;
import io.taoprom.cli.TestPlugin;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.web.WebConfigFile;
import io.taoprom.metrics.push.PushPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When serve offers the push API, how it checks the push options, and when it warns about exposure. */
class ServePushTest {

  private static final PluginCatalog WITH_PUSH = PluginCatalog.of(List.of(TestPlugin.of("alpha", ""), new PushPlugin()));

  private static PluginOptions.Selection selection(Set<String> enabled, Set<String> disabled, Map<String, List<String>> options) {
    return new PluginOptions.Selection(enabled, disabled, CollectorConfig.of(options));
  }

  @Test
  void onByDefaultOffWithItsSwitchOrWithoutThePlugin() {
    assertThat(ServePush.prepare(WITH_PUSH, selection(Set.of(), Set.of(), Map.of()), false)).isPresent();
    assertThat(ServePush.prepare(WITH_PUSH, selection(Set.of(), Set.of("push"), Map.of()), false)).isEmpty();
    assertThat(ServePush.prepare(WITH_PUSH, selection(Set.of(), Set.of(), Map.of()), true)).isEmpty();
    assertThat(ServePush.prepare(WITH_PUSH, selection(Set.of("push"), Set.of(), Map.of()), true)).isPresent();
    assertThat(ServePush.prepare(PluginCatalog.of(List.of(TestPlugin.of("alpha", ""))), selection(Set.of(), Set.of(), Map.of()), false))
        .isEmpty();
    assertThat(ServePush.prepare(WITH_PUSH, selection(Set.of(), Set.of(), Map.of()), false).orElseThrow().summary())
        .isEqualTo("push at /metrics/job/... from 127.0.0.0/8, ::1/128");
  }

  @Test
  void aBadPushOptionIsAUsageErrorOfOneLineBeforeAnythingStarts() {
    assertThatThrownBy(() -> ServePush.prepare(WITH_PUSH,
        selection(Set.of(), Set.of(), Map.of("push.allowed-cidr", List.of("everyone"))), false))
        .hasMessage("option push.allowed-cidr 'everyone' is not an address range; write e.g. 10.0.0.0/8, fd00::/8 or 192.0.2.7");

    CliRun run = CliRun.of(WITH_PUSH, "serve", "--web.listen-address", "127.0.0.1:0", "--push.max-groups", "none");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString()
        .isEqualTo("level=error source=taoprom.serve msg=\"--push.max-groups 'none' is not a whole number from 1 to 10000000\"");
  }

  @Test
  void openingPushWithoutAuthenticationIsWarnedAboutAndWithBasicAuthIsNot(@TempDir Path dir) throws Exception {
    ServePush loopback = ServePush.prepare(WITH_PUSH, selection(Set.of(), Set.of(), Map.of()), false).orElseThrow();
    ServePush opened = ServePush.prepare(WITH_PUSH,
        selection(Set.of(), Set.of(), Map.of("push.allowed-cidr", List.of("10.0.0.0/8"))), false).orElseThrow();
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  neuron: " + OpenBSDBCrypt.generate("2y", "secret".toCharArray(), salt, 4) + "\n");
    Path headersOnly = dir.resolve("headers.yml");
    Files.writeString(headersOnly, "http_server_config:\n  headers:\n    X-Frame-Options: deny\n");

    assertThat(loopback.exposureWarning(null)).isEmpty();
    assertThat(opened.exposureWarning(null)).contains("pushes are accepted from 10.0.0.0/8 without authentication: anyone"
        + " there can add series to /metrics; put basic_auth_users or client certificates in a --web.config.file"
        + " (docs/operations.md)");
    assertThat(opened.exposureWarning(WebConfigFile.load(headersOnly))).isPresent();
    assertThat(opened.exposureWarning(WebConfigFile.load(web))).isEmpty();
  }
}
