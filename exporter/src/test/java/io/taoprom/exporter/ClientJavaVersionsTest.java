package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientJavaVersionsTest {

  @Test
  void theBuildsOwnClassPathPasses() {
    assertThatCode(() -> ClientJavaVersions.check(TaoPromExporter.class.getClassLoader())).doesNotThrowAnyException();
  }

  @Test
  void anOlderPinIsNamedWithTheFix(@TempDir Path dir) throws IOException {
    write(dir, "io/taoprom/exporter/build-info.properties", "client_java=1.10.0\n");
    write(dir, "META-INF/maven/io.prometheus/prometheus-metrics-core/pom.properties", "version=1.3.6\n");
    write(dir, "META-INF/maven/io.prometheus/prometheus-metrics-model/pom.properties", "version=1.3.6\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> ClientJavaVersions.check(loader))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("client_java is older on the class path than TaoProm needs (prometheus-metrics-core 1.3.6,"
              + " prometheus-metrics-model 1.3.6; TaoProm needs io.prometheus:prometheus-metrics-* 1.10.0 or later):"
              + " import io.taoprom:taoprom-bom before io.prometheus:prometheus-metrics-bom in <dependencyManagement>"
              + " (the first BOM to name an artifact sets its version), or remove the older pin");
    }
  }

  @Test
  void aMixOfVersionsIsRefused() {
    assertThat(ClientJavaVersions.problem(
            Map.of("prometheus-metrics-core", "1.11.0", "prometheus-metrics-model", "1.10.0"), "1.10.0"))
        .startsWith("client_java's artifacts are of different versions on the class path"
            + " (prometheus-metrics-core 1.11.0, prometheus-metrics-model 1.10.0); they must be one version, 1.10.0 or later:");
  }

  @Test
  void newerOrUnknownIsFine(@TempDir Path dir) throws IOException {
    assertThat(ClientJavaVersions.problem(Map.of("prometheus-metrics-core", "1.10.1"), "1.10.0")).isNull();
    assertThat(ClientJavaVersions.problem(Map.of(), "1.10.0")).isNull();
    // A shaded client_java (no pom.properties) and an unfiltered build are not checked.
    write(dir, "io/taoprom/exporter/build-info.properties", "client_java=${prometheus.version}\n");
    write(dir, "META-INF/maven/io.prometheus/prometheus-metrics-core/pom.properties", "version=1.3.6\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThatCode(() -> ClientJavaVersions.check(loader)).doesNotThrowAnyException();
    }
  }

  @Test
  void versionsCompareNumerically() {
    assertThat(ClientJavaVersions.compare("1.3.6", "1.10.0")).isNegative();
    assertThat(ClientJavaVersions.compare("1.10.0", "1.10")).isZero();
    assertThat(ClientJavaVersions.compare("2.0.0-SNAPSHOT", "1.10.0")).isPositive();
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
