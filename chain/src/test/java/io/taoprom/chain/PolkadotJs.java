package io.taoprom.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code chain/src/test/js/polkadot-oracle.cjs} with the pinned polkadot-js in {@code
 * tools/interop}: a batch of questions in, a batch of answers out.
 */
public final class PolkadotJs {

  public static final ObjectMapper JSON = new ObjectMapper();

  private PolkadotJs() {}

  /** A new empty list of operations. */
  public static ArrayNode ops() {
    return JSON.createArrayNode();
  }

  /** Answers {@code ops} against the metadata in {@code metadataFile}; one result per op. */
  public static JsonNode run(Path metadataFile, ArrayNode ops) {
    Path interop = Fixtures.interopDir();
    Path script = Fixtures.repoRoot().resolve("chain/src/test/js/polkadot-oracle.cjs");
    ObjectNode request = JSON.createObjectNode();
    request.put("metadata", metadataFile.toString());
    request.set("ops", ops);
    try {
      Path in = Files.createTempFile("taoprom-oracle", ".json");
      Path err = Files.createTempFile("taoprom-oracle", ".err");
      try {
        Files.writeString(in, request.toString());
        ProcessBuilder pb = new ProcessBuilder("node", script.toString())
            .redirectInput(in.toFile()).redirectError(err.toFile());
        pb.environment().put("NODE_PATH", interop.resolve("node_modules").toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new AssertionError("polkadot-oracle failed: " + Files.readString(err));
        }
        JsonNode results = JSON.readTree(new String(out, StandardCharsets.UTF_8)).get("results");
        for (JsonNode r : results) {
          if (r.has("error")) {
            throw new AssertionError("polkadot-oracle: " + r.get("error").asText());
          }
        }
        return results;
      } finally {
        Files.deleteIfExists(in);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      Fixtures.require(false, "cannot run node (" + e.getMessage() + ")");
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
