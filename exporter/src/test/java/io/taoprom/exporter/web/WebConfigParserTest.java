package io.taoprom.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exporter-toolkit's format, strictly: every key, its defaults, and an error naming the key for every bad value. */
class WebConfigParserTest {

  /** {@code htpasswd -nbB alice secret} (Apache htpasswd 2.4, cost 5). */
  static final String ALICE_HASH = "$2y$05$me7qVKQFMmAfBUHSsDEiOeqLhAyYy5j7q8CvEw3oB25TJNENng8vi";

  private static final Path DIR = Path.of("/etc/taoprom");

  private static WebConfig parse(String yaml) throws WebConfigException {
    return WebConfigParser.parse(yaml, DIR, "web.yml");
  }

  private static void rejects(String yaml, String message) {
    assertThatThrownBy(() -> parse(yaml)).isInstanceOf(WebConfigException.class).hasMessage(message);
  }

  @Test
  void anEmptyFileIsNoTlsAndNoAuth() throws Exception {
    for (String empty : new String[] {"", "\n", "# only a comment\n", "tls_server_config:\nbasic_auth_users:\n"}) {
      WebConfig config = parse(empty);
      assertThat(config.tls()).isEmpty();
      assertThat(config.users()).isEmpty();
      assertThat(config.headers()).isEmpty();
      assertThat(config.rateLimit()).isEmpty();
    }
  }

  @Test
  void everyTlsKeyWithRelativeFilesResolvedAgainstTheConfigsDirectory() throws Exception {
    WebConfig config = parse("""
        tls_server_config:
          cert_file: server.crt
          key_file: /abs/server.key
          client_auth_type: RequireAndVerifyClientCert
          client_ca_file: ca/clients.pem
          client_allowed_sans: [prometheus.example, 10.0.0.5]
          min_version: TLS13
          max_version: TLS13
          cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_AES_128_GCM_SHA256]
          prefer_server_cipher_suites: false
          curve_preferences: [X25519, CurveP256]
        """);
    TlsServerConfig tls = config.tls().orElseThrow();
    assertThat(tls.certFile()).hasValue(DIR.resolve("server.crt"));
    assertThat(tls.keyFile()).hasValue(Path.of("/abs/server.key"));
    assertThat(tls.clientCaFile()).hasValue(DIR.resolve("ca/clients.pem"));
    assertThat(tls.clientAuth()).isEqualTo(ClientAuth.REQUIRE_AND_VERIFY_CLIENT_CERT);
    assertThat(tls.clientAllowedSans()).containsExactly("prometheus.example", "10.0.0.5");
    assertThat(tls.minVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(tls.cipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256");
    assertThat(tls.preferServerCipherSuites()).isFalse();
    assertThat(tls.namedGroups()).containsExactly("x25519", "secp256r1");
  }

  @Test
  void tlsDefaultsAreExporterToolkits() throws Exception {
    TlsServerConfig tls = parse("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n").tls().orElseThrow();
    assertThat(tls.clientAuth()).isEqualTo(ClientAuth.NO_CLIENT_CERT);
    assertThat(tls.minVersion()).isEqualTo(TlsVersion.TLS12);
    assertThat(tls.maxVersion()).isEqualTo(TlsVersion.TLS13);
    assertThat(tls.preferServerCipherSuites()).isTrue();
    assertThat(tls.cipherSuites()).isEmpty();
    // min_version alone does not turn TLS on, as in exporter-toolkit
    assertThat(parse("tls_server_config:\n  min_version: TLS13\n").tls()).isEmpty();
    // the old name of RequireAnyClientCert
    assertThat(parse("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireClientCert\n")
        .tls().orElseThrow().clientAuth()).isEqualTo(ClientAuth.REQUIRE_ANY_CLIENT_CERT);
  }

  @Test
  void unknownKeysAreErrorsNamingThem() {
    rejects("tls_server_config:\n  cert_file: a\n  certfile: b\n",
        "web.yml: line 3: tls_server_config.certfile: unknown key; the keys of tls_server_config are cert, key, client_ca,"
            + " cert_file, key_file, client_auth_type, client_ca_file, cipher_suites, curve_preferences, min_version,"
            + " max_version, prefer_server_cipher_suites, client_allowed_sans");
    rejects("basic_auth:\n  alice: x\n", "web.yml: line 1: basic_auth: unknown key; the keys are tls_server_config,"
        + " http_server_config, basic_auth_users, rate_limit");
    rejects("http_server_config:\n  http3: true\n",
        "web.yml: line 2: http_server_config.http3: unknown key; the keys of http_server_config are http2, headers");
  }

  @Test
  void badTlsValuesNameTheKey() {
    String base = "tls_server_config:\n  cert_file: a\n  key_file: b\n";
    rejects(base + "  client_auth_type: Sometimes\n", "web.yml: line 4: tls_server_config.client_auth_type: \"Sometimes\""
        + " is not one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert");
    rejects(base + "  min_version: TLS1.2\n",
        "web.yml: line 4: tls_server_config.min_version: \"TLS1.2\" is not one of TLS10, TLS11, TLS12, TLS13");
    rejects(base + "  min_version: TLS13\n  max_version: TLS12\n",
        "web.yml: line 2: tls_server_config: min_version TLS13 is above max_version TLS12");
    rejects(base + "  cipher_suites: [TLS_RSA_WITH_RC4_128_SHA]\n", "web.yml: line 4: tls_server_config.cipher_suites:"
        + " unknown cipher suite \"TLS_RSA_WITH_RC4_128_SHA\"; use the names of Go's tls.CipherSuites(), such as"
        + " TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    rejects(base + "  curve_preferences: [P256]\n", "web.yml: line 4: tls_server_config.curve_preferences: unknown curve"
        + " \"P256\"; use CurveP256, CurveP384, CurveP521 or X25519");
    rejects(base + "  prefer_server_cipher_suites: maybe\n", "web.yml: line 4: tls_server_config.prefer_server_cipher_suites:"
        + " \"maybe\" is not a boolean; use true or false");
    rejects(base + "  cipher_suites: TLS_AES_128_GCM_SHA256\n",
        "web.yml: line 4: tls_server_config.cipher_suites: expected a list, found a single value");
    rejects("tls_server_config: [a, b]\n",
        "web.yml: line 1: tls_server_config: expected a mapping of keys to values, found a list");
  }

  @Test
  void tlsNeedsACertificateAndAKeyAndAClientCaOnlyWithAClientAuthType() {
    rejects("tls_server_config:\n  key_file: b\n",
        "web.yml: line 2: tls_server_config: missing cert_file (or cert); TLS needs the server's certificate");
    rejects("tls_server_config:\n  cert_file: a\n",
        "web.yml: line 2: tls_server_config: missing key_file (or key); TLS needs the server's private key");
    rejects("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_ca_file: c\n",
        "web.yml: line 2: tls_server_config: client_ca_file is set but client_auth_type is NoClientCert; set"
            + " client_auth_type to RequireAndVerifyClientCert to check client certificates");
    rejects("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequireAndVerifyClientCert\n",
        "web.yml: line 2: tls_server_config: client_auth_type RequireAndVerifyClientCert needs client_ca_file (or client_ca)"
            + " to check client certificates against");
    rejects("tls_server_config:\n  cert_file: a\n  key_file: b\n  client_auth_type: RequestClientCert\n"
        + "  client_allowed_sans: [x]\n", "web.yml: line 2: tls_server_config: client_allowed_sans requires"
        + " client_auth_type to be RequireAnyClientCert or RequireAndVerifyClientCert");
  }

  @Test
  void headersAreThoseExporterToolkitAllowsWithTheirValues() throws Exception {
    WebConfig config = parse("""
        http_server_config:
          http2: false
          headers:
            X-Frame-Options: sameorigin
            X-Content-Type-Options: nosniff
            Strict-Transport-Security: max-age=31536000; includeSubDomains
            Content-Security-Policy: ""
        """);
    assertThat(config.http2()).isFalse();
    assertThat(config.headers()).containsOnly(
        java.util.Map.entry("X-Frame-Options", "sameorigin"),
        java.util.Map.entry("X-Content-Type-Options", "nosniff"),
        java.util.Map.entry("Strict-Transport-Security", "max-age=31536000; includeSubDomains"));
    rejects("http_server_config:\n  headers:\n    Set-Cookie: a=b\n", "web.yml: line 3: http_server_config.headers.Set-Cookie:"
        + " this header cannot be set; the headers are Content-Security-Policy, Strict-Transport-Security,"
        + " X-Content-Type-Options, X-Frame-Options, X-XSS-Protection");
    rejects("http_server_config:\n  headers:\n    X-Frame-Options: allow\n",
        "web.yml: line 3: http_server_config.headers.X-Frame-Options: \"allow\" is not one of deny, sameorigin");
    rejects("http_server_config:\n  headers:\n    X-XSS-Protection: \"1\\r\\nSet-Cookie: a=b\"\n",
        "web.yml: line 3: http_server_config.headers.X-XSS-Protection: the value must be one line of at most 4096 printable characters");
  }

  @Test
  void usersNeedBcryptHashesAndNoErrorQuotesOne() throws Exception {
    assertThat(parse("basic_auth_users:\n  alice: " + ALICE_HASH + "\n  \"bob smith\": " + ALICE_HASH + "\n").users())
        .containsOnlyKeys("alice", "bob smith");
    String notBcrypt = "$1$abcdefgh$0123456789012345678901";
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice: " + notBcrypt + "\n"))
        .hasMessage("web.yml: line 2: basic_auth_users.\"alice\": not a bcrypt hash ($2y$, $2b$ or $2a$, a cost and 53"
            + " characters); make one with htpasswd -nBC 10 alice")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abcdefgh"));
    String plain = "correct-horse-battery-staple";
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice: " + plain + "\n"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(plain));
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice: [" + ALICE_HASH + "]\n"))
        .hasMessage("web.yml: line 2: basic_auth_users.\"alice\": expected a string, found a list");
    rejects("basic_auth_users:\n  \"a:b\": " + ALICE_HASH + "\n", "web.yml: line 2: basic_auth_users.(a key of 3 characters,"
        + " not shown): a user name must be non-empty and without ':' (basic auth splits name and password at the first ':')");
    rejects("basic_auth_users:\n  alice: $2y$03$me7qVKQFMmAfBUHSsDEiOeqLhAyYy5j7q8CvEw3oB25TJNENng8vi\n",
        "web.yml: line 2: basic_auth_users.\"alice\": bcrypt cost 3 is outside 4-31; make a new hash with htpasswd -nBC 10");
    rejects("basic_auth_users:\n  alice: " + ALICE_HASH + "\n  alice: " + ALICE_HASH + "\n",
        "web.yml: line 3: basic_auth_users.alice: given twice; keep one");
  }

  @Test
  void anInlineKeyIsNeverQuoted() {
    String key = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----";
    assertThatThrownBy(() -> parse("tls_server_config:\n  cert_file: a\n  key:\n    - " + key.replace("\n", " ") + "\n"))
        .hasMessage("web.yml: line 4: tls_server_config.key: expected a string, found a list");
  }

  @Test
  void aKeyOrHashThatAWrongIndentationPutInKeyPositionIsNotQuoted() {
    // Found by WebConfigParserFuzz: the inline key's lines, indented as keys, were echoed as an unknown key.
    String line = "S2V5TWF0ZXJpYWxOZXZlckluQU1lc3NhZ2VLZXlNYXRlcmlhbA==";
    assertThatThrownBy(() -> parse("tls_server_config:\n  cert_file: a\n  key: |\n-----BEGIN PRIVATE KEY----- " + line + ":\n"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("S2V5TWF0").contains("not shown"));
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice:\n  " + ALICE_HASH + ": x\n"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("me7qVKQF"));
    // Also found by it: snakeyaml's own messages quote an undefined alias or a tag, which may be a hash.
    assertThatThrownBy(() -> parse("basic_auth_users:\n  alice: *" + ALICE_HASH + "\n"))
        .hasMessage("web.yml: line 2: not valid YAML: found undefined alias");
    assertThat(YamlTree.shown("tls_server_config")).isEqualTo("tls_server_config");
    assertThat(YamlTree.shown("alice@example.com")).isEqualTo("alice@example.com");
    assertThat(YamlTree.shown("$2y$05$me7q")).isEqualTo("(a key of 11 characters, not shown)");
  }

  @Test
  void rateLimitIsATokenBucketWithGoDurations() throws Exception {
    assertThat(parse("rate_limit:\n  interval: 1s\n  burst: 20\n").rateLimit()).hasValue(new RateLimit(Duration.ofSeconds(1), 20));
    assertThat(parse("rate_limit:\n  interval: 1m30s\n  burst: 2\n").rateLimit().orElseThrow().interval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(parse("rate_limit:\n  interval: 0\n  burst: 20\n").rateLimit()).as("0 turns it off").isEmpty();
    rejects("rate_limit:\n  interval: soon\n", "web.yml: line 2: rate_limit.interval: \"soon\" is not a duration from 0 to 24h such as 1s or 500ms");
    rejects("rate_limit:\n  interval: 1s\n  burst: -1\n", "web.yml: line 3: rate_limit.burst: \"-1\" is not a whole number of 0 or more");
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("2us")).isEqualTo(Duration.ofNanos(2000));
    for (String bad : List.of("", "1", "s", "1x", "-1s", "25h", "1e3s", "..s", "\u0665s", "1\u0665ms")) {
      assertThat(GoDuration.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void yamlIsComposedSafelyAndWithinCaps() {
    rejects("tls_server_config: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n",
        "web.yml: line 1: not valid YAML: Global tag is not allowed");
    rejects("basic_auth_users: !!binary aGVsbG8=\n",
        "web.yml: line 1: basic_auth_users: the tag !!binary is not allowed; write plain values");
    rejects("basic_auth_users:\n  alice: !x$2y$05$secret x\n", "web.yml: line 2: basic_auth_users.\"alice\": a tag (!...) is not allowed;"
        + " write plain values");
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 30; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*").append(i == 0 ? "a" : "b" + (i - 1)).append(", *")
          .append(i == 0 ? "a" : "b" + (i - 1)).append("]\n");
    }
    rejects(bomb.toString(), "web.yml: not valid YAML: more than 16 aliases");
    rejects("[".repeat(100) + "]".repeat(100), "web.yml: not valid YAML: nested deeper than 16 levels");
    rejects("tls_server_config:\n  cert_file: 'unterminated\n",
        "web.yml: line 3: not valid YAML: found unexpected end of stream");
    rejects("a: 1\n---\nb: 2\n", "web.yml: line 2: not valid YAML: but found another document");
  }

  @Test
  void aScalarIsReadAsWrittenLikeGoFillsAStringField() throws Exception {
    TlsServerConfig tls = parse("tls_server_config:\n  cert_file: 0x10\n  key_file: 2001-12-14\n").tls().orElseThrow();
    assertThat(tls.certFile()).hasValue(DIR.resolve("0x10"));
    assertThat(tls.keyFile()).hasValue(DIR.resolve("2001-12-14"));
  }

  @Test
  void toStringAndSummaryHoldNoSecret() throws Exception {
    WebConfig config = parse("tls_server_config:\n  cert_file: a\n  key: |\n    -----BEGIN PRIVATE KEY-----\n    c2VjcmV0\n"
        + "    -----END PRIVATE KEY-----\nbasic_auth_users:\n  alice: " + ALICE_HASH + "\n");
    assertThat(config.toString()).doesNotContain(ALICE_HASH).doesNotContain("c2VjcmV0").contains("basic auth for 1 user");
    assertThat(config.tls().orElseThrow().toString()).doesNotContain("c2VjcmV0").contains("key=inline");
  }
}
