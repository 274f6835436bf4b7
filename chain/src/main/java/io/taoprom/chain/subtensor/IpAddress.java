package io.taoprom.chain.subtensor;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An IP address as Subtensor stores it: a {@code u128} and an {@code ip_type} of 4 or 6.
 *
 * <pre>{@code
 * IpAddress ip = IpAddress.parse("203.0.113.7");     // value 0xcb007107, type 4
 * String problem = ip.validationError();              // null: the chain would accept it
 * }</pre>
 *
 * @param value the address as an unsigned integer (IPv4 in the low 32 bits)
 * @param type 4 or 6
 */
public record IpAddress(BigInteger value, int type) {

  private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFFFFFFL);
  private static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  public IpAddress {
    Objects.requireNonNull(value, "value");
  }

  /** A literal IPv4 or IPv6 address (no host names: nothing is looked up). */
  public static IpAddress parse(String literal) {
    String s = literal.strip();
    boolean looksLikeIp = s.matches("[0-9.]+") || s.contains(":");
    if (!looksLikeIp) {
      throw new IllegalArgumentException("'" + literal + "' is not an IPv4 or IPv6 address literal");
    }
    try {
      return of(InetAddress.getByName(s.replace("[", "").replace("]", "")));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + literal + "' is not a valid IP address", e);
    }
  }

  public static IpAddress of(InetAddress address) {
    if (address instanceof Inet4Address) {
      return new IpAddress(new BigInteger(1, address.getAddress()), 4);
    }
    if (address instanceof Inet6Address) {
      return new IpAddress(new BigInteger(1, address.getAddress()), 6);
    }
    throw new IllegalArgumentException("unsupported address " + address);
  }

  /**
   * Why the chain would reject this address ({@code InvalidIpType} / {@code InvalidIpAddress}),
   * or null when it would accept it: type 4 or 6; IPv4 not 0, below 255.255.255.255 and not
   * 127.0.0.1; IPv6 not ::, not ::1 and not all ones.
   */
  public String validationError() {
    if (type != 4 && type != 6) {
      return "ip_type must be 4 or 6, not " + type;
    }
    if (value.signum() <= 0) {
      return "the address must not be 0";
    }
    if (type == 4) {
      if (value.compareTo(U32_MAX) >= 0) {
        return "an IPv4 address must be below 255.255.255.255";
      }
      if (value.longValue() == 0x7f000001L) {
        return "127.0.0.1 (localhost) is not accepted";
      }
    } else {
      if (value.equals(BigInteger.ONE)) {
        return "::1 (localhost) is not accepted";
      }
      if (value.compareTo(U128_MAX) >= 0) {
        return "the all-ones IPv6 address is not accepted";
      }
    }
    return null;
  }

  /** The dotted (IPv4) or colon (IPv6) form. */
  @Override
  public String toString() {
    if (type == 4 && value.bitLength() <= 32) {
      long v = value.longValue();
      return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
    if (type == 6 && value.bitLength() <= 128) {
      byte[] b = new byte[16];
      byte[] raw = value.toByteArray();
      int copy = Math.min(raw.length, 16);
      System.arraycopy(raw, raw.length - copy, b, 16 - copy, copy);
      try {
        return InetAddress.getByAddress(b).getHostAddress();
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException(impossible);
      }
    }
    return value + " (type " + type + ")";
  }
}
