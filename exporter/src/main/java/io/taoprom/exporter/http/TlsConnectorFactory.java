package io.taoprom.exporter.http;

import io.taoprom.exporter.web.ServerTls;
import javax.net.ssl.SSLParameters;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Jetty's TLS settings from a web config's {@link ServerTls}, replaced in place when the file
 * changes: connections already open keep the context they started with, new ones get the new one.
 */
final class TlsConnectorFactory extends SslContextFactory.Server {

  private volatile ServerTls tls;

  TlsConnectorFactory(ServerTls tls) {
    setFrom(tls);
  }

  /** Takes {@code next} into use for connections from now on. */
  void replace(ServerTls next) throws Exception {
    reload(f -> setFrom(next));
  }

  private void setFrom(ServerTls next) {
    this.tls = next;
    setSslContext(next.context());
    setNeedClientAuth(next.config().clientAuth().requires());
    setWantClientAuth(next.config().clientAuth().asks() && !next.config().clientAuth().requires());
    setExcludeProtocols();
    setIncludeProtocols(next.protocols().toArray(new String[0]));
    if (next.cipherSuites().isEmpty()) {
      setExcludeCipherSuites("^.*_(MD5|SHA|SHA1)$", "^TLS_RSA_.*$", "^SSL_.*$", "^.*_NULL_.*$", "^.*_anon_.*$");
      setIncludeCipherSuites();
    } else {
      setExcludeCipherSuites(); // what the config names, even suites Jetty would leave out by default
      setIncludeCipherSuites(next.cipherSuites().toArray(new String[0]));
    }
    setUseCipherSuitesOrder(next.config().preferServerCipherSuites());
    setRenegotiationAllowed(false);
  }

  @Override
  public SSLParameters customize(SSLParameters parameters) {
    return tls.customize(super.customize(parameters));
  }
}
