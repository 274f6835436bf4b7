package io.taoprom.core.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the node scripts in {@code core/src/test/js} against the pinned oracles in {@code
 * tools/interop/node_modules}. When node or the modules are missing the calling test is skipped
 * with a message, except under {@code CI=true}, where that fails the build.
 */
public final class NodeOracle {

  private final Path root;
  private final Path interop;
  private final String node;

  private NodeOracle(Path root, Path interop, String node) {
    this.root = root;
    this.interop = interop;
    this.node = node;
  }

  /** The oracle, or a skipped (outside CI) / failed (in CI) test when it is not installed. */
  public static NodeOracle require() {
    Path root = Path.of(System.getProperty("taoprom.root", "..")).toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("core/src/test/js"))) {
      // Built with -f core/pom.xml: the module directory is the working directory.
      root = Path.of("").toAbsolutePath().getParent();
    }
    Path interop = root.resolve("tools/interop");
    String node = findNode();
    String missing = null;
    if (node == null) {
      missing = "node is not on the PATH";
    } else if (!Files.isDirectory(interop.resolve("node_modules/@polkadot/util-crypto"))) {
      missing = interop.resolve("node_modules") + " is not installed (run: cd tools/interop && npm ci)";
    }
    if (missing != null) {
      if ("true".equals(System.getenv("CI"))) {
        fail("the interop oracles are required in CI: " + missing);
      }
      Assumptions.abort("skipping the polkadot-js interop check: " + missing);
    }
    return new NodeOracle(root, interop, node);
  }

  private static String findNode() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, "node");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  /** The repository root. */
  public Path root() {
    return root;
  }

  /**
   * Runs {@code core/src/test/js/<script>} with the interop directory and {@code extraArgs},
   * feeding {@code stdin}, and returns its standard output; a non-zero exit fails the test.
   */
  public String run(String script, String stdin, long timeoutSeconds, String... extraArgs) {
    List<String> cmd = new ArrayList<>(List.of(node, root.resolve("core/src/test/js").resolve(script).toString(),
        interop.toString()));
    cmd.addAll(List.of(extraArgs));
    try {
      Process p = new ProcessBuilder(cmd).directory(root.toFile()).start();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
      CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(script + " did not finish within " + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) {
        fail(script + " exited with " + p.exitValue() + ":\n" + new String(err.join(), StandardCharsets.UTF_8));
      }
      return new String(out.join(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
