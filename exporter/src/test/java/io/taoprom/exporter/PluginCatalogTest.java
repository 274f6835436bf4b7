package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginCatalogTest {

  private final PluginCatalog catalog = PluginCatalog.discover(PluginCatalogTest.class.getClassLoader());

  @Test
  void loadsTheGoodPluginsInServiceFileOrder() {
    // The test plugins (the test services file comes first on the test class path), then the
    // module's own from main's services file.
    assertThat(catalog.names()).containsExactly(
        "healthy", "throws", "hangs", "clashes", "invalid", "nativelib", "optional", "createfails", "process", "jvm");
    assertThat(catalog.find("healthy")).get().isInstanceOf(TestPlugins.Healthy.class);
    assertThat(catalog.find("ctor")).isEmpty();
  }

  @Test
  void reportsEachBrokenProviderOnOneLine() {
    List<String> failures = catalog.failures();
    assertThat(failures).hasSize(5);
    assertThat(failures).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\tat "));
    assertThat(failures.get(0)).contains("TestPlugins$ThrowsInConstructor").contains("constructor failed on purpose");
    assertThat(failures.get(1)).contains("TestPlugins$FailsStaticInit").contains("static init failed on purpose");
    assertThat(failures.get(2)).contains("TestPlugins$BadName").contains("invalid name \"Bad-Name\"");
    assertThat(failures.get(3)).contains("TestPlugins$DuplicateName").contains("\"healthy\"")
        .contains("TestPlugins$Healthy").contains("ignored");
    assertThat(failures.get(4)).contains("io.taoprom.exporter.NoSuchPlugin").contains("not found");
  }

  @Test
  void aLinkageErrorInTheAvailabilityCheckMakesThePluginUnavailable() {
    CollectorPlugin plugin = catalog.find("nativelib").orElseThrow();
    Availability availability = catalog.availability(plugin);
    assertThat(availability.available()).isFalse();
    assertThat(availability.reason()).isEqualTo("availability check failed: NoClassDefFoundError: org/example/NativeBinding");
    assertThat(catalog.availability(catalog.find("healthy").orElseThrow())).isEqualTo(Availability.AVAILABLE);
  }

  @Test
  void availabilityIsAskedWithTheUsersOptionsAndRememberedPerConfiguration() {
    int[] asked = {0};
    CollectorPlugin needsPath = new CollectorPlugin() {
      @Override public String name() { return "needspath"; }
      @Override public io.prometheus.metrics.model.registry.MultiCollector create(CollectorConfig config) {
        return () -> MetricSnapshots.of();
      }
      @Override public List<io.taoprom.exporter.spi.CollectorOption> options() {
        return List.of(io.taoprom.exporter.spi.CollectorOption.single("needspath.library", "PATH", "the library"));
      }
      @Override public Availability availability(CollectorConfig config) {
        asked[0]++;
        return config.value("needspath.library").isPresent()
            ? Availability.AVAILABLE : Availability.unavailable("no library given");
      }
    };
    PluginCatalog one = PluginCatalog.of(List.of(needsPath));
    CollectorConfig withPath = CollectorConfig.of(Map.of("needspath.library", List.of("/opt/lib.so")));
    assertThat(one.availability(needsPath).reason()).isEqualTo("no library given");
    assertThat(one.availability(needsPath, withPath).available()).isTrue();
    assertThat(one.availability(needsPath, CollectorConfig.of(Map.of("needspath.library", List.of("/opt/lib.so")))).available())
        .isTrue();
    assertThat(asked[0]).isEqualTo(2);
  }

  @Test
  void optionsOfOtherPluginsDoNotCauseASecondProbe() {
    int[] asked = {0};
    CollectorPlugin plain = new CollectorPlugin() {
      @Override public String name() { return "plain"; }
      @Override public io.prometheus.metrics.model.registry.MultiCollector create(CollectorConfig config) {
        return () -> MetricSnapshots.of();
      }
      @Override public Availability availability() {
        asked[0]++;
        return Availability.AVAILABLE;
      }
    };
    PluginCatalog one = PluginCatalog.of(List.of(plain));
    assertThat(one.availability(plain).available()).isTrue();
    assertThat(one.availability(plain, CollectorConfig.of(Map.of("textfile.directory", List.of("/tmp")))).available())
        .isTrue();
    assertThat(asked[0]).isEqualTo(1);
  }

  @Test
  void ofRejectsInvalidAndDuplicateNames() {
    assertThatThrownBy(() -> PluginCatalog.of(List.of(new TestPlugins.Healthy(), new TestPlugins.DuplicateName())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is called \"healthy\" like io.taoprom.exporter.TestPlugins$Healthy");
    assertThatThrownBy(() -> PluginCatalog.of(List.of(new TestPlugins.BadName())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid name \"Bad-Name\"")
        .hasMessageContaining("lower-case letters, digits and underscores");
    assertThat(PluginCatalog.of(List.of(new TestPlugins.Healthy())).names()).containsExactly("healthy");
  }

  @Test
  void aPluginWhoseNameThrowsIsReportedNotThrown() {
    CollectorPlugin broken = new CollectorPlugin() {
      @Override
      public String name() {
        throw new UnsatisfiedLinkError("libfoo.so: cannot open shared object file");
      }

      @Override
      public io.prometheus.metrics.model.registry.MultiCollector create(io.taoprom.exporter.spi.CollectorConfig config) {
        return MetricSnapshots::of;
      }
    };
    assertThatThrownBy(() -> PluginCatalog.of(List.of(broken)))
        .hasMessageContaining("could not be queried: UnsatisfiedLinkError: libfoo.so: cannot open shared object file");
  }

  @Test
  void anEmptyClassLoaderGivesAnEmptyCatalog() {
    PluginCatalog empty = PluginCatalog.discover(new ClassLoader(null) {});
    assertThat(empty.plugins()).isEmpty();
    assertThat(empty.failures()).isEmpty();
  }
}
