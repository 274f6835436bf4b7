package io.taoprom.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

/**
 * The pieces of {@link ConsumerIT}'s Maven build: a local repository holding this checkout's
 * artifacts (copied from the modules' build directories in Maven's layout, as
 * {@code install:install-file} would put them, so nothing goes into the shared local repository),
 * and a consumer project that imports the BOM the way the README tells users to.
 */
final class ConsumerProject {

  static final String GROUP = "io.taoprom";

  private ConsumerProject() {}

  /** Puts a pom, and a jar where the module has one, at {@code repo}'s path for {@code io.taoprom:artifact:version}. */
  static void install(Path repo, String artifact, String version, Path pom, Path jar) throws IOException {
    Path dir = repo.resolve(GROUP.replace('.', '/')).resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The built jar of a module, failing with what to run where it is missing. */
  static Path builtJar(Path root, String module, String buildDir, String version) {
    Path jar = root.resolve(module).resolve(buildDir).resolve("taoprom-" + module + "-" + version + ".jar");
    assertThat(jar).as("the %s module's jar; build the modules first (./mvnw -pl metrics-gpu -am verify)", module)
        .isRegularFile();
    return jar;
  }

  /** The module name the jar declares for the module path (its Automatic-Module-Name). */
  static String moduleName(Path jar) {
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertThat(found).as("modules in %s", jar).hasSize(1);
    return found.iterator().next().descriptor().name();
  }

  /**
   * A consumer's pom: {@code boms} imported in this order (each {@code groupId:artifactId:version}),
   * depending on {@code taoprom-exporter} and {@code taoprom-metrics-gpu} without versions. Plugin
   * versions are pinned to ones the project's own build already uses, so an offline build finds them.
   */
  static String pom(String artifactId, List<String> boms) {
    StringBuilder imports = new StringBuilder();
    for (String bom : boms) {
      String[] gav = bom.split(":");
      imports.append("""
                <dependency>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <type>pom</type><scope>import</scope>
                </dependency>
          """.formatted(gav[0], gav[1], gav[2]));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencyManagement>
            <dependencies>
        %s    </dependencies>
          </dependencyManagement>
          <dependencies>
            <dependency><groupId>io.taoprom</groupId><artifactId>taoprom-exporter</artifactId></dependency>
            <dependency><groupId>io.taoprom</groupId><artifactId>taoprom-metrics-gpu</artifactId></dependency>
          </dependencies>
          <build>
            <pluginManagement>
              <plugins>
                <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
              </plugins>
            </pluginManagement>
          </build>
        </project>
        """.formatted(artifactId, imports);
  }

  /** The reactor that builds every consumer in one Maven run (each Maven start costs seconds here). */
  static String aggregator(List<String> modules) {
    StringBuilder list = new StringBuilder();
    modules.forEach(m -> list.append("    <module>").append(m).append("</module>\n"));
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>consumers</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <modules>
        %s  </modules>
        </project>
        """.formatted(list);
  }

  /**
   * The consumer's own check, not from the docs: serves the README's plugin and one host
   * collector on a free loopback port, and prints one scrape of {@code /metrics}.
   */
  static final String CHECK = """
      package com.example;

      import io.taoprom.exporter.TaoPromExporter;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Duration;

      public final class ConsumerCheck {
        public static void main(String[] args) throws Exception {
          QueueDepthPlugin.WAITING.add(() -> {});
          QueueDepthPlugin.WAITING.add(() -> {});
          try (TaoPromExporter exporter = TaoPromExporter.builder().host("127.0.0.1").port(0)
              .disableDefaults().enable("queue").enable("loadavg").buildAndStart()) {
            if (!exporter.awaitReady(Duration.ofSeconds(60))) {
              throw new IllegalStateException("collectors not ready in 60 s");
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
            System.out.println("status " + response.statusCode());
            System.out.print(response.body());
          }
        }
      }
      """;
}
