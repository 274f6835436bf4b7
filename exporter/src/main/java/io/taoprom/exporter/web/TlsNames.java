package io.taoprom.exporter.web;

import java.util.List;
import java.util.Map;

/**
 * Go's names for cipher suites and curves (what exporter-toolkit accepts in {@code cipher_suites}
 * and {@code curve_preferences}) and the JSSE name of each. Go takes only the suites of its
 * {@code tls.CipherSuites()}; their names are IANA's, as JSSE's are. Go cannot configure the TLS
 * 1.3 suites (they are always on), so {@link ServerTls} always adds them.
 */
final class TlsNames {

  /** The TLS 1.3 suites: named in {@code cipher_suites} or not, always enabled, as in Go. */
  static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
      "TLS_CHACHA20_POLY1305_SHA256");

  /** The TLS 1.0-1.2 suites of Go's {@code tls.CipherSuites()}. */
  static final List<String> TLS12_SUITES = List.of(
      "TLS_RSA_WITH_AES_128_CBC_SHA",
      "TLS_RSA_WITH_AES_256_CBC_SHA",
      "TLS_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
      "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /** Go's curve names and the JSSE named group of each. */
  static final Map<String, String> CURVES = Map.of(
      "CurveP256", "secp256r1",
      "CurveP384", "secp384r1",
      "CurveP521", "secp521r1",
      "X25519", "x25519");

  private TlsNames() {}

  /** The JSSE name of a Go cipher-suite name, or null when Go does not accept it. */
  static String cipherSuite(String goName) {
    return TLS12_SUITES.contains(goName) || TLS13_SUITES.contains(goName) ? goName : null;
  }
}
