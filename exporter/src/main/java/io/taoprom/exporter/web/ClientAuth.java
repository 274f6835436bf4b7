package io.taoprom.exporter.web;

import java.util.List;

/**
 * {@code tls_server_config.client_auth_type}: whether the server asks for a client certificate and
 * whether it checks it against {@code client_ca_file}, with the names of Go's
 * {@code tls.ClientAuthType} that exporter-toolkit uses.
 */
public enum ClientAuth {
  /** No certificate asked for (the default). */
  NO_CLIENT_CERT("NoClientCert", false, false, false),
  /** Asked for, not required, not checked. */
  REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
  /** Required, not checked (any certificate will do). */
  REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
  /** Asked for; checked against the client CA when given. */
  VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
  /** Required and checked against the client CA: the one setting that authenticates clients. */
  REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

  private final String configName;
  private final boolean asks;
  private final boolean requires;
  private final boolean verifies;

  ClientAuth(String configName, boolean asks, boolean requires, boolean verifies) {
    this.configName = configName;
    this.asks = asks;
    this.requires = requires;
    this.verifies = verifies;
  }

  /** The name in the web config file. */
  public String configName() {
    return configName;
  }

  /** Whether the server asks the client for a certificate. */
  public boolean asks() {
    return asks;
  }

  /** Whether a client without a certificate is refused. */
  public boolean requires() {
    return requires;
  }

  /** Whether a certificate must chain to the client CA. */
  public boolean verifies() {
    return verifies;
  }

  /** The value for a name of the config file; {@code RequireClientCert} is the old name of RequireAnyClientCert. */
  static ClientAuth fromConfig(String name) {
    if (name.isEmpty()) {
      return NO_CLIENT_CERT;
    }
    if (name.equals("RequireClientCert")) {
      return REQUIRE_ANY_CLIENT_CERT;
    }
    for (ClientAuth value : values()) {
      if (value.configName.equals(name)) {
        return value;
      }
    }
    return null;
  }

  static List<String> names() {
    return List.of("NoClientCert", "RequestClientCert", "RequireAnyClientCert", "VerifyClientCertIfGiven",
        "RequireAndVerifyClientCert");
  }
}
