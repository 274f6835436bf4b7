package io.taoprom.cli.dist;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image tarball as {@code jib:buildTar} writes it, unpacked: an OCI image layout
 * ({@code index.json}, {@code blobs/sha256/...}) or the Docker archive layout
 * ({@code manifest.json}), whichever it holds. Reads the image's config (entrypoint, user,
 * ports, environment) and lists its layers' files, as a container runtime would see them.
 *
 * <pre>{@code
 * OciImage image = OciImage.unpack(Path.of("cli/target/dist/taoprom-0.1.0-image.tar"), tempDir);
 * image.config().path("config").path("User").asText();   // "65532:65532"
 * }</pre>
 */
final class OciImage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final JsonNode config;
  private final List<Path> layers;

  private OciImage(Path dir, JsonNode config, List<Path> layers) {
    this.dir = dir;
    this.config = config;
    this.layers = layers;
  }

  /** Unpacks the tarball into the directory and reads its manifest and config. */
  static OciImage unpack(Path tarball, Path into) throws IOException, InterruptedException {
    Dist.output("tar", "-xf", tarball.toString(), "-C", into.toString());
    if (Files.isRegularFile(into.resolve("index.json"))) {
      JsonNode index = JSON.readTree(into.resolve("index.json").toFile());
      JsonNode manifest = JSON.readTree(blob(into, index.path("manifests").path(0).path("digest").asText()).toFile());
      JsonNode config = JSON.readTree(blob(into, manifest.path("config").path("digest").asText()).toFile());
      List<Path> layers = new ArrayList<>();
      manifest.path("layers").forEach(layer -> layers.add(blob(into, layer.path("digest").asText())));
      return new OciImage(into, config, layers);
    }
    if (Files.isRegularFile(into.resolve("manifest.json"))) {
      JsonNode manifest = JSON.readTree(into.resolve("manifest.json").toFile()).path(0);
      JsonNode config = JSON.readTree(into.resolve(manifest.path("Config").asText()).toFile());
      List<Path> layers = new ArrayList<>();
      manifest.path("Layers").forEach(layer -> layers.add(into.resolve(layer.asText())));
      return new OciImage(into, config, layers);
    }
    fail(tarball + " holds neither index.json (OCI layout) nor manifest.json (Docker archive)");
    throw new AssertionError("unreachable");
  }

  private static Path blob(Path dir, String digest) {
    if (!digest.startsWith("sha256:")) {
      fail("unexpected digest in the image: " + digest);
    }
    return dir.resolve("blobs/sha256").resolve(digest.substring("sha256:".length()));
  }

  /** The image config JSON ({@code config.Entrypoint}, {@code config.User}, ...). */
  JsonNode config() {
    return config;
  }

  /**
   * Every file of every layer, as {@code tar -tv --numeric-owner} lists it
   * ({@code -rwxr-xr-x 0/0 ... opt/taoprom/runtime/bin/java}).
   */
  List<String> listing() throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    for (Path layer : layers) {
      for (String line : Dist.output("tar", "--warning=no-unknown-keyword", "--numeric-owner", "-tvzf", layer.toString()).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  /**
   * The image's file system: every layer unpacked, in order, into this directory (as a container
   * runtime lays it out; jib's layers add files and delete none).
   */
  Path rootfs(Path into) throws IOException, InterruptedException {
    Files.createDirectories(into);
    for (Path layer : layers) {
      Dist.output("tar", "--warning=no-unknown-keyword", "-xzf", layer.toString(), "-C", into.toString());
    }
    return into;
  }

  /** Where the image tarball was unpacked (for messages). */
  Path directory() {
    return dir;
  }
}
