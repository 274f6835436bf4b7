package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The embedding API: choosing collectors, start errors, readiness, closing. */
class TaoPromExporterTest {

  private static PluginCatalog zoo() {
    return PluginCatalog.of(List.of(new TestPlugins.Healthy(), new TestPlugins.OffByDefault(), new TestPlugins.Throws()));
  }

  private static TaoPromExporter.Builder local() {
    return TaoPromExporter.builder().host("127.0.0.1").port(0);
  }

  private static Map<String, String> success(TaoPromExporter exporter) {
    return IsolationTest.series(new Http(exporter.port()).text("/metrics"), "taoprom_scrape_collector_success");
  }

  @Test
  void defaultsEnableAndDisable() throws Exception {
    try (TaoPromExporter exporter = local().catalog(zoo()).buildAndStart()) {
      assertThat(success(exporter)).containsOnlyKeys("healthy", "throws");
    }
    try (TaoPromExporter exporter = local().catalog(zoo()).enable("optional").disable("throws").buildAndStart()) {
      assertThat(success(exporter)).containsOnlyKeys("healthy", "optional");
    }
    try (TaoPromExporter exporter = local().catalog(zoo()).disableDefaults().enable("throws").buildAndStart()) {
      assertThat(success(exporter)).containsOnlyKeys("throws");
      assertThat(exporter.collectors()).extracting(CollectorStatus::name, CollectorStatus::enabled).containsExactly(
          org.assertj.core.groups.Tuple.tuple("healthy", false),
          org.assertj.core.groups.Tuple.tuple("optional", false),
          org.assertj.core.groups.Tuple.tuple("throws", true));
    }
  }

  @Test
  void anUnknownCollectorNameIsAnIllegalArgumentListingTheKnownOnes() {
    assertThatThrownBy(() -> local().catalog(zoo()).enable("gpu").buildAndStart())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown collector \"gpu\"; known collectors: healthy, optional, throws");
    assertThatThrownBy(() -> local().catalog(zoo()).disable("cpu").buildAndStart())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown collector \"cpu\"");
  }

  @Test
  void anAddedPluginIsEnabledAndGetsTheConfig() throws Exception {
    AtomicReference<CollectorConfig> given = new AtomicReference<>();
    CollectorPlugin added = new CollectorPlugin() {
      @Override
      public String name() {
        return "added";
      }

      @Override
      public boolean enabledByDefault() {
        return false;
      }

      @Override
      public MultiCollector create(CollectorConfig config) {
        given.set(config);
        return () -> MetricSnapshots.of(TestPlugins.gauge("taoprom_test_added_value", 1));
      }
    };
    CollectorConfig config = CollectorConfig.of(Map.of("added.option", List.of("x")));
    try (TaoPromExporter exporter = local().catalog(zoo()).plugin(added).config(config).buildAndStart()) {
      assertThat(success(exporter)).containsEntry("added", "1.0");
      assertThat(given.get().value("added.option")).hasValue("x");
    }
    assertThatThrownBy(() -> local().catalog(zoo()).plugin(new TestPlugins.DuplicateName()).buildAndStart())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"healthy\"");
  }

  @Test
  void aPortInUseIsAOneLineStartError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> TaoPromExporter.builder().host("127.0.0.1").port(port).catalog(zoo()).buildAndStart())
          .isInstanceOf(ExporterStartException.class)
          .hasMessage("port " + port + " on 127.0.0.1 is already in use; choose another listen address");
    }
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(0));
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> TaoPromExporter.builder().port(port).catalog(zoo()).buildAndStart())
          .isInstanceOf(ExporterStartException.class)
          .hasMessage("port " + port + " is already in use; choose another listen address");
    }
  }

  @Test
  void unresolvableAndForeignAddressesAreOneLineStartErrors() {
    assertThatThrownBy(() -> TaoPromExporter.builder().host("no-such-host.invalid").port(0).catalog(zoo()).buildAndStart())
        .isInstanceOf(ExporterStartException.class)
        .hasMessage("cannot resolve the listen address \"no-such-host.invalid\"; give an IP address or a resolvable host name as the listen address");
    // 192.0.2.1 is TEST-NET-1: never assigned to a real interface.
    assertThatThrownBy(() -> TaoPromExporter.builder().host("192.0.2.1").port(7099).catalog(zoo()).buildAndStart())
        .isInstanceOf(ExporterStartException.class)
        .hasMessage("cannot listen on 192.0.2.1:7099: the address is not on this machine; choose another listen address");
    assertThatThrownBy(() -> TaoPromExporter.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("port 70000 is out of range; use 0 to 65535");
  }

  @Test
  void readyOnlyOnceCollectorsAreBuiltButMetricsAnswerBefore() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CollectorPlugin slow = new CollectorPlugin() {
      @Override
      public String name() {
        return "slowstart";
      }

      @Override
      public MultiCollector create(CollectorConfig config) throws InterruptedException {
        release.await();
        return () -> MetricSnapshots.of(TestPlugins.gauge("taoprom_test_slowstart_value", 1));
      }
    };
    try (TaoPromExporter exporter = local().catalog(PluginCatalog.of(List.of(new TestPlugins.Healthy(), slow))).buildAndStart()) {
      Http http = new Http(exporter.port());
      assertThat(exporter.ready()).isFalse();
      assertThat(http.get("/-/ready").statusCode()).isEqualTo(503);
      String early = http.text("/metrics", "X-Prometheus-Scrape-Timeout-Seconds", "0.4");
      assertThat(IsolationTest.series(early, "taoprom_scrape_collector_success"))
          .containsEntry("healthy", "1.0").containsEntry("slowstart", "0.0");
      release.countDown();
      assertThat(exporter.awaitReady(Duration.ofSeconds(5))).isTrue();
      assertThat(http.get("/-/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void closeClosesCollectorsAndFreesThePort() throws Exception {
    AtomicInteger closed = new AtomicInteger();
    class Closing implements MultiCollector, AutoCloseable {
      @Override
      public MetricSnapshots collect() {
        return MetricSnapshots.of();
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    }
    CollectorPlugin plugin = new CollectorPlugin() {
      @Override
      public String name() {
        return "closing";
      }

      @Override
      public MultiCollector create(CollectorConfig config) {
        return new Closing();
      }
    };
    TaoPromExporter exporter = local().catalog(PluginCatalog.of(List.of(plugin))).buildAndStart();
    exporter.awaitReady(Duration.ofSeconds(5));
    int port = exporter.port();
    exporter.close();
    exporter.close();
    assertThat(closed.get()).isEqualTo(1);
    try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }
}
