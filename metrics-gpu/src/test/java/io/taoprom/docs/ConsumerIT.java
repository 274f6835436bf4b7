package io.taoprom.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project, built by Maven on its own: it imports {@code taoprom-bom}, depends on
 * {@code taoprom-exporter} and {@code taoprom-metrics-gpu} (nothing else of TaoProm), and holds the
 * README's collector plugin and {@code docs/exporter.md}'s embedding example <em>as extracted from
 * those files</em> (the fenced blocks under {@code <!-- compiled by ConsumerIT -->}), so the docs
 * cannot drift from the code. It builds against this checkout's jars, in a local repository of the
 * test's own; everything else comes from the build's local repository, read only.
 *
 * <p>Two consumers, one Maven run: one imports client_java's BOM 1.3.6 after {@code taoprom-bom}
 * (ours wins: 1.10.0 on the class path, and the plugin and the embedding example serve), the other
 * before it (1.3.6 wins, and the exporter refuses to start with the line that names the fix,
 * where it used to fail inside client_java with {@code Illegal metric name}).
 */
class ConsumerIT {

  private static final String OLD_CLIENT_JAVA = "io.prometheus:prometheus-metrics-bom:1.3.6";
  private static final List<String> MODULES = List.of("untrusted", "exporter", "metrics-gpu");

  @Test
  void theDocumentedExamplesBuildAndServeInAProjectOfTheirOwn(@TempDir Path dir) throws Exception {
    Path root = MarkdownLinksTest.repositoryRoot();
    String version = System.getProperty("taoprom.version");
    String buildDir = System.getProperty("taoprom.buildDir", "target");
    assertThat(version).as("taoprom.version (set by the metrics-gpu POM)").isNotBlank();
    String bom = "io.taoprom:taoprom-bom:" + version;

    Path repo = dir.resolve("repo");
    ConsumerProject.install(repo, "taoprom-parent", version, root.resolve("pom.xml"), null);
    ConsumerProject.install(repo, "taoprom-bom", version, root.resolve("bom/pom.xml"), null);
    for (String module : MODULES) {
      Path jar = ConsumerProject.builtJar(root, module, buildDir, version);
      String expectedName = "io.taoprom." + (module.equals("metrics-gpu") ? "metrics" : module);
      assertThat(ConsumerProject.moduleName(jar)).as("Automatic-Module-Name of " + jar).isEqualTo(expectedName);
      assertThat(jar.resolveSibling("taoprom-" + module + "-" + version + "-sources.jar")).as("sources jar").isRegularFile();
      ConsumerProject.install(repo, "taoprom-" + module, version, root.resolve(module).resolve("pom.xml"), jar);
    }

    String plugin = MarkdownDocument.read(root.resolve("README.md"))
        .markedBlock("compiled by ConsumerIT", "class QueueDepthPlugin");
    String embedding = MarkdownDocument.read(root.resolve("docs/exporter.md"))
        .markedBlock("compiled by ConsumerIT", "class EmbeddedExporter");
    Path consumers = dir.resolve("consumers");
    Map<String, List<String>> boms = Map.of("ours-first", List.of(bom, OLD_CLIENT_JAVA), "theirs-first", List.of(OLD_CLIENT_JAVA, bom));
    for (Map.Entry<String, List<String>> consumer : boms.entrySet()) {
      Path project = consumers.resolve(consumer.getKey());
      write(project.resolve("pom.xml"), ConsumerProject.pom(consumer.getKey(), consumer.getValue()));
      Path sources = project.resolve("src/main/java/com/example");
      write(sources.resolve("QueueDepthPlugin.java"), plugin);
      write(sources.resolve("EmbeddedExporter.java"), embedding);
      write(sources.resolve("ConsumerCheck.java"), ConsumerProject.CHECK);
      // As the README says: list the plugin in META-INF/services.
      write(project.resolve("src/main/resources/META-INF/services/io.taoprom.exporter.spi.CollectorPlugin"),
          "com.example.QueueDepthPlugin\n");
    }
    write(consumers.resolve("pom.xml"), ConsumerProject.aggregator(List.copyOf(boms.keySet())));

    maven(root, consumers, repo);

    Path ours = consumers.resolve("ours-first");
    String oursClasspath = Files.readString(ours.resolve("classpath.txt"));
    assertThat(oursClasspath).contains("prometheus-metrics-core-1.10.0.jar").doesNotContain("1.3.6");
    String scrape = java(ours, "com.example.ConsumerCheck");
    assertThat(scrape).contains("status 200\n")
        .contains("\nmyapp_queue_depth 2.0\n", "\nnode_load1 ", "taoprom_scrape_collector_success{collector=\"queue\"} 1.0",
            "taoprom_build_info{java_version=");

    assertThat(servesTheEmbeddingExample(ours))
        .contains("taoprom_neuron_info{", "netuid=\"27\"", "taoprom_validator_miner_score{", "node_load1 ")
        .doesNotContain("collector=\"filesystem\"");

    Path theirs = consumers.resolve("theirs-first");
    assertThat(Files.readString(theirs.resolve("classpath.txt"))).contains("prometheus-metrics-core-1.3.6.jar");
    assertThat(java(theirs, "com.example.ConsumerCheck"))
        .contains("java.lang.IllegalStateException: client_java is older on the class path than TaoProm needs"
            + " (prometheus-metrics-config 1.3.6, prometheus-metrics-core 1.3.6,")
        .contains("import io.taoprom:taoprom-bom before io.prometheus:prometheus-metrics-bom in <dependencyManagement>")
        .doesNotContain("Illegal metric name");
  }

  /** Runs docs/exporter.md's main on a free port, scrapes it once ready, and stops it as systemd would (SIGTERM). */
  private static String servesTheEmbeddingExample(Path project) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path log = project.resolve("embedded.log");
    Process process = new ProcessBuilder(javaCommand(project, "com.example.EmbeddedExporter", String.valueOf(port)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        assertThat(process.isAlive()).as("the example runs; its output: %s", Files.readString(log)).isTrue();
        try {
          if (get(client, port, "/-/ready").statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        assertThat(System.nanoTime()).as("ready within 120 s; output: %s", Files.readString(log)).isLessThan(deadline);
        Thread.sleep(200);
      }
      HttpResponse<String> metrics = get(client, port, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(Files.readString(log)).contains("serving http://localhost:" + port + "/metrics");
      return metrics.body();
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * One Maven run over both consumers: compile, then write each one's class path. TaoProm's
   * artifacts come from {@code repo}; the rest from the outer build's local repository as a
   * read-only tail (Maven 3.9's chained local repository), offline when the outer build was.
   */
  private static void maven(Path root, Path consumers, Path repo) throws Exception {
    List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q"));
    if ("offline=true".equals(System.getProperty("taoprom.offline"))) {
      command.add("-o");
    }
    String outerRepo = System.getProperty("taoprom.localRepository",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    command.addAll(List.of("-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + outerRepo,
        "compile", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.outputFile=classpath.txt"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(consumers.toFile()).redirectErrorStream(true)
        .redirectOutput(consumers.resolve("maven.log").toFile());
    // A quick JIT for a short build on a busy machine; the outer build's MAVEN_ARGS do not apply here.
    builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -Xmx512m");
    builder.environment().remove("MAVEN_ARGS");
    Process process = builder.start();
    boolean finished = process.waitFor(8, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    String log = Files.readString(consumers.resolve("maven.log"));
    assertThat(finished).as("the consumer build finished in 8 minutes; its log:\n%s", log).isTrue();
    assertThat(process.exitValue()).as("the consumer build (%s); its log:\n%s", String.join(" ", command), log).isZero();
  }

  /** Runs a consumer class to its end (at most two minutes) and returns what it printed. */
  private static String java(Path project, String mainClass) throws Exception {
    Path out = project.resolve(mainClass + ".log");
    Process process = new ProcessBuilder(javaCommand(project, mainClass)).redirectErrorStream(true)
        .redirectOutput(out.toFile()).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(mainClass + " did not end in 2 minutes; output: " + Files.readString(out));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static List<String> javaCommand(Path project, String mainClass, String... args) throws IOException {
    String classpath = project.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(project.resolve("classpath.txt")).strip();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp", classpath, mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
