package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./taoprom} launcher, run by bash in a copy of the repository layout: it builds
 * when the jar is missing or older than a source, not otherwise, and runs the real CLI jar with
 * its JVM flags and the user's {@code TAOPROM_JAVA_OPTS} after them. The build itself is a
 * small {@code mvnw} script that records its arguments and puts this build's jar in place, so
 * the test checks the launcher's decisions without a minute of Maven per case.
 */
class LauncherIT {

  @TempDir Path root;
  private Path jar;
  private Path builtJar;

  @BeforeEach
  void layout() throws IOException {
    Path repo = Path.of(System.getProperty("taoprom.root"));
    Files.copy(repo.resolve("taoprom"), root.resolve("taoprom"));
    root.resolve("taoprom").toFile().setExecutable(true);
    // The JVM flags the launcher reads (one file, shared with the distribution's bin/taoprom).
    Path options = Files.createDirectories(root.resolve("cli/src/main/dist")).resolve("jvm.options");
    Files.copy(repo.resolve("cli/src/main/dist/jvm.options"), options);
    builtJar = Arrays.stream(ServeProcess.testClasspath().split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.getFileName().toString().equals("taoprom.jar"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("taoprom.jar is not on the test class path: " + ServeProcess.testClasspath()));
    Path target = Files.createDirectories(root.resolve("cli/target"));
    // The jar's manifest names lib/*.jar beside it: point lib at this build's.
    Files.createSymbolicLink(target.resolve("lib"), builtJar.resolveSibling("lib"));
    jar = target.resolve("taoprom.jar");

    Files.writeString(root.resolve("pom.xml"), "<project/>\n");
    Files.createDirectories(root.resolve("core/src/main/java"));
    Files.writeString(root.resolve("core/src/main/java/A.java"), "class A {}\n");
    Files.writeString(root.resolve("mvnw"), """
        #!/bin/sh
        echo "$@" >> "$(dirname "$0")/mvnw.calls"
        cp "$TEST_BUILT_JAR" "$(dirname "$0")/cli/target/taoprom.jar"
        """);
    Files.setPosixFilePermissions(root.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void unlinkLib() throws IOException {
    // Removed here, so that the temp-dir clean-up never meets a link pointing out of it.
    Files.deleteIfExists(root.resolve("cli/target/lib"));
  }

  private record Result(int exit, String out, String err) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    String[] command = new String[args.length + 1];
    command[0] = root.resolve("taoprom").toString();
    System.arraycopy(args, 0, command, 1, args.length);
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.environment().remove("TAOPROM_JAVA_OPTS");
    pb.environment().remove("TAOPROM_NO_BUILD");
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().put("TEST_BUILT_JAR", builtJar.toString());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private String mvnwCalls() throws IOException {
    Path calls = root.resolve("mvnw.calls");
    return Files.exists(calls) ? Files.readString(calls, StandardCharsets.UTF_8) : "";
  }

  @Test
  void firstRunBuildsWithAProgressLineThenRuns() throws Exception {
    Result r = launch(Map.of(), "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("taoprom: building (first run, about a minute)...\n")
        .containsPattern("taoprom: built in \\d+ s\n");
    assertThat(mvnwCalls()).isEqualTo("-q -B -DskipTests -pl cli -am package\n");
    assertThat(r.out()).startsWith("taoprom ").contains("java " + Runtime.version().feature());
  }

  @Test
  void anUpToDateJarRunsWithoutBuilding() throws Exception {
    Files.copy(builtJar, jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    Result r = launch(Map.of(), "--version");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(mvnwCalls()).isEmpty();
    assertThat(r.out()).startsWith("taoprom ");
  }

  @Test
  void aSourceNewerThanTheJarRebuilds() throws Exception {
    Files.copy(builtJar, jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    Result r = launch(Map.of(), "collectors", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("taoprom: building (sources changed)...\n");
    assertThat(mvnwCalls()).isEqualTo("-q -B -DskipTests -pl cli -am package\n");
    // Build output goes to stderr: stdout is the command's alone, here clean JSON.
    assertThat(r.out()).startsWith("{").contains("\"collectors\"");
    // Marked fresh afterwards, even if the build left the jar's time alone.
    assertThat(Files.getLastModifiedTime(jar).toInstant())
        .isAfter(Files.getLastModifiedTime(root.resolve("core/src/main/java/A.java")).toInstant().minusSeconds(1));
    Result again = launch(Map.of(), "--version");
    assertThat(again.err()).isEmpty();
    assertThat(mvnwCalls().lines().count()).isEqualTo(1);
  }

  @Test
  void noBuildModeRunsWhatIsThereAndFailsClearlyWithoutAJar() throws Exception {
    Result missing = launch(Map.of("TAOPROM_NO_BUILD", "1"), "--version");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).startsWith("taoprom: ").contains("taoprom.jar is missing and TAOPROM_NO_BUILD=1");
    assertThat(mvnwCalls()).isEmpty();

    Files.copy(builtJar, jar, StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    Result stale = launch(Map.of("TAOPROM_NO_BUILD", "1"), "--version");
    assertThat(stale.exit()).isZero();
    assertThat(mvnwCalls()).isEmpty();
  }

  @Test
  void userJvmFlagsComeAfterOursAndWin() throws Exception {
    Files.copy(builtJar, jar);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
    Result ours = launch(Map.of("TAOPROM_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");
    assertThat(ours.out()).contains("-XX:MaxHeapSize=67108864").contains("-XX:+UseSerialGC").contains("-XX:TieredStopAtLevel=1");
    Result theirs = launch(Map.of("TAOPROM_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx128m"), "--version");
    assertThat(theirs.exit()).isZero();
    assertThat(theirs.out()).contains("-XX:MaxHeapSize=134217728");
  }

  @Test
  void aBrokenBuildSaysSoAndStops() throws Exception {
    Files.writeString(root.resolve("mvnw"), "#!/bin/sh\necho '[ERROR] COMPILATION ERROR' >&2\nexit 1\n");
    Result r = launch(Map.of(), "--version");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("[ERROR] COMPILATION ERROR").contains("taoprom: build failed;");
    assertThat(r.out()).isEmpty();
  }
}
