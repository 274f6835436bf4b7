package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Python neuron's two ways in, with the real {@code prometheus_client} (Debian's
 * {@code python3-prometheus-client}): a neuron process serving its registry with
 * {@code start_http_server}, merged through {@code --scrape.target}; and
 * {@code push_to_gateway}, {@code pushadd_to_gateway} and {@code delete_from_gateway} against
 * {@code taoprom serve}, each checked on {@code /metrics}. Then the bad pushes: a malformed body,
 * a job name with a slash, an oversized push, a clash with a host series and a client that is not
 * on loopback each get a 4xx with one line, and what was served stays served. Last, a push opened
 * to every address is behind the web config's basic auth, which prometheus_client's
 * {@code basic_auth_handler} passes.
 *
 * <p>Skipped with a message where no python3 can import prometheus_client; a failure under
 * {@code CI=true}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PushPythonIT {

  private static final String GROUPING = "{'instance': 'gpu-box', 'path': '/var/tmp'}";
  private static final String LABELS = "instance=\"gpu-box\",job=\"batch\",path=\"/var/tmp\"";

  /** The neuron: prometheus_client's default registry, served as NI Compute's neurons would. */
  private static final String NEURON = """
      import sys, time
      from prometheus_client import Counter, Gauge, start_http_server
      requests = Counter('neuron_requests', 'Requests handled by the neuron.', ['synapse'])
      requests.labels('forward').inc(5)
      Gauge('neuron_miner_score', 'Score given to a miner.', ['uid']).labels('12').set(0.82)
      start_http_server(int(sys.argv[1]), addr='127.0.0.1')
      print('serving', flush=True)
      while True:
          time.sleep(1)
      """;

  /** One push, as a short-lived job would make it; prints "ok" or "HTTP <code>: <body>". */
  private static final String PUSHER = """
      import sys, urllib.error
      from prometheus_client import CollectorRegistry, Counter, Gauge
      from prometheus_client import push_to_gateway, pushadd_to_gateway, delete_from_gateway
      gateway, action = sys.argv[1], sys.argv[2]
      grouping = %s
      registry = CollectorRegistry()
      try:
          if action == 'push':
              Counter('batch_jobs_done', 'Jobs the batch finished.', registry=registry).inc(3)
              Gauge('batch_queue_depth', 'Jobs waiting.', registry=registry).set(7)
              push_to_gateway(gateway, job='batch', registry=registry, grouping_key=grouping)
          elif action == 'pushadd':
              Gauge('batch_last_success_seconds', 'Last success.', registry=registry).set(1.7e9)
              pushadd_to_gateway(gateway, job='batch', registry=registry, grouping_key=grouping)
          elif action == 'push-again':
              Gauge('batch_queue_depth', 'Jobs waiting.', registry=registry).set(2)
              push_to_gateway(gateway, job='batch', registry=registry, grouping_key=grouping)
          elif action == 'delete':
              delete_from_gateway(gateway, job='batch', grouping_key=grouping)
          elif action == 'push-auth':
              from prometheus_client.exposition import basic_auth_handler
              user, password = sys.argv[3], sys.argv[4]
              def auth(url, method, timeout, headers, data):
                  return basic_auth_handler(url, method, timeout, headers, data, user, password)
              Gauge('authed_jobs', 'Jobs pushed with credentials.', registry=registry).set(1)
              push_to_gateway(gateway, job='authed', registry=registry, handler=auth)
          elif action == 'clash':
              Gauge('node_load1', 'Not the host load.', registry=registry).set(99)
              push_to_gateway(gateway, job='intruder', registry=registry)
          print('ok')
      except urllib.error.HTTPError as e:
          print('HTTP %%d: %%s' %% (e.code, e.read().decode('utf-8')), end='')
      """.formatted(GROUPING);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static Path python;
  private static Path scripts;
  private static Process neuron;
  private static ServeProcess serve;

  @BeforeAll
  static void startNeuronAndServe(@TempDir Path dir) throws Exception {
    python = pythonWithPrometheusClient();
    scripts = dir;
    Files.writeString(dir.resolve("neuron.py"), NEURON);
    Files.writeString(dir.resolve("pusher.py"), PUSHER);
    int neuronPort = ServeProcess.freePort();
    neuron = new ProcessBuilder(python.toString(), dir.resolve("neuron.py").toString(), Integer.toString(neuronPort))
        .redirectErrorStream(true).redirectOutput(dir.resolve("neuron.log").toFile()).start();
    awaitNeuron(neuronPort, dir.resolve("neuron.log"));
    serve = ServeProcess.start(List.of("-Xmx96m"), List.of(
        "--collector.disable-defaults", "--collector.loadavg", "--collector.scrape", "--collector.push",
        "--scrape.target", "neuron=http://127.0.0.1:" + neuronPort + "/metrics",
        "--push.max-body-bytes", "64KiB"));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (serve != null) {
      serve.close();
    }
    if (neuron != null) {
      neuron.destroy();
      neuron.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(1)
  void theNeuronsStartHttpServerIsMergedThroughScrapeTarget() throws Exception {
    String metrics = metrics();

    assertThat(metrics).contains("neuron_requests_total{source=\"neuron\",synapse=\"forward\"} 5.0")
        .contains("neuron_miner_score{source=\"neuron\",uid=\"12\"} 0.82")
        .contains("taoprom_scrape_target_up{source=\"neuron\"} 1.0")
        .contains("taoprom_scrape_collector_success{collector=\"push\"} 1.0");
    assertThat(serve.stderr()).contains("push at /metrics/job/... from 127.0.0.0/8, ::1/128");
  }

  @Test
  @Order(2)
  void pushPushaddAndDeleteFromPrometheusClientEachShowOnMetrics() throws Exception {
    assertThat(pusher("push")).isEqualTo("ok\n");
    String pushed = metrics();
    assertThat(pushed).contains("batch_jobs_done_total{" + LABELS + "} 3.0")
        .contains("batch_queue_depth{" + LABELS + "} 7.0")
        .contains("push_failure_time_seconds{" + LABELS + "} 0.0")
        .containsPattern("push_time_seconds\\{" + LABELS.replace("\"", "\\\"") + "} 1\\.[0-9]+E9");

    assertThat(pusher("pushadd")).isEqualTo("ok\n");
    assertThat(metrics()).contains("batch_jobs_done_total{" + LABELS + "} 3.0")
        .contains("batch_last_success_seconds{" + LABELS + "} 1.7E9");

    assertThat(pusher("push-again")).isEqualTo("ok\n");
    String replaced = metrics();
    assertThat(replaced).contains("batch_queue_depth{" + LABELS + "} 2.0")
        .doesNotContain("batch_jobs_done_total", "batch_last_success_seconds");

    assertThat(pusher("delete")).isEqualTo("ok\n");
    assertThat(metrics()).doesNotContain("batch_", "push_time_seconds{")
        .contains("neuron_requests_total{source=\"neuron\",synapse=\"forward\"} 5.0");
  }

  @Test
  @Order(3)
  void badPushesGetA4xxWithOneLineAndWhatWasServedStays() throws Exception {
    assertThat(pusher("push")).isEqualTo("ok\n");
    String before = withoutVolatile(metrics());

    assertThat(pusher("clash")).isEqualTo("HTTP 400: push to {job=\"intruder\"} refused: gauge node_load1: node_load1 is one"
        + " of collector \"loadavg\"'s own series\n");
    assertOneLine(send("PUT", "/metrics/job/kept", "x 1\ny{a=\"1\" 2\n"), 400,
        "push to {job=\"kept\"} refused: the body is not Prometheus text format: line 2:");
    assertOneLine(send("PUT", "/metrics/job/nightly/backup", "x 1\n"), 400,
        "push path /metrics/job/nightly/backup: label \"backup\" has no value; a job name or label value that holds a \"/\"");
    assertOneLine(send("PUT", "/metrics/job/big", "big{v=\"" + "x".repeat(70_000) + "\"} 1\n"), 413,
        "push to {job=\"big\"} refused: the body is larger than 65536 bytes (option push.max-body-bytes)");

    String after = withoutVolatile(metrics());
    assertThat(after).contains("batch_jobs_done_total{" + LABELS + "} 3.0").doesNotContain("node_load1 99", "x{");
    assertThat(after.replaceAll("(?m)^push_(failure_)?time_seconds\\{job=\"(intruder|kept)\"}.*\n", "")).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aClientThatIsNotOnLoopbackIsRefusedWithA403() throws Exception {
    Optional<InetAddress> local = nonLoopbackAddress();
    Assumptions.assumeTrue(local.isPresent(), "this machine has no non-loopback IPv4 address to connect from");

    String answer = rawPut(local.get(), "/metrics/job/outsider", "x 1\n");

    assertThat(answer).startsWith("HTTP/1.1 403 ").endsWith("\r\n\r\npush from " + local.get().getHostAddress()
        + " refused: pushes are accepted from 127.0.0.0/8, ::1/128 only; allow more with --push.allowed-cidr\n");
    assertThat(metrics()).doesNotContain("outsider");
    assertThat(rawPut(InetAddress.getByName("127.0.0.2"), "/metrics/job/second_loopback", "x 1\n")).startsWith("HTTP/1.1 200 ");
    assertThat(metrics()).contains("x{job=\"second_loopback\"} 1.0");
  }

  @Test
  @Order(5)
  void anOpenedPushIsBehindTheWebConfigsBasicAuth(@TempDir Path dir) throws Exception {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    Path web = dir.resolve("web.yml");
    Files.writeString(web, "basic_auth_users:\n  neuron: " + OpenBSDBCrypt.generate("2y", "secret".toCharArray(), salt, 4) + "\n");
    try (ServeProcess secured = ServeProcess.startSecured(List.of("-Xmx96m"), List.of("--web.config.file", web.toString(),
        "--collector.disable-defaults", "--collector.push", "--push.allowed-cidr", "0.0.0.0/0", "--push.allowed-cidr", "::/0"))) {
      assertThat(secured.stderr()).contains("push at /metrics/job/... from 0.0.0.0/0, ::/0").doesNotContain("without authentication");

      assertThat(pusher(secured.port(), "push")).isEqualTo("HTTP 401: 401 Unauthorized\n");
      assertThat(pusher(secured.port(), "push-auth", "neuron", "wrong")).isEqualTo("HTTP 401: 401 Unauthorized\n");
      assertThat(pusher(secured.port(), "push-auth", "neuron", "secret")).isEqualTo("ok\n");

      String credentials = Base64.getEncoder().encodeToString("neuron:secret".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> metrics = secured.get("/metrics", "Authorization", "Basic " + credentials);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("authed_jobs{job=\"authed\"} 1.0").doesNotContain("batch_");
    }
  }

  // --- helpers ---

  private static Path pythonWithPrometheusClient() throws InterruptedException {
    List<Path> candidates = new ArrayList<>();
    ExternalTools.find("python3").ifPresent(candidates::add);
    candidates.add(Path.of("/usr/bin/python3"));
    for (Path candidate : candidates) {
      if (!Files.isExecutable(candidate)) {
        continue;
      }
      try {
        Process p = new ProcessBuilder(candidate.toString(), "-c", "import prometheus_client")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
        p.destroyForcibly();
      } catch (IOException e) {
        // not runnable: try the next one
      }
    }
    String message = "no python3 that can import prometheus_client (tried " + candidates
        + "); install the Debian packages python3 and python3-prometheus-client";
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true, so this is a failure, not a skip)");
    }
    Assumptions.abort(message + " (skipped)");
    throw new AssertionError("unreachable");
  }

  private static void awaitNeuron(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!neuron.isAlive()) {
        throw new AssertionError("the Python neuron exited with " + neuron.exitValue() + ": " + Files.readString(log));
      }
      try {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the Python neuron did not serve within 60 s: " + Files.readString(log));
  }

  /** Runs the pusher script with one action against serve; its output. */
  private static String pusher(String action) throws Exception {
    return pusher(serve.port(), action);
  }

  /** Runs the pusher script with one action (and its arguments) against the serve on {@code port}. */
  private static String pusher(int port, String action, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(python.toString(), scripts.resolve("pusher.py").toString(),
        "127.0.0.1:" + port, action));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pusher %s finished", action).isTrue();
    assertThat(p.exitValue()).as("pusher %s: %s", action, out).isZero();
    return out;
  }

  private static String metrics() throws Exception {
    HttpResponse<String> r = serve.get("/metrics", "Accept", "text/plain");
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  /** The exposition less what changes from scrape to scrape by itself (durations, the neuron's process metrics). */
  private static String withoutVolatile(String metrics) {
    return metrics.replaceAll("(?m)^(taoprom_scrape_(collector|target)_duration_seconds|node_scrape_collector_duration_seconds|node_load|process_|python_gc_).*\n", "");
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(serve.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertOneLine(HttpResponse<String> response, int status, String start) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.body()).startsWith(start).endsWith("\n");
    assertThat(response.body().indexOf('\n')).isEqualTo(response.body().length() - 1);
  }

  /** A PUT over a socket bound to {@code local}, to serve's loopback address: the whole answer. */
  private static String rawPut(InetAddress local, String path, String body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", serve.port()), 5000);
      socket.setSoTimeout(20_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      socket.getOutputStream().write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + "Content-Length: " + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(content);
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** An IPv4 address of this machine that is not loopback (eth0's, say), if it has one. */
  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
