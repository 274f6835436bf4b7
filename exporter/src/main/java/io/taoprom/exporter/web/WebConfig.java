package io.taoprom.exporter.web;

import java.util.Map;
import java.util.Optional;

/**
 * A web config file's content, checked: TLS, basic-auth users, extra response headers and a rate
 * limit, in the format of prometheus/exporter-toolkit that node_exporter's
 * {@code --web.config.file} reads. Parse one with {@link WebConfigParser}; {@link WebConfigFile}
 * loads a file and the certificates it names.
 *
 * @param tls {@code tls_server_config}, when it configures TLS (a certificate or key is given)
 * @param users {@code basic_auth_users}: user name to bcrypt hash (secrets: never in {@link #toString()})
 * @param headers {@code http_server_config.headers}
 * @param rateLimit {@code rate_limit}, when its interval is not zero
 * @param http2 {@code http_server_config.http2}; TaoProm serves HTTP/1.1 either way
 */
public record WebConfig(
    Optional<TlsServerConfig> tls,
    Map<String, String> users,
    Map<String, String> headers,
    Optional<RateLimit> rateLimit,
    boolean http2) {

  /** No TLS, no users, no headers: what serving without {@code --web.config.file} means. */
  public static final WebConfig NONE = new WebConfig(Optional.empty(), Map.of(), Map.of(), Optional.empty(), true);

  public WebConfig {
    users = Map.copyOf(users);
    headers = Map.copyOf(headers);
  }

  /** A one-line summary for logs and {@code taoprom check web-config}; no secret in it. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(tls.map(t -> "TLS " + t.minVersion().configName() + "-" + t.maxVersion().configName()
        + ", client certificates: " + t.clientAuth().configName()).orElse("no TLS"));
    s.append(", ").append(users.isEmpty() ? "no basic auth" : "basic auth for " + users.size() + (users.size() == 1 ? " user" : " users"));
    if (!headers.isEmpty()) {
      s.append(", headers: ").append(String.join(", ", new java.util.TreeSet<>(headers.keySet())));
    }
    rateLimit.ifPresent(r -> s.append(", rate limit: burst ").append(r.burst()).append(" every ").append(r.interval()));
    return s.toString();
  }

  @Override
  public String toString() {
    return "WebConfig[" + summary() + "]";
  }
}
