package io.taoprom.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The scrape collector, built as {@code taoprom serve} builds it (through the plugin), against
 * targets that misbehave on purpose ({@link HostileTarget}): each is {@code up 0} with a one-line
 * reason, the well-behaved target beside it is served, and after many failed scrapes no
 * connection is left open on either side and this process holds no more file descriptors than
 * before.
 */
class HostileTargetsTest {

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger julLogger = Logger.getLogger("io.taoprom.metrics.scrape");
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final List<AutoCloseable> closing = new ArrayList<>();
  private HostileTarget target;

  @BeforeEach
  void start() throws IOException {
    julLogger.addHandler(capture);
    target = HostileTarget.start();
    closing.add(target);
  }

  @AfterEach
  void stop() throws Exception {
    julLogger.removeHandler(capture);
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private MultiCollector collector(String timeout, String... targets) {
    MultiCollector collector = new ScrapePlugin().create(CollectorConfig.of(Map.of(
        "scrape.target", List.of(targets), "scrape.timeout", List.of(timeout))));
    if (collector instanceof AutoCloseable) {
      closing.add(0, (AutoCloseable) collector);
    }
    return collector;
  }

  private static String text(MultiCollector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, collector.collect());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Our own open file descriptors (sockets among them). */
  private static int fds() {
    String[] entries = new File("/proc/self/fd").list();
    return entries == null ? -1 : entries.length;
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() throws Exception {
    HostileTarget elsewhere = HostileTarget.startOn("127.0.0.2");
    closing.add(elsewhere);
    elsewhere.body("secret_from_elsewhere 1\n");
    String away = target.url("/redirect?to=" + elsewhere.url("/body"));
    MultiCollector collector = collector("2s", "neuron=" + target.url("/good"), "away=" + away);

    String text = text(collector);

    assertThat(text).contains("taoprom_scrape_target_up{source=\"away\"} 0.0", "taoprom_scrape_target_up{source=\"neuron\"} 1.0",
        "neuron_up{source=\"neuron\"} 1.0").doesNotContain("secret_from_elsewhere");
    assertThat(elsewhere.requests("/body")).as("requests that reached the other origin").isZero();
    assertThat(logged).singleElement().asString()
        .isEqualTo("scrape target away (" + away + ") failed: answered HTTP 302 redirecting to another origin ("
            + elsewhere.url("/body") + "); only redirects within " + target.url("") + " are followed");
  }

  @Test
  void aRedirectWithinTheOriginIsFollowed() throws Exception {
    MultiCollector collector = collector("2s", "moved=" + target.url("/redirect?to=/good"));

    assertThat(text(collector)).contains("taoprom_scrape_target_up{source=\"moved\"} 1.0", "neuron_up{source=\"moved\"} 1.0");
    assertThat(target.requests("/good")).isOne();
    assertThat(logged).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/headers|sent a response that is not valid HTTP/1.1 (Response Header Bytes Too Large); response headers may take at most 16 KiB",
      "/slow|timed out after",
      "/endless|sent a body larger than 4194304 bytes",
      "/error|answered HTTP 500",
      "/badgzip|not valid gzip",
      "/bomb|sent a body larger than 4194304 bytes uncompressed",
      "/garbage|not Prometheus text format: line 1: invalid metric name at \"<\"",
      "/redirect?to=http://127.0.0.2:1/|redirecting to another origin",
  })
  void everyFailureClosesItsConnectionAndHoldsNoDescriptor(String path, String reason) throws Exception {
    MultiCollector collector = collector("500ms", "bad=" + target.url(path), "neuron=" + target.url("/good"));
    text(collector); // the client's selector, threads and classes: not what is counted
    await().atMost(Duration.ofSeconds(10)).until(() -> target.openConnections() == 0);
    int before = fds();

    for (int i = 0; i < 20; i++) {
      String text = text(collector);
      assertThat(text).contains("taoprom_scrape_target_up{source=\"bad\"} 0.0", "taoprom_scrape_target_up{source=\"neuron\"} 1.0");
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(target.openConnections()).as("connections the target still has open").isZero();
      assertThat(fds()).as("our file descriptors, %d before", before).isLessThanOrEqualTo(before + 2);
    });
    assertThat(target.acceptedConnections()).isGreaterThanOrEqualTo(40);
    assertThat(logged).anyMatch(l -> l.startsWith("scrape target bad (") && l.contains(reason));
    assertThat(logged).allMatch(l -> l.length() < 400, "log lines shorter than 400 characters");
  }
}
