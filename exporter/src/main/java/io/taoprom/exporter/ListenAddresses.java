package io.taoprom.exporter;

import io.taoprom.exporter.scrape.Failures;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The exporter's listen address from a host and port, and one-line reasons for failing to bind
 * it, naming the listen address (the CLI adds which flag sets it).
 */
final class ListenAddresses {

  private ListenAddresses() {}

  static InetSocketAddress resolve(String host, int port) throws ExporterStartException {
    if (host == null || host.isBlank() || host.equals("*")) {
      return new InetSocketAddress(port);
    }
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return new InetSocketAddress(InetAddress.getByName(literal), port);
    } catch (UnknownHostException e) {
      throw new ExporterStartException("cannot resolve the listen address \"" + host
          + "\"; give an IP address or a resolvable host name as the listen address", e);
    }
  }

  static String bindFailure(Exception failure, String host, int port) {
    // Jetty wraps the BindException in an IOException of its own ("Failed to bind to ...").
    Exception e = failure.getCause() instanceof Exception cause && failure.getCause() != failure ? cause : failure;
    String where = host == null || host.isBlank() || host.equals("*") ? "port " + port : host + ":" + port;
    String reason = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    String advice = "; choose another listen address";
    if (e instanceof BindException && reason.contains("in use")) {
      return "port " + port + (where.startsWith("port") ? "" : " on " + host) + " is already in use" + advice;
    } else if (reason.contains("assign requested address")) {
      return "cannot listen on " + where + ": the address is not on this machine" + advice;
    } else if (reason.contains("permission denied") || reason.contains("access denied")) {
      return "cannot listen on " + where + ": permission denied (ports below 1024 need privileges)" + advice;
    }
    return "cannot listen on " + where + ": " + Failures.oneLine(e) + advice;
  }
}
