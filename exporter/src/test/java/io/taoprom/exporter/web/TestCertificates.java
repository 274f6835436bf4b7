package io.taoprom.exporter.web;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small PKI made by the test, on disk as PEM: a CA, a server certificate for 127.0.0.1 and
 * localhost signed by it, a client certificate signed by it (SAN {@code DNS:prometheus.example}),
 * and a "rogue" client certificate that signs itself. Keys are EC P-256 in PKCS#8, except
 * {@code server-rsa.key} (RSA, PKCS#1) and {@code server-sec1.key} (the EC key in SEC 1 form).
 *
 * <pre>{@code
 * TestCertificates pki = TestCertificates.create(dir);
 * pki.dir().resolve("server.crt"); pki.clientContext(true);   // an SSLContext presenting client.crt
 * }</pre>
 */
public final class TestCertificates {

  private final Path dir;
  private final X509Certificate ca;
  private final X509Certificate client;
  private final PrivateKey clientKey;

  private TestCertificates(Path dir, X509Certificate ca, X509Certificate client, PrivateKey clientKey) {
    this.dir = dir;
    this.ca = ca;
    this.client = client;
    this.clientKey = clientKey;
  }

  /** Makes the PKI in {@code dir}. */
  public static TestCertificates create(Path dir) throws IOException, GeneralSecurityException {
    try {
      KeyPair caKeys = ec();
      X509Certificate ca = sign(new X500Name("CN=TaoProm test CA"), caKeys, new X500Name("CN=TaoProm test CA"), caKeys.getPrivate(),
          true, null);
      KeyPair serverKeys = ec();
      X509Certificate server = sign(new X500Name("CN=localhost"), serverKeys, new X500Name("CN=TaoProm test CA"),
          caKeys.getPrivate(), false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
      KeyPair rsaKeys = rsa();
      X509Certificate serverRsa = sign(new X500Name("CN=localhost"), rsaKeys, new X500Name("CN=TaoProm test CA"),
          caKeys.getPrivate(), false, new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
      KeyPair clientKeys = ec();
      X509Certificate client = sign(new X500Name("CN=prometheus"), clientKeys, new X500Name("CN=TaoProm test CA"),
          caKeys.getPrivate(), false, new GeneralNames(new GeneralName(GeneralName.dNSName, "prometheus.example")));
      KeyPair rogueKeys = ec();
      X509Certificate rogue = sign(new X500Name("CN=rogue"), rogueKeys, new X500Name("CN=rogue"), rogueKeys.getPrivate(),
          false, new GeneralNames(new GeneralName(GeneralName.dNSName, "prometheus.example")));
      write(dir.resolve("ca.crt"), ca);
      write(dir.resolve("server.crt"), server);
      Files.writeString(dir.resolve("server.key"), pkcs8(serverKeys.getPrivate()));
      Files.writeString(dir.resolve("server-sec1.key"), sec1(serverKeys.getPrivate(), true));
      Files.writeString(dir.resolve("server-sec1-nocurve.key"), sec1(serverKeys.getPrivate(), false));
      write(dir.resolve("server-rsa.crt"), serverRsa);
      Files.writeString(dir.resolve("server-rsa.key"), traditional(rsaKeys.getPrivate()));
      write(dir.resolve("client.crt"), client);
      Files.writeString(dir.resolve("client.key"), pkcs8(clientKeys.getPrivate()));
      write(dir.resolve("rogue.crt"), rogue);
      Files.writeString(dir.resolve("rogue.key"), pkcs8(rogueKeys.getPrivate()));
      return new TestCertificates(dir, ca, client, clientKeys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** Where the PEM files are. */
  public Path dir() {
    return dir;
  }

  /** A client context that trusts the test CA and, when {@code withCertificate}, presents client.crt. */
  public SSLContext clientContext(boolean withCertificate) throws GeneralSecurityException, IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.KeyManager[] keyManagers = null;
    if (withCertificate) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", clientKey, new char[0], new X509Certificate[] {client});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, new char[0]);
      keyManagers = kmf.getKeyManagers();
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
    return context;
  }

  private static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, boolean ca,
      GeneralNames sans) throws GeneralSecurityException, OperatorCreationException, IOException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
        Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    }
    if (sans != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, sans);
    }
    String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(issuerKey);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static void write(Path file, X509Certificate cert) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(cert);
    }
    Files.writeString(file, out.toString());
  }

  private static String pkcs8(PrivateKey key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(new JcaPKCS8Generator(key, null));
    }
    return out.toString();
  }

  // SEC 1 as OpenSSL writes it (the curve named inside), or without the curve.
  private static String sec1(PrivateKey key, boolean withCurve) throws IOException {
    org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(key.getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 = withCurve
        ? new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters())
        : new org.bouncycastle.asn1.sec.ECPrivateKey(256, inner.getKey());
    StringWriter out = new StringWriter();
    try (org.bouncycastle.util.io.pem.PemWriter pem = new org.bouncycastle.util.io.pem.PemWriter(out)) {
      pem.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }
    return out.toString();
  }

  private static String traditional(PrivateKey key) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(key);
    }
    return out.toString();
  }
}
