package io.taoprom.exporter.web;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The server's check of client certificates: against the client CA when the client auth type
 * verifies ({@code base} non-null), any certificate otherwise (Go's RequestClientCert and
 * RequireAnyClientCert), then, when {@code client_allowed_sans} is given, that the certificate
 * names one of them (DNS, e-mail, IP or URI), as exporter-toolkit checks after the handshake.
 */
final class ClientCertificateCheck extends X509ExtendedTrustManager {

  private static final X509Certificate[] NONE = new X509Certificate[0];

  private final X509TrustManager base;
  private final List<String> allowedSans;

  ClientCertificateCheck(X509TrustManager base, List<String> allowedSans) {
    this.base = base;
    this.allowedSans = allowedSans.stream().map(ClientCertificateCheck::canonical).toList();
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("no client certificate");
    }
    if (base != null) {
      base.checkClientTrusted(chain, authType);
    }
    if (!allowedSans.isEmpty() && !namesAllowedSan(chain[0])) {
      throw new CertificateException("the client certificate names none of client_allowed_sans");
    }
  }

  private boolean namesAllowedSan(X509Certificate cert) throws CertificateParsingException {
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    List<String> values = new ArrayList<>();
    for (List<?> name : names) {
      int type = (Integer) name.get(0);
      // 1 e-mail, 2 DNS, 6 URI, 7 IP address: the kinds Go's x509 parses
      if (type == 1 || type == 2 || type == 6 || type == 7) {
        values.add(canonical(String.valueOf(name.get(1))));
      }
    }
    return values.stream().anyMatch(allowedSans::contains);
  }

  // IP literals in one spelling (Go prints ::1 where Java prints 0:0:0:0:0:0:0:1).
  private static String canonical(String value) {
    if (value.indexOf(':') >= 0 && value.matches("[0-9a-fA-F:.]+") || value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      try {
        return InetAddress.getByName(value).getHostAddress();
      } catch (UnknownHostException e) {
        return value;
      }
    }
    return value;
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("a server-side trust manager checks no servers");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return base != null ? base.getAcceptedIssuers() : NONE;
  }
}
