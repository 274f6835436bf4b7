package io.taoprom.exporter.web;

import io.taoprom.untrusted.BoundedFiles;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * {@code tls_server_config} loaded: the certificate chain and key (checked to belong together, as
 * Go's {@code tls.X509KeyPair} does), the client CA, and the JSSE settings that follow from the
 * config. Files are read only if regular ({@link BoundedFiles}), at most {@link #MAX_PEM_BYTES}
 * each.
 */
public final class ServerTls {

  /** The most a certificate, key or CA file may hold. */
  public static final int MAX_PEM_BYTES = 1 << 20;

  private static final Method SET_NAMED_GROUPS = namedGroupsSetter();

  private final TlsServerConfig config;
  private final SSLContext context;
  private final List<String> protocols;
  private final List<String> cipherSuites;

  private ServerTls(TlsServerConfig config, SSLContext context, List<String> protocols, List<String> cipherSuites) {
    this.config = config;
    this.context = context;
    this.protocols = protocols;
    this.cipherSuites = cipherSuites;
  }

  /**
   * Reads the files {@code config} names and builds the TLS context.
   *
   * @throws WebConfigException naming the key and file that failed
   */
  public static ServerTls load(TlsServerConfig config, String source) throws WebConfigException {
    String prefix = source + ": tls_server_config.";
    List<X509Certificate> chain = Pem.certificates(pem(config.certFile(), config.certPem(), prefix + "cert_file", prefix + "cert"),
        config.certFile().isPresent() ? prefix + "cert_file " + config.certFile().get() : prefix + "cert");
    String keyWhat = config.keyFile().isPresent() ? prefix + "key_file " + config.keyFile().get() : prefix + "key";
    PrivateKey key = Pem.privateKey(pem(config.keyFile(), config.keyPem(), prefix + "key_file", prefix + "key"), keyWhat);
    checkPair(chain.get(0), key, keyWhat);
    Optional<List<X509Certificate>> cas = Optional.empty();
    if (config.clientCaFile().isPresent() || config.clientCaPem().isPresent()) {
      String caWhat = config.clientCaFile().isPresent() ? prefix + "client_ca_file " + config.clientCaFile().get() : prefix + "client_ca";
      cas = Optional.of(Pem.certificates(pem(config.clientCaFile(), config.clientCaPem(), prefix + "client_ca_file",
          prefix + "client_ca"), caWhat));
    }
    if (!config.namedGroups().isEmpty() && SET_NAMED_GROUPS == null) {
      throw new WebConfigException(prefix + "curve_preferences: choosing curves needs Java 20 or newer (this is "
          + System.getProperty("java.version") + "); remove the key to use the JVM's defaults");
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(chain, key), trustManagers(config, cas), new SecureRandom());
      return new ServerTls(config, context, TlsVersion.protocols(config.minVersion(), config.maxVersion()),
          suites(config.cipherSuites()));
    } catch (GeneralSecurityException e) {
      throw new WebConfigException(prefix + "cert_file: the certificate and key cannot be used for TLS ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static String pem(Optional<Path> file, Optional<String> inline, String fileKey, String inlineKey)
      throws WebConfigException {
    if (file.isEmpty()) {
      return inline.orElseThrow();
    }
    try {
      return BoundedFiles.readUtf8(file.get(), MAX_PEM_BYTES);
    } catch (IOException e) {
      throw new WebConfigException(fileKey + ": cannot read " + file.get() + ": " + WebConfigFile.reason(e), e);
    }
  }

  // Go refuses a key that does not match the certificate at load; JSSE would only fail handshakes.
  private static void checkPair(X509Certificate cert, PrivateKey key, String what) throws WebConfigException {
    String algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
    if (algorithm == null) {
      return; // RSASSA-PSS and the like: JSSE checks them at the handshake
    }
    try {
      byte[] probe = "taoprom key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      // a key of another type than the certificate's: the same answer
    }
    throw new WebConfigException(what + ": the private key does not belong to the certificate's public key");
  }

  private static javax.net.ssl.KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key)
      throws GeneralSecurityException {
    char[] password = new char[0];
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("empty key store", e);
    }
    store.setKeyEntry("server", key, password, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static TrustManager[] trustManagers(TlsServerConfig config, Optional<List<X509Certificate>> cas)
      throws GeneralSecurityException {
    if (!config.clientAuth().asks()) {
      return null;
    }
    X509TrustManager base = null;
    if (config.clientAuth().verifies()) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new GeneralSecurityException("empty trust store", e);
      }
      int i = 0;
      for (X509Certificate ca : cas.orElseThrow()) {
        store.setCertificateEntry("client-ca-" + i++, ca);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      base = (X509TrustManager) Arrays.stream(factory.getTrustManagers()).filter(t -> t instanceof X509TrustManager)
          .findFirst().orElseThrow();
    }
    return new TrustManager[] {new ClientCertificateCheck(base, config.clientAllowedSans())};
  }

  private static List<String> suites(List<String> configured) {
    if (configured.isEmpty()) {
      return List.of();
    }
    List<String> suites = new ArrayList<>();
    configured.stream().filter(s -> !TlsNames.TLS13_SUITES.contains(s)).forEach(suites::add);
    suites.addAll(TlsNames.TLS13_SUITES); // as in Go: the TLS 1.3 suites cannot be turned off
    return List.copyOf(suites);
  }

  private static Method namedGroupsSetter() {
    try {
      return SSLParameters.class.getMethod("setNamedGroups", String[].class);
    } catch (NoSuchMethodException e) {
      return null; // before Java 20
    }
  }

  /** The configuration this was loaded from. */
  public TlsServerConfig config() {
    return config;
  }

  /** The TLS context with the server's certificate and the client check. */
  public SSLContext context() {
    return context;
  }

  /** The JSSE protocols from {@code min_version} to {@code max_version}. */
  public List<String> protocols() {
    return protocols;
  }

  /** The cipher suites to enable; empty for the JVM's defaults. */
  public List<String> cipherSuites() {
    return cipherSuites;
  }

  /** Applies {@code curve_preferences} (Java 20 and later; {@link #load} refuses it before). */
  public SSLParameters customize(SSLParameters parameters) {
    if (!config.namedGroups().isEmpty() && SET_NAMED_GROUPS != null) {
      try {
        SET_NAMED_GROUPS.invoke(parameters, (Object) config.namedGroups().toArray(new String[0]));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot set the named groups", e);
      }
    }
    return parameters;
  }
}
