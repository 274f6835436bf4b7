package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.Objects;

/**
 * The Prometheus endpoint to register: address (with its type), port and version, checked the
 * way the chain will check them, with messages that name the input and the fix.
 *
 * <pre>{@code
 * Endpoint e = Endpoint.parse("203.0.113.7", null, 9400, 183);   // ip_type 4 from the address
 * Endpoint.parse("2001:db8::1", 4, 9400, 183);                   // IllegalArgumentException
 * }</pre>
 *
 * @param ip the address and its ip_type
 * @param port 1 to 65535
 * @param version the u32 version
 */
public record Endpoint(IpAddress ip, int port, long version) {

  public Endpoint {
    Objects.requireNonNull(ip, "ip");
    checkPort(port);
    checkVersion(version);
  }

  /** An endpoint from an address already parsed. */
  public static Endpoint of(IpAddress ip, int port, long version) {
    return new Endpoint(ip, port, version);
  }

  /**
   * An endpoint from the command line's words.
   *
   * @param ip an IPv4 or IPv6 literal
   * @param ipType 4, 6, or null to take it from the address
   * @throws IllegalArgumentException naming the option and the fix
   */
  public static Endpoint parse(String ip, Integer ipType, int port, long version) {
    return new Endpoint(parseIp(ip, ipType), port, version);
  }

  /** An address literal, checked against an explicit ip_type when one is given. */
  public static IpAddress parseIp(String ip, Integer ipType) {
    IpAddress parsed;
    try {
      parsed = IpAddress.parse(ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ip " + ip + " is not an IPv4 or IPv6 address; give a literal address"
          + " such as 203.0.113.7 or 2001:db8::7 (host names are not resolved)");
    }
    if (ipType != null) {
      if (ipType != 4 && ipType != 6) {
        throw new IllegalArgumentException("--ip-type " + ipType + " is not 4 or 6; leave it out to take it from the address");
      }
      if (ipType != parsed.type()) {
        throw new IllegalArgumentException("--ip " + ip + " is an IPv" + parsed.type() + " address but --ip-type is "
            + ipType + "; leave --ip-type out or use --ip-type " + parsed.type());
      }
    }
    return parsed;
  }

  /** The port check, shared with callers that have no address yet. */
  public static void checkPort(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--port " + port + " is out of range; use a port from 1 to 65535"
          + " (the one taoprom serve listens on, 7091 by default)");
    }
  }

  /** The version check: a u32. */
  public static void checkVersion(long version) {
    if (version < 0 || version > 0xFFFFFFFFL) {
      throw new IllegalArgumentException("--version " + version + " is out of range; the chain stores a u32 (0 to 4294967295)");
    }
  }

  /** Whether the chain's entry is exactly this endpoint (version, ip, port and ip_type; not the block). */
  public boolean matches(PrometheusInfo onChain) {
    return onChain != null && onChain.sameEndpoint(version, ip.value(), port, ip.type());
  }

  @Override
  public String toString() {
    String host = ip.type() == 6 ? "[" + ip + "]" : ip.toString();
    return host + ":" + port + " version " + version;
  }
}
