package io.taoprom.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/** The keyfiles made by libsodium and polkadot-js ({@code core/src/test/js/generate-keyfiles.mjs}). */
final class KeyfileFixtures {

  static final String RESOURCE = "/io/taoprom/core/interop/keyfiles.json";

  private KeyfileFixtures() {}

  static JsonNode entry(String name) {
    try (InputStream in = KeyfileFixtures.class.getResourceAsStream(RESOURCE)) {
      for (JsonNode n : new ObjectMapper().readTree(in).get("keyfiles")) {
        if (n.get("name").asText().equals(name)) {
          return n;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no keyfile fixture " + name);
  }

  static byte[] bytes(String name) {
    return Base64.getDecoder().decode(entry(name).get("file").asText());
  }

  static NaclKeyfileCipher cipher(String name) {
    JsonNode n = entry(name);
    return NaclKeyfileCipher.withLimits(n.get("opsLimit").asInt(), n.get("memLimit").asLong());
  }
}
