package io.taoprom.metrics.textfile;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.scrape.ScrapePlugin;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Run by {@link SmallHeapServeIT} in a JVM with the launcher's flags ({@code -Xmx64m}, serial GC,
 * exit on OutOfMemoryError): serves a textfile directory and scrape targets full of the worst
 * inputs the test could make, beside a canary collector, and scrapes itself over HTTP in every
 * format. Prints one line per scrape and a summary with the peak heap and resident memory.
 *
 * <p>Arguments: the textfile directory, the number of scrapes, then {@code NAME=URL} targets;
 * {@code -Dexpect=TEXT}: a line every text-format scrape must contain besides the canary's.
 */
public final class SmallHeapServeMain {

  private SmallHeapServeMain() {}

  /** A collector that has nothing to do with textfiles: its series must be in every scrape. */
  static final class Canary implements CollectorPlugin {
    @Override
    public String name() {
      return "canary";
    }

    @Override
    public MultiCollector create(CollectorConfig config) {
      return () -> MetricSnapshots.of(GaugeSnapshot.builder().name("canary_up").help("Always 1.")
          .dataPoint(GaugeDataPointSnapshot.builder().value(1).build()).build());
    }
  }

  /** The most heap a full GC left in use: what was live at worst, not what garbage filled. */
  private static final AtomicLong MAX_AFTER_GC = new AtomicLong();

  private static void watchGarbageCollections() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          if (!info.getGcAction().contains("major")) {
            return; // a young collection leaves the old generation's garbage in place
          }
          long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
          MAX_AFTER_GC.accumulateAndGet(used, Math::max);
        }
      }, null, null);
    }
  }

  public static void main(String[] args) throws Exception {
    watchGarbageCollections();
    Path dir = Path.of(args[0]);
    int scrapes = Integer.parseInt(args[1]);
    List<String> targets = Arrays.asList(args).subList(2, args.length);
    String[][] formats = {
        {"Accept", "text/plain"},
        {"Accept-Encoding", "gzip"},
        {"Accept", "application/openmetrics-text; version=1.0.0"},
        {"Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited"},
    };
    int failures = 0;
    try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(new Canary(), new TextfilePlugin(), new ScrapePlugin())))
        .config(CollectorConfig.of(Map.of(
            "textfile.directory", List.of(dir.toString()),
            "scrape.target", targets,
            "scrape.timeout", List.of("20s"))))
        .buildAndStart()) {
      exporter.awaitReady(Duration.ofSeconds(30));
      for (int i = 0; i < scrapes; i++) {
        String[] header = formats[i % formats.length];
        long start = System.nanoTime();
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + exporter.port() + "/metrics").toURL().openConnection();
        c.setRequestProperty(header[0], header[1]);
        c.setRequestProperty("X-Prometheus-Scrape-Timeout-Seconds", "50");
        c.setReadTimeout(60_000);
        int status = c.getResponseCode();
        byte[] body;
        try (InputStream in = c.getInputStream()) {
          body = in.readAllBytes();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        boolean plain = i % formats.length == 0;
        String expect = System.getProperty("expect", "canary_up 1.0");
        boolean ok = status == 200 && (!plain || text.contains("canary_up 1.0") && text.contains(expect)
            && text.contains("taoprom_scrape_collector_success{collector=\"canary\"} 1.0")
            && text.contains("taoprom_scrape_collector_success{collector=\"textfile\"} 1.0")
            && text.contains("taoprom_scrape_collector_success{collector=\"scrape\"} 1.0"));
        if (!ok) {
          failures++;
        }
        System.out.printf("scrape %d %s: %d, %d bytes, %.2f s%s%n", i, header[1], status, body.length,
            (System.nanoTime() - start) / 1e9, ok ? "" : " FAILED");
      }
    }
    // The notification counts every pool: take the non-heap ones (metaspace, code) out again.
    long live = MAX_AFTER_GC.get();
    long metaspace = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.NON_HEAP) {
        metaspace += pool.getUsage().getUsed();
      }
    }
    String rss = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("VmHWM:")).findFirst().orElse("VmHWM: unknown").replaceAll("\\s+", " ");
    System.out.println("scrapes=" + scrapes + " failures=" + failures + " maxHeap=" + Runtime.getRuntime().maxMemory() / (1 << 20)
        + "MiB maxLiveAfterFullGc=" + (live - metaspace) / (1 << 20) + "MiB " + rss);
    System.exit(failures == 0 ? 0 : 1);
  }
}
