package io.taoprom.exporter.web;

import java.util.List;

/**
 * {@code min_version} / {@code max_version}: exporter-toolkit's names for TLS versions and the
 * JSSE protocol each means. TLS 1.0 and 1.1 are accepted as names but stay off unless the JVM's
 * {@code jdk.tls.disabledAlgorithms} allows them (it does not by default).
 */
public enum TlsVersion {
  TLS10("TLS10", "TLSv1"),
  TLS11("TLS11", "TLSv1.1"),
  TLS12("TLS12", "TLSv1.2"),
  TLS13("TLS13", "TLSv1.3");

  private final String configName;
  private final String protocol;

  TlsVersion(String configName, String protocol) {
    this.configName = configName;
    this.protocol = protocol;
  }

  /** The name in the web config file ({@code TLS12}). */
  public String configName() {
    return configName;
  }

  /** The JSSE protocol name ({@code TLSv1.2}). */
  public String protocol() {
    return protocol;
  }

  static TlsVersion fromConfig(String name) {
    for (TlsVersion v : values()) {
      if (v.configName.equals(name)) {
        return v;
      }
    }
    return null;
  }

  /** The JSSE protocols from {@code min} to {@code max}, both included. */
  static List<String> protocols(TlsVersion min, TlsVersion max) {
    return java.util.Arrays.stream(values()).filter(v -> v.compareTo(min) >= 0 && v.compareTo(max) <= 0)
        .map(TlsVersion::protocol).toList();
  }
}
