package io.taoprom.metrics.push;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The client addresses a push is accepted from: address ranges in CIDR notation
 * ({@code 10.0.0.0/8}, {@code fd00::/8}, a single {@code 192.0.2.7}). An IPv4 address written
 * as IPv6 ({@code ::ffff:127.0.0.1}) is matched as the IPv4 address it is.
 *
 * <pre>{@code
 * ClientAddresses.LOOPBACK.allows(InetAddress.getByName("127.0.0.1"));    // true
 * ClientAddresses.parse(List.of("10.0.0.0/8")).allows(remote);
 * }</pre>
 */
public final class ClientAddresses {

  // Literal addresses only: a host name here would be looked up in DNS, at start and at the mercy of it.
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

  /** Loopback only, {@code 127.0.0.0/8} and {@code ::1}: the default. */
  public static final ClientAddresses LOOPBACK = new ClientAddresses(List.of(range("127.0.0.0/8"), range("::1/128")));

  private final List<Range> ranges;

  private record Range(byte[] network, int prefix, String text) {}

  private ClientAddresses(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * The ranges written as {@code ADDRESS/PREFIX} or a single {@code ADDRESS}, IPv4 or IPv6.
   *
   * @throws IllegalArgumentException naming the first value that is not one
   */
  public static ClientAddresses parse(List<String> cidrs) {
    List<Range> ranges = new ArrayList<>();
    for (String cidr : cidrs) {
      ranges.add(range(Objects.requireNonNull(cidr, "cidr").strip()));
    }
    if (ranges.isEmpty()) {
      throw new IllegalArgumentException("no address range given");
    }
    return new ClientAddresses(ranges);
  }

  private static Range range(String cidr) {
    int slash = cidr.indexOf('/');
    String address = slash < 0 ? cidr : cidr.substring(0, slash);
    byte[] bytes = literal(address, cidr);
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String digits = cidr.substring(slash + 1);
      if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) > bits) {
        throw new IllegalArgumentException("'" + cidr + "' is not an address range: the prefix length after / must be 0 to " + bits);
      }
      prefix = Integer.parseInt(digits);
    }
    return new Range(masked(bytes, prefix), prefix, cidr);
  }

  private static byte[] literal(String address, String cidr) {
    if (address.isEmpty() || !LITERAL.matcher(address).matches()) {
      throw new IllegalArgumentException("'" + cidr + "' is not an address range; write e.g. 10.0.0.0/8, fd00::/8 or 192.0.2.7");
    }
    try {
      return normalised(InetAddress.getByName(address)); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an address range; write e.g. 10.0.0.0/8, fd00::/8 or 192.0.2.7", e);
    }
  }

  /** The address's bytes, an IPv4-mapped IPv6 address as its four IPv4 bytes. */
  private static byte[] normalised(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet6Address && isMapped(b)) {
      return new byte[] {b[12], b[13], b[14], b[15]};
    }
    return b;
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - 8 * i));
      out[i] &= (byte) (0xff << (8 - keep));
    }
    return out;
  }

  /** Whether a client at {@code address} may push. */
  public boolean allows(InetAddress address) {
    byte[] b = normalised(address);
    for (Range range : ranges) {
      if (range.network().length == b.length && Arrays.equals(masked(b, range.prefix()), range.network())) {
        return true;
      }
    }
    return false;
  }

  /** Whether only loopback addresses are allowed: then pushes need no authentication. */
  public boolean loopbackOnly() {
    for (Range range : ranges) {
      byte[] n = range.network();
      boolean v4Loopback = n.length == 4 && n[0] == 127 && range.prefix() >= 8;
      boolean v6Loopback = n.length == 16 && range.prefix() == 128 && isV6Loopback(n);
      if (!v4Loopback && !v6Loopback) {
        return false;
      }
    }
    return true;
  }

  private static boolean isV6Loopback(byte[] n) {
    for (int i = 0; i < 15; i++) {
      if (n[i] != 0) {
        return false;
      }
    }
    return n[15] == 1;
  }

  /** {@code 127.0.0.0/8, ::1/128}: the ranges as given. */
  @Override
  public String toString() {
    List<String> texts = new ArrayList<>();
    for (Range range : ranges) {
      texts.add(range.text());
    }
    return String.join(", ", texts);
  }
}
