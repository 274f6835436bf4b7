package io.taoprom.cli.serve;

import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The address {@code taoprom serve} listens on, as given to {@code --web.listen-address}:
 * {@code HOST:PORT}, {@code :PORT} (every interface) or {@code [IPV6]:PORT}, the forms
 * node_exporter accepts.
 *
 * <pre>{@code
 * ListenAddress a = ListenAddress.parse("[::1]:7091");
 * a.host();   // Optional[::1]
 * a.port();   // 7091
 * a.url();    // http://[::1]:7091
 * }</pre>
 *
 * @param host the host name or IP literal (without brackets); empty for every interface
 * @param port 0 to 65535; 0 picks a free port
 */
public record ListenAddress(Optional<String> host, int port) {

  /** The default: every interface, port 7091 (the port Bittensor has used for Prometheus). */
  public static final ListenAddress DEFAULT = new ListenAddress(Optional.empty(), 7091);

  public ListenAddress {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
    }
  }

  /**
   * Parses {@code HOST:PORT}, {@code :PORT} or {@code [IPV6]:PORT}.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static ListenAddress parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    String host;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0 || close + 1 >= value.length() || value.charAt(close + 1) != ':') {
        throw invalid(text, "an IPv6 address needs the form [ADDRESS]:PORT");
      }
      host = value.substring(1, close);
      port = value.substring(close + 2);
      if (host.isEmpty() || !host.contains(":")) {
        throw invalid(text, "brackets are only for IPv6 addresses, as in [::1]:7091");
      }
    } else {
      int colon = value.lastIndexOf(':');
      if (colon < 0) {
        throw invalid(text, "no port; use HOST:PORT or :PORT");
      }
      host = value.substring(0, colon);
      port = value.substring(colon + 1);
      if (value.contains("/")) {
        throw invalid(text, "give HOST:PORT, without a scheme or path");
      }
      if (host.contains(":")) {
        throw invalid(text, "write an IPv6 address in brackets, as in [::1]:7091");
      }
    }
    if (host.contains("/") || host.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(text, "'" + host + "' is not a host name or IP address");
    }
    return new ListenAddress(host.isEmpty() ? Optional.empty() : Optional.of(host), parsePort(text, port));
  }

  private static int parsePort(String text, String port) {
    if (port.isEmpty()) {
      throw invalid(text, "no port after ':'");
    }
    if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5) {
      throw invalid(text, "port '" + port + "' is not a number from 0 to 65535");
    }
    int value = Integer.parseInt(port);
    if (value > 65535) {
      throw invalid(text, "port " + value + " is above 65535");
    }
    return value;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("'" + text + "' is not a listen address: " + why);
  }

  /** The same host with another port (the one actually bound when 0 was asked for). */
  public ListenAddress withPort(int newPort) {
    return new ListenAddress(host, newPort);
  }

  /** The base URL to reach this address; every-interface addresses are shown as {@code localhost}. */
  public String url() {
    String h = host.orElse("localhost");
    return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
  }

  @Override
  public String toString() {
    return host.map(h -> h.contains(":") ? "[" + h + "]" : h).orElse("") + ":" + port;
  }

  /** Lets picocli parse {@code --web.listen-address}; a bad value becomes a one-line usage error. */
  static final class Converter implements CommandLine.ITypeConverter<ListenAddress> {
    @Override
    public ListenAddress convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
