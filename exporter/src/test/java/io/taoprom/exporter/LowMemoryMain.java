package io.taoprom.exporter;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.neuron.NeuronMetrics;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link LowMemoryIT} in a JVM with {@code -Xmx32m}: serves 100 families of 100 series
 * each plus the neuron metrics, scrapes itself N times over HTTP rotating through text, gzip,
 * OpenMetrics and protobuf, and prints the count of failures and its resident memory.
 */
public final class LowMemoryMain {

  private LowMemoryMain() {}

  /** 100 gauge families of 100 series: 10,000 series, rebuilt on every scrape like a real collector. */
  static final class TenThousand implements CollectorPlugin {
    @Override
    public String name() {
      return "tenthousand";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> {
        List<MetricSnapshot> families = new ArrayList<>(100);
        for (int f = 0; f < 100; f++) {
          GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("taoprom_test_family_" + f).help("Synthetic family.");
          for (int s = 0; s < 100; s++) {
            family.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("device", "dev" + s, "gpu", Integer.toString(s % 8))).value(s * 1.5).build());
          }
          families.add(family.build());
        }
        return new MetricSnapshots(families);
      };
    }
  }

  public static void main(String[] args) throws Exception {
    int scrapes = Integer.parseInt(args[0]);
    String[][] headers = {
        {},
        {"Accept-Encoding", "gzip"},
        {"Accept", "application/openmetrics-text; version=1.0.0"},
        {"Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"},
    };
    int failures = 0;
    long bytes = 0;
    try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new TenThousand()))).buildAndStart()) {
      exporter.awaitReady(Duration.ofSeconds(30));
      NeuronMetrics neuron = NeuronMetrics.register(exporter.registry());
      Http http = new Http(exporter.port());
      for (int i = 0; i < scrapes; i++) {
        neuron.recordRequest("Challenge", NeuronMetrics.SUCCESS, 0.1 * i);
        HttpResponse<byte[]> response = http.get("/metrics", headers[i % headers.length]);
        bytes += response.body().length;
        String text = i % headers.length == 0 ? Http.body(response) : "";
        if (response.statusCode() != 200 || i % headers.length == 0 && !text.contains("taoprom_scrape_collector_success{collector=\"tenthousand\"} 1.0")) {
          failures++;
        }
      }
    }
    String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("VmRSS: unknown").replaceAll("\\s+", " ");
    System.out.println("scrapes=" + scrapes + " failures=" + failures + " bytes=" + bytes + " maxHeap="
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MB " + rss);
    System.exit(failures == 0 ? 0 : 1);
  }
}
