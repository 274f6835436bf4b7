package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.untrusted.Excerpt;
import java.util.Objects;

/**
 * The Prometheus endpoint to register: address (with its type), port and version, checked the
 * way the chain will check them, with messages that name the input and the fix (the parameter in
 * plain words, or as the caller's {@link ParameterNames} say it).
 *
 * <pre>{@code
 * Endpoint e = Endpoint.parse("203.0.113.7", null, 9400, 183);   // ip_type 4 from the address
 * Endpoint.parse("2001:db8::1", 4, 9400, 183);                   // IllegalArgumentException:
 * // "ip 2001:db8::1 is an IPv6 address but ip_type is 4; leave ip_type out or use ip_type 6"
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
   * An endpoint from text, as a user gives it.
   *
   * @param ip an IPv4 or IPv6 literal
   * @param ipType 4, 6, or null to take it from the address
   * @throws IllegalArgumentException naming the parameter and the fix
   */
  public static Endpoint parse(String ip, Integer ipType, int port, long version) {
    return parse(ip, ipType, port, version, ParameterNames.PLAIN);
  }

  /** {@link #parse(String, Integer, int, long)}, with messages naming the parameters as {@code names} do. */
  public static Endpoint parse(String ip, Integer ipType, int port, long version, ParameterNames names) {
    IpAddress address = parseIp(ip, ipType, names);
    checkPort(port, names);
    checkVersion(version, names);
    return new Endpoint(address, port, version);
  }

  /** An address literal, checked against an explicit ip_type when one is given. */
  public static IpAddress parseIp(String ip, Integer ipType) {
    return parseIp(ip, ipType, ParameterNames.PLAIN);
  }

  /** {@link #parseIp(String, Integer)}, with messages naming the parameters as {@code names} do. */
  public static IpAddress parseIp(String ip, Integer ipType, ParameterNames names) {
    String ipName = names.of(Parameter.IP);
    String typeName = names.of(Parameter.IP_TYPE);
    IpAddress parsed;
    try {
      parsed = IpAddress.parse(ip);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ipName + " " + Excerpt.of(ip, 80) + " is not an IPv4 or IPv6 address; give a"
          + " literal address such as 203.0.113.7 or 2001:db8::7 (host names are not resolved)");
    }
    if (ipType != null) {
      if (ipType != 4 && ipType != 6) {
        throw new IllegalArgumentException(typeName + " " + ipType + " is not 4 or 6; leave it out to take it from the address");
      }
      if (ipType != parsed.type()) {
        throw new IllegalArgumentException(ipName + " " + ip + " is an IPv" + parsed.type() + " address but " + typeName
            + " is " + ipType + "; leave " + typeName + " out or use " + typeName + " " + parsed.type());
      }
    }
    return parsed;
  }

  /** The port check, shared with callers that have no address yet. */
  public static void checkPort(int port) {
    checkPort(port, ParameterNames.PLAIN);
  }

  /** {@link #checkPort(int)}, naming the parameter as {@code names} do. */
  public static void checkPort(int port, ParameterNames names) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(names.of(Parameter.PORT) + " " + port + " is out of range; use a port from 1 to"
          + " 65535 (the one the exporter listens on, 7091 by default)");
    }
  }

  /** The version check: a u32. */
  public static void checkVersion(long version) {
    checkVersion(version, ParameterNames.PLAIN);
  }

  /** {@link #checkVersion(long)}, naming the parameter as {@code names} do. */
  public static void checkVersion(long version, ParameterNames names) {
    if (version < 0 || version > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(names.of(Parameter.VERSION) + " " + version
          + " is out of range; the chain stores a u32 (0 to 4294967295)");
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
