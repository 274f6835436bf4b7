package io.taoprom.cli.key;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.core.keys.Ss58;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints the key commands' results as aligned text or as JSON. */
final class KeyOutput {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Map<String, Object[]> fields = new LinkedHashMap<>();

  /** A field with its JSON name, its text label and its value (a string or a boolean). */
  KeyOutput put(String jsonName, String label, Object value) {
    fields.put(jsonName, new Object[] {label, value});
    return this;
  }

  /** The public fields every key command shows: public key, account id, SS58 address, scheme. */
  static KeyOutput account(byte[] publicKey, int prefix, String scheme) {
    String hex = KeyInput.toHex(publicKey);
    return new KeyOutput()
        .put("publicKey", "Public key (hex)", hex)
        .put("accountId", "Account ID", hex)
        .put("ss58Address", "SS58 address", Ss58.encode(publicKey, prefix))
        .put("scheme", "Scheme", scheme);
  }

  void print(PrintWriter out, boolean json) {
    if (json) {
      ObjectNode root = JSON.createObjectNode();
      fields.forEach((k, v) -> {
        if (v[1] instanceof Boolean b) {
          root.put(k, b);
        } else {
          root.put(k, String.valueOf(v[1]));
        }
      });
      try {
        out.println(JSON.writeValueAsString(root));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      int width = fields.values().stream().mapToInt(v -> ((String) v[0]).length()).max().orElse(0) + 3;
      fields.values().forEach(v -> out.printf("%-" + width + "s%s%n", v[0] + ":", v[1]));
    }
    out.flush();
  }
}
