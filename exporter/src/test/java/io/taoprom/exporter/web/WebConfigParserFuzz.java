package io.taoprom.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Whatever the file holds, parsing it either gives a config or throws {@link WebConfigException}
 * with one short line that quotes neither the password hash nor the private key planted in the file. Three
 * shapes of input: arbitrary text, and arbitrary text around a hash and around an inline key.
 */
class WebConfigParserFuzz {

  /** A well-formed bcrypt hash whose tail is easy to spot in a message. */
  private static final String HASH = "$2y$10$" + "SECRETHASHSECRETHASHSECRETHASHSECRETHASHSECRETHASH123";
  private static final String KEY = "S2V5TWF0ZXJpYWxOZXZlckluQU1lc3NhZ2VLZXlNYXRlcmlhbA==";

  @FuzzTest(maxDuration = "15s")
  void onlyTheConfigErrorOnOneShortLineWithoutSecrets(FuzzedDataProvider data) {
    String text = switch (data.consumeInt(0, 2)) {
      case 0 -> data.consumeRemainingAsString();
      case 1 -> "basic_auth_users:\n  " + data.consumeString(40) + ": " + data.consumeString(4) + HASH + data.consumeString(8)
          + "\n" + data.consumeRemainingAsString();
      default -> "tls_server_config:\n  cert_file: a.crt\n  key: " + data.consumeString(8) + "\n    -----BEGIN PRIVATE KEY-----\n    "
          + KEY + "\n    -----END PRIVATE KEY-----\n" + data.consumeRemainingAsString();
    };
    try {
      WebConfig config = WebConfigParser.parse(text, Path.of("/etc/taoprom"), "web.yml");
      assertThat(config.toString()).doesNotContain("SECRETHASH").doesNotContain(KEY);
    } catch (WebConfigException e) {
      String message = e.getMessage();
      assertThat(message).startsWith("web.yml").hasSizeLessThan(1200).doesNotContain("\n").doesNotContain("\r");
      // The fuzzer learns these strings from the comparisons and may write them anywhere itself,
      // where they are keys or values like any other; a leak is a piece of the planted secret that
      // only the planted secret holds.
      String written = text.replace(HASH, "\u0000").replace(KEY, "\u0000");
      for (String piece : new String[] {"SECRETHASH", "HASH123", "S2V5TWF0ZXJp", "bEtleU1hdGVy"}) {
        if (!written.contains(piece)) {
          assertThat(message).doesNotContain(piece);
        }
      }
    }
  }
}
