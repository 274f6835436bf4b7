package io.taoprom.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution build's bad input ({@code cli/src/main/dist/build-dist.sh}, which the
 * {@code dist} profile runs): each stops the build with one line that says what is missing and
 * how to fix it, before any work is done. Needs no built distribution.
 */
class BuildDistScriptIT {

  @TempDir Path temp;

  private Dist.Result build(Path jdk, Path target) throws Exception {
    Path script = Dist.root().resolve("cli/src/main/dist/build-dist.sh");
    return Dist.run(List.of("bash", script.toString(), jdk.toString(), target.toString(), "1.2.3", Dist.root().toString()), Map.of());
  }

  @Test
  void aJreWithoutJlinkSaysSoInOneLine() throws Exception {
    // A JRE: bin/java and no bin/jlink.
    Path jre = Files.createDirectories(temp.resolve("jre/bin"));
    Files.createSymbolicLink(jre.resolve("java"), Path.of(System.getProperty("java.home"), "bin/java"));
    Dist.Result r = build(temp.resolve("jre"), Files.createDirectories(temp.resolve("target")));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).singleElement().asString()
        .isEqualTo("taoprom dist: no jlink in " + temp.resolve("jre") + " (a JRE, not a JDK?); install a JDK 17"
            + " (apt-get install openjdk-17-jdk-headless) and run Maven with JAVA_HOME pointing at it");
    assertThat(temp.resolve("target/dist")).doesNotExist();
  }

  @Test
  void aJdkOlderThan24WithoutJmodsSaysSoInOneLine() throws Exception {
    // jlink there, jmods/ not: a JDK 17 needs them (a JDK 24+ may link from its own image, JEP 493).
    Path jdk = temp.resolve("jdk17");
    Files.createDirectories(jdk.resolve("bin"));
    Files.createSymbolicLink(jdk.resolve("bin/jlink"), Path.of(System.getProperty("java.home"), "bin/jlink"));
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
    Dist.Result r = build(jdk, Files.createDirectories(temp.resolve("target")));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("taoprom dist: no jmods in " + jdk + ", which jlink needs; install the full JDK 17");
  }

  @Test
  void anUnwritableOutputDirectorySaysSoInOneLine() throws Exception {
    Path jdk = Path.of(System.getProperty("java.home"));
    Path target = Files.createDirectories(temp.resolve("target"));
    Files.writeString(target.resolve("taoprom.jar"), "");
    Files.createDirectories(target.resolve("lib"));
    // Where the dist directory should go there is a file: no user, root included, can write there.
    Files.writeString(target.resolve("dist"), "");
    Dist.Result r = build(jdk, target);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("taoprom dist: cannot write " + target.resolve("dist") + "; make " + target + " writable by ");
  }

  @Test
  void aMissingJarSaysHowToBuildIt() throws Exception {
    Path jdk = Path.of(System.getProperty("java.home"));
    Dist.Result r = build(jdk, Files.createDirectories(temp.resolve("target")));
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().lines()).singleElement().asString()
        .endsWith("taoprom.jar or its lib/ is missing; run the dist build with package: ./mvnw -Pdist -DskipTests package");
  }
}
