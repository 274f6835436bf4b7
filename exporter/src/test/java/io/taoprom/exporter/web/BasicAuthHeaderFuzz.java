package io.taoprom.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Any {@code Authorization} header is a verdict (allowed only with alice's password), never an
 * exception, whatever its scheme, base64, bytes or length.
 */
class BasicAuthHeaderFuzz {

  private static final BasicAuth AUTH = BasicAuth.of(
      Map.of("alice", OpenBSDBCrypt.generate("2y", "secret".toCharArray(), new byte[16], 4)), new BcryptChecks());

  @FuzzTest(maxDuration = "10s")
  void everyHeaderIsAVerdict(FuzzedDataProvider data) {
    String header = data.consumeBoolean()
        ? "Basic " + java.util.Base64.getEncoder().encodeToString(data.consumeRemainingAsBytes())
        : data.consumeRemainingAsString();
    BasicAuth.Verdict verdict = AUTH.check(header);
    assertThat(verdict).isNotNull();
    if (verdict == BasicAuth.Verdict.ALLOWED) {
      assertThat(header.substring(6).strip()).isEqualTo(java.util.Base64.getEncoder().encodeToString("alice:secret".getBytes(
          java.nio.charset.StandardCharsets.UTF_8)));
    }
  }
}
