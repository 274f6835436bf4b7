package io.taoprom.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A web config file and the certificate, key and CA files it names: loaded only if regular, under caps, checked through. */
class WebConfigFileTest {

  @TempDir static Path dir;
  static TestCertificates pki;

  @BeforeAll
  static void pki() throws Exception {
    pki = TestCertificates.create(dir);
  }

  private static Path config(String name, String yaml) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void certificatesAndKeysInEachPemFormGoAsFarAsATlsContext() throws Exception {
    for (String[] pair : new String[][] {{"server.crt", "server.key"}, {"server.crt", "server-sec1.key"},
        {"server-rsa.crt", "server-rsa.key"}}) {
      WebConfigFile web = WebConfigFile.load(config("ok.yml", "tls_server_config:\n  cert_file: " + pair[0]
          + "\n  key_file: " + pair[1] + "\n  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"));
      ServerTls tls = web.tls().orElseThrow();
      assertThat(tls.context().getProtocol()).isEqualTo("TLS");
      assertThat(tls.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
      assertThat(web.changed()).isFalse();
    }
  }

  @Test
  void curvePreferencesNeedJava20AndSaySoBefore() throws Exception {
    Path file = config("curves.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
        + "  curve_preferences: [X25519, CurveP256]\n");
    if (Runtime.version().feature() >= 20) {
      ServerTls tls = WebConfigFile.load(file).tls().orElseThrow();
      javax.net.ssl.SSLParameters params = tls.customize(new javax.net.ssl.SSLParameters());
      assertThat((String[]) javax.net.ssl.SSLParameters.class.getMethod("getNamedGroups").invoke(params))
          .containsExactly("x25519", "secp256r1");
    } else {
      assertThatThrownBy(() -> WebConfigFile.load(file)).hasMessage(file + ": tls_server_config.curve_preferences: choosing"
          + " curves needs Java 20 or newer (this is " + System.getProperty("java.version") + "); remove the key to use the"
          + " JVM's defaults");
    }
  }

  @Test
  void inlinePemWorksLikeFiles() throws Exception {
    String cert = Files.readString(dir.resolve("server.crt")).indent(4);
    String key = Files.readString(dir.resolve("server.key")).indent(4);
    WebConfigFile web = WebConfigFile.load(config("inline.yml", "tls_server_config:\n  cert: |\n" + cert + "  key: |\n" + key));
    assertThat(web.tls()).isPresent();
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedAtLoadAsGoRefusesIt() throws Exception {
    Path file = config("mismatch.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: client.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(file)).isInstanceOf(WebConfigException.class)
        .hasMessage(file + ": tls_server_config.key_file " + dir.resolve("client.key")
            + ": the private key does not belong to the certificate's public key");
  }

  @Test
  void missingUnreadableAndWrongFilesNameTheKeyAndTheFile() throws Exception {
    Path missing = config("missing.yml", "tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(missing))
        .hasMessage(missing + ": tls_server_config.cert_file: cannot read " + dir.resolve("nope.crt") + ": no such file");
    Path keyAsCert = config("swapped.yml", "tls_server_config:\n  cert_file: server.key\n  key_file: server.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(keyAsCert))
        .hasMessage(keyAsCert + ": tls_server_config.cert_file " + dir.resolve("server.key")
            + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
    Path certAsKey = config("swapped2.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: server.crt\n");
    assertThatThrownBy(() -> WebConfigFile.load(certAsKey)).hasMessageContaining("key_file").hasMessageContaining("no PEM private key");
    Path noCurve = config("nocurve.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: server-sec1-nocurve.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(noCurve)).hasMessageEndingWith("server-sec1-nocurve.key: the EC key does not name its curve");
    Path encrypted = dir.resolve("encrypted.key");
    Files.writeString(encrypted, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n");
    Path enc = config("enc.yml", "tls_server_config:\n  cert_file: server.crt\n  key_file: encrypted.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(enc)).hasMessageContaining("the key is encrypted")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MIIBvTBX"));
    assertThatThrownBy(() -> WebConfigFile.load(dir.resolve("absent.yml")))
        .hasMessage("cannot read the web config " + dir.resolve("absent.yml") + ": no such file");
  }

  @Test
  void fifosAreRefusedAtOnceNeverWaitedOn() throws Exception {
    Path fifo = dir.resolve("web.fifo");
    mkfifo(fifo);
    long start = System.nanoTime();
    assertThatThrownBy(() -> WebConfigFile.load(fifo))
        .hasMessage("cannot read the web config " + fifo + ": it is a FIFO (named pipe), not a regular file");
    Path certFifo = dir.resolve("cert.fifo");
    mkfifo(certFifo);
    Path file = config("fifo-cert.yml", "tls_server_config:\n  cert_file: cert.fifo\n  key_file: server.key\n");
    assertThatThrownBy(() -> WebConfigFile.load(file)).hasMessageEndingWith("it is a FIFO (named pipe), not a regular file");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void aFileOverTheCapIsRefusedWhileReading() throws Exception {
    Path big = dir.resolve("big.yml");
    Files.writeString(big, "# " + "x".repeat(WebConfigFile.MAX_BYTES) + "\n");
    assertThatThrownBy(() -> WebConfigFile.load(big))
        .hasMessage("cannot read the web config " + big + ": larger than " + WebConfigFile.MAX_BYTES + " bytes");
    Path notUtf8 = dir.resolve("latin1.yml");
    Files.write(notUtf8, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
    assertThatThrownBy(() -> WebConfigFile.load(notUtf8)).hasMessageEndingWith("not valid UTF-8 (at byte 3)");
  }

  @Test
  void aChangeToTheConfigOrToAFileItNamesIsSeen() throws Exception {
    Path cert = dir.resolve("changing.crt");
    Files.copy(dir.resolve("server.crt"), cert);
    WebConfigFile web = WebConfigFile.load(config("changing.yml", "tls_server_config:\n  cert_file: changing.crt\n  key_file: server.key\n"));
    assertThat(web.changed()).isFalse();
    Files.setLastModifiedTime(cert, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    assertThat(web.changed()).isTrue();
  }
}
