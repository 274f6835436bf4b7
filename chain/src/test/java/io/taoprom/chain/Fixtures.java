package io.taoprom.chain;

import static org.junit.jupiter.api.Assertions.fail;

import io.taoprom.chain.codec.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds what tests need from outside the project (the real metadata fixtures, the interop
 * {@code node_modules}): skips with a message when absent, fails instead when {@code CI=true}.
 */
public final class Fixtures {

  public static final String V14 = "finney-spec343-metadata-v14.hex";
  public static final String V15_OPAQUE = "finney-spec343-metadata-v15-opaque.hex";

  private Fixtures() {}

  /** The bytes of a hex fixture from {@code taoprom.fixtures}. */
  public static byte[] bytes(String name) {
    return Hex.decode(text(name));
  }

  /** The text of a fixture from {@code taoprom.fixtures}. */
  public static String text(String name) {
    Path file = fixturesDir().resolve(name);
    require(Files.isRegularFile(file), "fixture " + file + " is absent");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  public static Path fixturesDir() {
    String dir = System.getProperty("taoprom.fixtures");
    if (dir == null) {
      Path guess = repoRoot().resolve("../shared/fixtures").normalize();
      return guess;
    }
    return Path.of(dir);
  }

  public static Path repoRoot() {
    String root = System.getProperty("taoprom.root");
    return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
  }

  /** {@code tools/interop}, where the pinned npm oracles are installed. */
  public static Path interopDir() {
    Path dir = repoRoot().resolve("tools/interop");
    require(Files.isDirectory(dir.resolve("node_modules/@polkadot/api")),
        "the npm oracles are not installed in " + dir + "/node_modules (run npm ci there)");
    return dir;
  }

  /**
   * The Subtensor raw chain spec chopsticks runs, from {@code TAOPROM_CHAIN_SPEC}; skips the test
   * with a message when it is unset or not a file, and fails it when {@code CI=true} (.ci/run points
   * it at ../shared/fixtures/subtensor-raonet-spec218.json).
   */
  public static Path chainSpec(String testName) {
    String spec = System.getenv("TAOPROM_CHAIN_SPEC");
    require(spec != null && !spec.isBlank(), testName + " needs TAOPROM_CHAIN_SPEC, a Subtensor raw chain spec"
        + " (e.g. ../shared/fixtures/subtensor-raonet-spec218.json, or opentensor/subtensor's scripts/specs/raonet.json),"
        + " to run against a real runtime");
    Path path = Path.of(spec);
    require(Files.isRegularFile(path), testName + ": TAOPROM_CHAIN_SPEC=" + spec + " is not a file");
    return path;
  }

  /** Skips the test with {@code message}, or fails it when {@code CI=true}. */
  public static void require(boolean condition, String message) {
    if (condition) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message + " (CI=true, so this fails instead of skipping)");
    }
    Assumptions.abort(message + "; skipping");
  }
}
