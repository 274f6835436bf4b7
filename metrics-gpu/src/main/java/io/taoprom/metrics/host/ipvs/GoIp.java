package io.taoprom.metrics.host.ipvs;

/**
 * An IP address written as Go's {@code net.IP.String()} writes it, so that label values are
 * node_exporter's: IPv4 dotted; IPv6 in lower-case hexadecimal groups without leading zeros, the
 * longest run of two or more zero groups (the first, on a tie) written {@code ::} (RFC 5952);
 * an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) as its IPv4 address. Java's
 * {@code InetAddress.getHostAddress()} writes IPv6 uncompressed, hence this.
 *
 * <pre>{@code
 * GoIp.format(new byte[] {10, 96, 0, 1})   // "10.96.0.1"
 * GoIp.format(v6 of 2001:db8:0:0:0:0:0:1)  // "2001:db8::1"
 * }</pre>
 */
final class GoIp {

  private GoIp() {}

  /** The address of 4 or 16 bytes. */
  static String format(byte[] ip) {
    if (ip.length == 4) {
      return dotted(ip, 0);
    }
    if (ip.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
    }
    if (mappedIpv4(ip)) {
      return dotted(ip, 12);
    }
    int bestStart = -1;
    int bestEnd = -1;
    for (int i = 0; i < 16; i += 2) {
      int j = i;
      while (j < 16 && ip[j] == 0 && ip[j + 1] == 0) {
        j += 2;
      }
      if (j > i && j - i > bestEnd - bestStart) {
        bestStart = i;
        bestEnd = j;
        i = j;
      }
    }
    if (bestEnd - bestStart <= 2) { // "::" never stands for a single zero group
      bestStart = -1;
      bestEnd = -1;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 16; i += 2) {
      if (i == bestStart) {
        out.append("::");
        i = bestEnd;
        if (i >= 16) {
          break;
        }
      } else if (i > 0) {
        out.append(':');
      }
      out.append(Integer.toHexString((ip[i] & 0xff) << 8 | ip[i + 1] & 0xff));
    }
    return out.toString();
  }

  private static boolean mappedIpv4(byte[] ip) {
    for (int i = 0; i < 10; i++) {
      if (ip[i] != 0) {
        return false;
      }
    }
    return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
  }

  private static String dotted(byte[] ip, int from) {
    return (ip[from] & 0xff) + "." + (ip[from + 1] & 0xff) + "." + (ip[from + 2] & 0xff) + "." + (ip[from + 3] & 0xff);
  }
}
