package io.taoprom.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code taoprom serve} as a separate JVM on a free loopback port, the way users run it: the
 * test's own runtime classpath, {@code java io.taoprom.cli.TaoPromCli serve ...}. Stopped with
 * SIGTERM on {@link #close()}, forcibly if it does not stop in time.
 */
final class ServeProcess implements AutoCloseable {

  private final Process process;
  private final Path stderr;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ServeProcess(Process process, Path stderr, int port) {
    this.process = process;
    this.stderr = stderr;
    this.port = port;
  }

  /** Starts serve on a free port with extra JVM flags and CLI arguments, and waits for /metrics. */
  static ServeProcess start(List<String> jvmFlags, List<String> args) throws IOException, InterruptedException {
    return start(jvmFlags, args, List.of());
  }

  /** As {@link #start(List, List)}, with these environment variables set (such as {@code HOME}). */
  static ServeProcess start(List<String> jvmFlags, List<String> args, java.util.Map<String, String> environment)
      throws IOException, InterruptedException {
    return start(jvmFlags, args, List.of(), environment);
  }

  /** As {@link #start(List, List)}, with more jars (plugins) on the class path. */
  static ServeProcess start(List<String> jvmFlags, List<String> args, List<Path> extraClasspath)
      throws IOException, InterruptedException {
    return start(jvmFlags, args, extraClasspath, Map.of());
  }

  /**
   * As {@link #start(List, List, List)}, with variables added to the process environment (a fake
   * driver's script, say).
   */
  static ServeProcess start(List<String> jvmFlags, List<String> args, List<Path> extraClasspath,
      Map<String, String> environment) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // As the launcher does: JNA may load native code without the JDK 22+ warning.
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmFlags);
    command.add("-cp");
    StringBuilder cp = new StringBuilder(testClasspath());
    extraClasspath.forEach(p -> cp.append(java.io.File.pathSeparator).append(p));
    command.add(cp.toString());
    command.add(TaoPromCli.class.getName());
    command.add("serve");
    command.add("--web.listen-address");
    command.add("127.0.0.1:" + port);
    command.addAll(args);
    return launch(command, port, false, environment);
  }

  /**
   * As {@link #start(List, List)} for a serve whose endpoint needs TLS or credentials (a web
   * config): ready once it says it is serving, rather than once a plain GET succeeds.
   */
  static ServeProcess startSecured(List<String> jvmFlags, List<String> args) throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(testClasspath());
    command.add(TaoPromCli.class.getName());
    command.add("serve");
    command.add("--web.listen-address");
    command.add("127.0.0.1:" + port);
    command.addAll(args);
    return launch(command, port, true, Map.of());
  }

  private static ServeProcess launch(List<String> command, int port, boolean secured, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path stderr = Files.createTempFile("taoprom-serve-", ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile());
    builder.environment().putAll(environment);
    Process p = builder.start();
    ServeProcess serve = new ServeProcess(p, stderr, port);
    try {
      if (secured) {
        serve.awaitServingLine(Duration.ofSeconds(60));
      } else {
        serve.awaitMetrics(Duration.ofSeconds(60));
      }
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      serve.close();
      throw e;
    }
    return serve;
  }

  /** The classpath the tests run with: this module's jar or classes and all dependencies. */
  static String testClasspath() {
    // Failsafe puts a manifest-only jar on java.class.path and the real path here.
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitMetrics(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("taoprom serve exited with " + process.exitValue() + " before serving: " + stderr());
      }
      try {
        HttpResponse<String> r = get("/metrics", "Accept", "text/plain");
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("taoprom serve did not answer /metrics within " + timeout + ": " + stderr());
  }

  private void awaitServingLine(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("taoprom serve exited with " + process.exitValue() + " before serving: " + stderr());
      }
      String log = stderr();
      // The start-up line, in logfmt or (--log.format=json) JSON.
      if (log.contains(" source=taoprom.serve msg=\"serving ") || log.contains("\"source\":\"taoprom.serve\",\"msg\":\"serving ")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("taoprom serve did not start serving within " + timeout + ": " + stderr());
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** What the process wrote to stderr so far. */
  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGTERM and waits for the exit code; -1 if it had to be killed. */
  int stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    return -1;
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        stop(Duration.ofSeconds(10));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(stderr);
      } catch (IOException ignored) {
        // a temp file; nothing else to do
      }
    }
  }
}
