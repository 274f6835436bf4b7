package io.taoprom.cli.dist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The artifacts of {@code ./mvnw -Pdist package} in {@code cli/target/dist}, and the commands the
 * distribution tests run on them. The {@code dist} profile tells the test it built them
 * ({@code taoprom.dist.expected}): then a missing artifact is a failure; without the profile the
 * tests skip with a message saying how to build them.
 *
 * <pre>{@code
 * Path tarball = Dist.artifact("taoprom-%s-linux-x86_64.tar.gz");
 * Dist.Result r = Dist.run(List.of("tar", "tzf", tarball.toString()), Map.of());
 * }</pre>
 */
final class Dist {

  /** The tarball, the .deb and the image tarball, by file name pattern (%s is the version). */
  static final String TARBALL = "taoprom-%s-linux-x86_64.tar.gz";
  static final String DEB = "taoprom_%s_amd64.deb";
  static final String IMAGE = "taoprom-%s-image.tar";

  private Dist() {}

  /** What a finished command printed and returned. */
  record Result(int exit, String out, String err) {
    /** Fails with the command's output unless it exited 0. */
    Result ok(String what) {
      if (exit != 0) {
        fail(what + " exited with " + exit + "\nstdout: " + out + "\nstderr: " + err);
      }
      return this;
    }
  }

  /**
   * The version the artifacts carry in their names: the project's, which the dist profile
   * passes; without it, that of the tarball an earlier dist build left.
   */
  static String version() {
    String given = System.getProperty("taoprom.version");
    if (given != null && !given.isBlank()) {
      return given;
    }
    String[] names = distDir().toFile().list((dir, name) -> name.matches("taoprom-.+-linux-x86_64\\.tar\\.gz"));
    if (names == null || names.length != 1) {
      return "VERSION";
    }
    return names[0].substring("taoprom-".length(), names[0].length() - "-linux-x86_64.tar.gz".length());
  }

  private static Path distDir() {
    return Path.of(System.getProperty("taoprom.dist.dir", root().resolve("cli/target/dist").toString()));
  }

  /** The repository root (its {@code cli/src/main/dist} holds the sources of the artifacts). */
  static Path root() {
    return Path.of(System.getProperty("taoprom.root"));
  }

  /** The artifact with this name pattern; skips, or fails under the dist profile, when absent. */
  static Path artifact(String pattern) {
    Path file = distDir().resolve(String.format(pattern, version()));
    if (Files.isRegularFile(file)) {
      return file;
    }
    String message = file + " is missing; build the distribution first: ./mvnw -Pdist -DskipTests package"
        + " (or ./mvnw -Pdist verify, which also runs this test)";
    if (Boolean.getBoolean("taoprom.dist.expected")) {
      fail(message + " (the dist profile built it, so this is a failure)");
    }
    Assumptions.abort(message + " (skipped)");
    throw new AssertionError("unreachable");
  }

  /** Runs a command to its end (at most two minutes) with these variables added. */
  static Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    return run(command, environment, null);
  }

  /** As {@link #run(List, Map)}, in this directory. */
  static Result run(List<String> command, Map<String, String> environment, Path directory)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("dist-out", ".txt");
    Path err = Files.createTempFile("dist-err", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      if (directory != null) {
        pb.directory(directory.toFile());
      }
      pb.environment().putAll(environment);
      Process p = pb.start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(String.join(" ", command) + " did not finish in 120 s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** Runs a command and returns its standard output; fails when it does not exit 0. */
  static String output(String... command) throws IOException, InterruptedException {
    return run(Arrays.asList(command), Map.of()).ok(String.join(" ", command)).out();
  }

  /** Unpacks the tarball into the directory; returns the installation inside it. */
  static Path unpack(Path tarball, Path into) throws IOException, InterruptedException {
    output("tar", "-xzf", tarball.toString(), "-C", into.toString());
    Path home = into.resolve("taoprom-" + version());
    if (!Files.isDirectory(home)) {
      fail(tarball + " does not unpack into taoprom-" + version() + "/");
    }
    return home;
  }

  /** The lines of a file that are not empty and not comments ({@code #}). */
  static List<String> meaningfulLines(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String stripped = line.replaceFirst("#.*", "").strip();
      if (!stripped.isEmpty()) {
        lines.add(stripped);
      }
    }
    return lines;
  }
}
