package io.taoprom.metrics.host.ipvs;

import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;

/**
 * An address and port of {@code /proc/net/ip_vs}, as label values: {@code C0A80016:0CEA} (IPv4,
 * the address in hexadecimal in network order) or
 * {@code [2620:0000:0000:0000:0000:0000:0000:0001]:0050} (IPv6, the address as the kernel's
 * {@code %pI6} writes it), the port four hexadecimal digits.
 *
 * <pre>{@code
 * Endpoint.parse("C0A80016:0CEA", text)   // Endpoint[address=192.168.0.22, port=3306]
 * }</pre>
 *
 * @param address the address as node_exporter writes it ({@link GoIp})
 * @param port the port in decimal
 */
record Endpoint(String address, String port) {

  private static final int IPV4_FIELD = 13; // 8 hex digits, ':', 4 hex digits
  private static final int IPV6_FIELD = 46; // '[', 39 characters, "]:", 4 hex digits

  /**
   * The endpoint in {@code field}.
   *
   * @throws IOException naming the file and line of {@code text} when it is neither form
   */
  static Endpoint parse(String field, ProcText text) throws IOException {
    byte[] address;
    if (field.length() == IPV4_FIELD && field.charAt(8) == ':') {
      address = hexBytes(field, 0, 8);
    } else if (field.length() == IPV6_FIELD && field.charAt(0) == '[' && field.startsWith("]:", 40)) {
      address = ipv6(field.substring(1, 40));
    } else {
      address = null;
    }
    String port = field.length() >= 4 ? field.substring(field.length() - 4) : "";
    byte[] portBytes = hexBytes(port, 0, port.length());
    if (address == null || portBytes == null || portBytes.length != 2) {
      throw text.malformed("an address:port such as C0A80016:0CEA, not " + Excerpt.quoted(field, 60));
    }
    return new Endpoint(GoIp.format(address), Integer.toString((portBytes[0] & 0xff) << 8 | portBytes[1] & 0xff));
  }

  /** Eight groups of four hexadecimal digits separated by colons, as {@code %pI6} writes them. */
  private static byte[] ipv6(String groups) {
    byte[] address = new byte[16];
    for (int g = 0; g < 8; g++) {
      int at = g * 5;
      if (g < 7 && groups.charAt(at + 4) != ':') {
        return null;
      }
      byte[] group = hexBytes(groups, at, at + 4);
      if (group == null) {
        return null;
      }
      address[2 * g] = group[0];
      address[2 * g + 1] = group[1];
    }
    return address;
  }

  /** The bytes of an even number of hexadecimal digits, or null. */
  private static byte[] hexBytes(String s, int from, int to) {
    if ((to - from) % 2 != 0 || to <= from) {
      return null;
    }
    byte[] out = new byte[(to - from) / 2];
    for (int i = from; i < to; i += 2) {
      int hi = KernelNumbers.hexDigit(s.charAt(i));
      int lo = KernelNumbers.hexDigit(s.charAt(i + 1));
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[(i - from) / 2] = (byte) (hi << 4 | lo);
    }
    return out;
  }
}
