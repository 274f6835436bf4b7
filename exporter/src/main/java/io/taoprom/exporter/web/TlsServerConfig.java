package io.taoprom.exporter.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code tls_server_config} as parsed: where the certificate, key and client CA come from (a file,
 * resolved against the web config's directory, or PEM text written inline) and the TLS settings.
 * Nothing is read yet; {@link ServerTls} loads the files.
 *
 * @param certFile {@code cert_file}
 * @param certPem {@code cert}: the certificate chain inline
 * @param keyFile {@code key_file}
 * @param keyPem {@code key}: the private key inline (a secret: never in {@link #toString()})
 * @param clientAuth {@code client_auth_type}
 * @param clientCaFile {@code client_ca_file}
 * @param clientCaPem {@code client_ca}: the client CA certificates inline
 * @param clientAllowedSans {@code client_allowed_sans}: a client certificate must name one of these
 * @param minVersion {@code min_version}
 * @param maxVersion {@code max_version}
 * @param cipherSuites {@code cipher_suites} as JSSE names (empty: the JVM's defaults)
 * @param preferServerCipherSuites {@code prefer_server_cipher_suites}
 * @param namedGroups {@code curve_preferences} as JSSE named groups (empty: the JVM's defaults)
 */
public record TlsServerConfig(
    Optional<Path> certFile,
    Optional<String> certPem,
    Optional<Path> keyFile,
    Optional<String> keyPem,
    ClientAuth clientAuth,
    Optional<Path> clientCaFile,
    Optional<String> clientCaPem,
    List<String> clientAllowedSans,
    TlsVersion minVersion,
    TlsVersion maxVersion,
    List<String> cipherSuites,
    boolean preferServerCipherSuites,
    List<String> namedGroups) {

  public TlsServerConfig {
    clientAllowedSans = List.copyOf(clientAllowedSans);
    cipherSuites = List.copyOf(cipherSuites);
    namedGroups = List.copyOf(namedGroups);
  }

  /** The files this configuration reads, for watching them. */
  List<Path> files() {
    List<Path> files = new java.util.ArrayList<>();
    certFile.ifPresent(files::add);
    keyFile.ifPresent(files::add);
    clientCaFile.ifPresent(files::add);
    return files;
  }

  @Override
  public String toString() {
    return "TlsServerConfig[cert=" + certFile.map(Path::toString).orElse(certPem.isPresent() ? "inline" : "none")
        + ", key=" + keyFile.map(Path::toString).orElse(keyPem.isPresent() ? "inline" : "none")
        + ", clientAuth=" + clientAuth.configName()
        + ", clientCa=" + clientCaFile.map(Path::toString).orElse(clientCaPem.isPresent() ? "inline" : "none")
        + ", versions=" + minVersion.configName() + ".." + maxVersion.configName() + "]";
  }
}
