package io.taoprom.exporter.web;

/**
 * A web config file that cannot be used: unreadable, not YAML, an unknown key, a value out of its
 * range, a certificate or key that does not load. The message is one line that names the file,
 * the key and what to do; it never quotes a password, a hash or a private key.
 *
 * <pre>{@code
 * try {
 *   WebConfigFile.load(Path.of("/etc/taoprom/web.yml"));
 * } catch (WebConfigException e) {
 *   System.err.println("taoprom: " + e.getMessage());
 *   // /etc/taoprom/web.yml: tls_server_config.client_auth_type: "Sometimes" is not one of NoClientCert, ...
 * }
 * }</pre>
 */
public final class WebConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A problem described in one line. */
  public WebConfigException(String message) {
    super(message, null, false, false);
  }

  /** A problem described in one line, with the underlying error (for {@code --debug}). */
  public WebConfigException(String message, Throwable cause) {
    super(message, cause, false, true);
  }
}
