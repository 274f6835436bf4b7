package io.taoprom.exporter.web;

import io.taoprom.untrusted.Excerpt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads exporter-toolkit's web config format, strictly as exporter-toolkit does: an unknown key
 * is an error that names it, and so is a value out of its range. Relative file names are resolved
 * against the config file's directory. Only the content is checked here; {@link ServerTls} loads
 * the certificate and key files.
 *
 * <pre>{@code
 * WebConfig config = WebConfigParser.parse(Files.readString(file), file.getParent(), file.toString());
 * }</pre>
 */
public final class WebConfigParser {

  static final List<String> TOP = List.of("tls_server_config", "http_server_config", "basic_auth_users", "rate_limit");
  static final List<String> TLS = List.of("cert", "key", "client_ca", "cert_file", "key_file", "client_auth_type",
      "client_ca_file", "cipher_suites", "curve_preferences", "min_version", "max_version",
      "prefer_server_cipher_suites", "client_allowed_sans");
  static final List<String> HTTP = List.of("http2", "headers");
  static final List<String> RATE = List.of("interval", "burst");

  /** The headers exporter-toolkit lets a web config set, and the values it allows (empty: any). */
  static final Map<String, List<String>> HEADERS = Map.of(
      "Strict-Transport-Security", List.of(),
      "X-Content-Type-Options", List.of("nosniff"),
      "X-Frame-Options", List.of("deny", "sameorigin"),
      "X-XSS-Protection", List.of(),
      "Content-Security-Policy", List.of());

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
  private static final int MAX_HEADER_VALUE = 4096;

  private final YamlTree yaml;
  private final Path baseDir;

  private WebConfigParser(String source, Path baseDir) {
    this.yaml = new YamlTree(source);
    this.baseDir = baseDir;
  }

  /**
   * The config in {@code text}.
   *
   * @param baseDir where relative file names point (the config file's directory)
   * @param source the name errors give for the file
   * @throws WebConfigException naming the key and the problem
   */
  public static WebConfig parse(String text, Path baseDir, String source) throws WebConfigException {
    return new WebConfigParser(source, baseDir).config(text);
  }

  private WebConfig config(String text) throws WebConfigException {
    Node root = yaml.parse(text);
    Map<String, Node> top = yaml.mapping(root, "", TOP);
    Optional<TlsServerConfig> tls = tls(top.get("tls_server_config"));
    Map<String, Node> http = yaml.mapping(top.get("http_server_config"), "http_server_config", HTTP);
    boolean http2 = yaml.bool(http.get("http2"), "http_server_config.http2", true);
    Map<String, String> headers = headers(http.get("headers"));
    Map<String, String> users = users(top.get("basic_auth_users"));
    Optional<RateLimit> rate = rateLimit(top.get("rate_limit"));
    return new WebConfig(tls, users, headers, rate, http2);
  }

  private Optional<TlsServerConfig> tls(Node node) throws WebConfigException {
    String key = "tls_server_config";
    Map<String, Node> t = yaml.mapping(node, key, TLS);
    String certFile = yaml.string(t.get("cert_file"), key + ".cert_file", false);
    String cert = yaml.string(t.get("cert"), key + ".cert", false);
    String keyFile = yaml.string(t.get("key_file"), key + ".key_file", false);
    String keyPem = yaml.string(t.get("key"), key + ".key", true);
    String caFile = yaml.string(t.get("client_ca_file"), key + ".client_ca_file", false);
    String ca = yaml.string(t.get("client_ca"), key + ".client_ca", false);
    String authName = yaml.string(t.get("client_auth_type"), key + ".client_auth_type", false);
    ClientAuth auth = ClientAuth.fromConfig(authName);
    if (auth == null) {
      throw new WebConfigException(yaml.where(t.get("client_auth_type"), key + ".client_auth_type") + ": "
          + Excerpt.quoted(authName, 40) + " is not one of " + String.join(", ", ClientAuth.names()));
    }
    TlsVersion min = version(t.get("min_version"), key + ".min_version", TlsVersion.TLS12);
    TlsVersion max = version(t.get("max_version"), key + ".max_version", TlsVersion.TLS13);
    List<String> suites = cipherSuites(t.get("cipher_suites"), key + ".cipher_suites");
    List<String> groups = curves(t.get("curve_preferences"), key + ".curve_preferences");
    boolean prefer = yaml.bool(t.get("prefer_server_cipher_suites"), key + ".prefer_server_cipher_suites", true);
    List<String> sans = yaml.strings(t.get("client_allowed_sans"), key + ".client_allowed_sans");

    // As exporter-toolkit: TLS is on when a certificate, key, client CA or client auth type is given.
    boolean enabled = !certFile.isEmpty() || !cert.isEmpty() || !keyFile.isEmpty() || !keyPem.isEmpty()
        || !caFile.isEmpty() || !ca.isEmpty() || !authName.isEmpty();
    if (!enabled) {
      return Optional.empty();
    }
    String here = yaml.where(node, key);
    if (certFile.isEmpty() && cert.isEmpty()) {
      throw new WebConfigException(here + ": missing cert_file (or cert); TLS needs the server's certificate");
    }
    if (keyFile.isEmpty() && keyPem.isEmpty()) {
      throw new WebConfigException(here + ": missing key_file (or key); TLS needs the server's private key");
    }
    boolean hasCa = !caFile.isEmpty() || !ca.isEmpty();
    if (hasCa && !auth.asks()) {
      throw new WebConfigException(here + ": client_ca_file is set but client_auth_type is NoClientCert;"
          + " set client_auth_type to RequireAndVerifyClientCert to check client certificates");
    }
    if (!hasCa && auth.verifies()) {
      throw new WebConfigException(here + ": client_auth_type " + auth.configName()
          + " needs client_ca_file (or client_ca) to check client certificates against");
    }
    if (!sans.isEmpty() && !auth.requires()) {
      throw new WebConfigException(here + ": client_allowed_sans requires client_auth_type to be"
          + " RequireAnyClientCert or RequireAndVerifyClientCert");
    }
    if (min.compareTo(max) > 0) {
      throw new WebConfigException(here + ": min_version " + min.configName() + " is above max_version " + max.configName());
    }
    return Optional.of(new TlsServerConfig(file(certFile), inline(cert), file(keyFile), inline(keyPem), auth,
        file(caFile), inline(ca), sans, min, max, suites, prefer, groups));
  }

  private Optional<Path> file(String name) {
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(name);
    return Optional.of(path.isAbsolute() || baseDir == null ? path : baseDir.resolve(path));
  }

  private static Optional<String> inline(String pem) {
    return pem.isEmpty() ? Optional.empty() : Optional.of(pem);
  }

  private TlsVersion version(Node node, String key, TlsVersion fallback) throws WebConfigException {
    if (YamlTree.isNull(node)) {
      return fallback;
    }
    String name = yaml.string(node, key, false);
    TlsVersion version = TlsVersion.fromConfig(name);
    if (version == null) {
      throw new WebConfigException(yaml.where(node, key) + ": " + Excerpt.quoted(name, 40)
          + " is not one of TLS10, TLS11, TLS12, TLS13");
    }
    return version;
  }

  private List<String> cipherSuites(Node node, String key) throws WebConfigException {
    List<String> suites = new ArrayList<>();
    for (String name : yaml.strings(node, key)) {
      String jsse = TlsNames.cipherSuite(name);
      if (jsse == null) {
        throw new WebConfigException(yaml.where(node, key) + ": unknown cipher suite " + Excerpt.quoted(name, 60)
            + "; use the names of Go's tls.CipherSuites(), such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
      }
      suites.add(jsse);
    }
    return suites;
  }

  private List<String> curves(Node node, String key) throws WebConfigException {
    List<String> groups = new ArrayList<>();
    for (String name : yaml.strings(node, key)) {
      String group = TlsNames.CURVES.get(name);
      if (group == null) {
        throw new WebConfigException(yaml.where(node, key) + ": unknown curve " + Excerpt.quoted(name, 40)
            + "; use CurveP256, CurveP384, CurveP521 or X25519");
      }
      groups.add(group);
    }
    return groups;
  }

  private Map<String, String> headers(Node node) throws WebConfigException {
    String key = "http_server_config.headers";
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : yaml.mapping(node, key, null).entrySet()) {
      String name = e.getKey();
      String qualified = key + "." + YamlTree.shown(name);
      List<String> allowed = HEADERS.get(name);
      if (allowed == null) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified) + ": this header cannot be set; the headers are "
            + String.join(", ", new java.util.TreeSet<>(HEADERS.keySet())));
      }
      String value = yaml.string(e.getValue(), qualified, false);
      if (value.isEmpty()) {
        continue; // "Unset if blank", as exporter-toolkit documents
      }
      if (!allowed.isEmpty() && !allowed.contains(value)) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified) + ": " + Excerpt.quoted(value, 40)
            + " is not one of " + String.join(", ", allowed));
      }
      if (value.length() > MAX_HEADER_VALUE || value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified) + ": the value must be one line of at most "
            + MAX_HEADER_VALUE + " printable characters");
      }
      headers.put(name, value);
    }
    return headers;
  }

  private Map<String, String> users(Node node) throws WebConfigException {
    String key = "basic_auth_users";
    Map<String, String> users = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : yaml.mapping(node, key, null).entrySet()) {
      String user = e.getKey();
      String qualified = key + "." + (YamlTree.shown(user).equals(user) ? "\"" + user + "\"" : YamlTree.shown(user));
      if (user.isEmpty() || user.indexOf(':') >= 0) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified)
            + ": a user name must be non-empty and without ':' (basic auth splits name and password at the first ':')");
      }
      String hash = yaml.string(e.getValue(), qualified, true);
      var m = BCRYPT.matcher(hash);
      if (!m.matches()) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified)
            + ": not a bcrypt hash ($2y$, $2b$ or $2a$, a cost and 53 characters); make one with htpasswd -nBC 10 "
            + (YamlTree.shown(user).equals(user) ? user : "USER"));
      }
      int cost = Integer.parseInt(m.group(1));
      if (cost < 4 || cost > 31) {
        throw new WebConfigException(yaml.where(e.getValue(), qualified) + ": bcrypt cost " + cost
            + " is outside 4-31; make a new hash with htpasswd -nBC 10");
      }
      users.put(user, hash);
    }
    return users;
  }

  private Optional<RateLimit> rateLimit(Node node) throws WebConfigException {
    String key = "rate_limit";
    Map<String, Node> r = yaml.mapping(node, key, RATE);
    String intervalText = yaml.string(r.get("interval"), key + ".interval", false);
    Duration interval = intervalText.isEmpty() ? Duration.ZERO : GoDuration.parse(intervalText);
    if (interval == null) {
      throw new WebConfigException(yaml.where(r.get("interval"), key + ".interval") + ": " + Excerpt.quoted(intervalText, 40)
          + " is not a duration from 0 to 24h such as 1s or 500ms");
    }
    String burstText = yaml.string(r.get("burst"), key + ".burst", false);
    int burst;
    try {
      burst = burstText.isEmpty() ? 0 : Integer.parseInt(burstText);
    } catch (NumberFormatException e) {
      burst = -1;
    }
    if (burst < 0) {
      throw new WebConfigException(yaml.where(r.get("burst"), key + ".burst") + ": " + Excerpt.quoted(burstText, 40)
          + " is not a whole number of 0 or more");
    }
    return interval.isZero() ? Optional.empty() : Optional.of(new RateLimit(interval, burst));
  }
}
