package io.taoprom.exporter.web;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * PEM certificates and private keys, as Go's {@code tls.X509KeyPair} reads them: certificates in
 * {@code CERTIFICATE} blocks; a key as PKCS#8 ({@code PRIVATE KEY}: RSA, EC, Ed25519), PKCS#1
 * ({@code RSA PRIVATE KEY}) or SEC 1 ({@code EC PRIVATE KEY}), unencrypted. Errors name the
 * block, never its bytes.
 */
final class Pem {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]{1,40})-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

  private Pem() {}

  /** A PEM block: its label and decoded bytes. */
  record Block(String label, byte[] der) {}

  static List<Block> blocks(String text, String what) throws WebConfigException {
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw new WebConfigException(what + ": a " + m.group(1) + " block is not valid base64");
      }
    }
    return blocks;
  }

  /** Every certificate in {@code text}, in order; at least one. */
  static List<X509Certificate> certificates(String text, String what) throws WebConfigException {
    List<X509Certificate> certs = new ArrayList<>();
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JVM has no X.509 support", e);
    }
    for (Block block : blocks(text, what)) {
      if (!block.label().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
      } catch (CertificateException | ClassCastException e) {
        throw new WebConfigException(what + ": certificate " + (certs.size() + 1) + " is not a valid X.509 certificate");
      }
    }
    if (certs.isEmpty()) {
      throw new WebConfigException(what + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    }
    return certs;
  }

  /** The one private key in {@code text}. */
  static PrivateKey privateKey(String text, String what) throws WebConfigException {
    for (Block block : blocks(text, what)) {
      switch (block.label()) {
        case "PRIVATE KEY":
          return pkcs8(block.der(), what);
        case "RSA PRIVATE KEY":
          return pkcs8(wrapped(block, what), what);
        case "EC PRIVATE KEY":
          return pkcs8(wrapped(block, what), what);
        case "ENCRYPTED PRIVATE KEY":
          throw new WebConfigException(what + ": the key is encrypted; TaoProm (like exporter-toolkit) needs it"
              + " unencrypted: openssl pkey -in KEY -out KEY.plain, readable only by the service's user");
        default:
          break;
      }
    }
    throw new WebConfigException(what + ": no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or"
        + " EC PRIVATE KEY) found");
  }

  // PKCS#1 and SEC 1 keys as the PKCS#8 the JDK's key factories read.
  private static byte[] wrapped(Block block, String what) throws WebConfigException {
    try {
      if (block.label().startsWith("RSA")) {
        RSAPrivateKey rsa = RSAPrivateKey.getInstance(block.der());
        return new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), rsa)
            .getEncoded();
      }
      ECPrivateKey ec = ECPrivateKey.getInstance(block.der());
      ASN1Encodable curve = ec.getParametersObject();
      if (curve == null) {
        throw new WebConfigException(what + ": the EC key does not name its curve");
      }
      return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec).getEncoded();
    } catch (java.io.IOException | RuntimeException e) {
      throw new WebConfigException(what + ": the " + block.label() + " block is not a valid key");
    }
  }

  private static PrivateKey pkcs8(byte[] der, String what) throws WebConfigException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException | RuntimeException e) {
        // not this algorithm; try the next
      }
    }
    throw new WebConfigException(what + ": the private key is not an RSA, EC or Ed25519 key in PKCS#8 form");
  }
}
