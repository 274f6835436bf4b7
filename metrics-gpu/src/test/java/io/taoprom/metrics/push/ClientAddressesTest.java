package io.taoprom.metrics.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  private static InetAddress ip(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void loopbackIsAllOf127And1() throws Exception {
    assertThat(ClientAddresses.LOOPBACK.allows(ip("127.0.0.1"))).isTrue();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("127.0.0.2"))).isTrue();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("::1"))).isTrue();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("::ffff:127.0.0.1"))).isTrue();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("128.0.0.1"))).isFalse();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("::2"))).isFalse();
    assertThat(ClientAddresses.LOOPBACK.allows(ip("10.0.0.1"))).isFalse();
    assertThat(ClientAddresses.LOOPBACK.loopbackOnly()).isTrue();
    assertThat(ClientAddresses.LOOPBACK).hasToString("127.0.0.0/8, ::1/128");
  }

  @Test
  void rangesMatchOnTheirPrefixOnly() throws Exception {
    ClientAddresses allowed = ClientAddresses.parse(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8", "172.16.5.9/12"));

    assertThat(allowed.allows(ip("10.255.1.2"))).isTrue();
    assertThat(allowed.allows(ip("11.0.0.1"))).isFalse();
    assertThat(allowed.allows(ip("192.0.2.7"))).isTrue();
    assertThat(allowed.allows(ip("192.0.2.8"))).isFalse();
    assertThat(allowed.allows(ip("fdab::1"))).isTrue();
    assertThat(allowed.allows(ip("fe80::1"))).isFalse();
    assertThat(allowed.allows(ip("172.31.255.255"))).isTrue();
    assertThat(allowed.allows(ip("172.32.0.0"))).isFalse();
    assertThat(allowed.allows(ip("127.0.0.1"))).isFalse();
    assertThat(allowed.loopbackOnly()).isFalse();
    assertThat(ClientAddresses.parse(List.of("0.0.0.0/0")).allows(ip("203.0.113.9"))).isTrue();
    assertThat(ClientAddresses.parse(List.of("0.0.0.0/0")).allows(ip("2001:db8::1"))).isFalse();
    assertThat(ClientAddresses.parse(List.of("127.0.0.1/32")).loopbackOnly()).isTrue();
  }

  @Test
  void anythingButAnAddressRangeIsRefusedWithoutALookup() {
    for (String bad : new String[] {"localhost", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "", "10.0.0.0/8x"}) {
      assertThatThrownBy(() -> ClientAddresses.parse(List.of(bad))).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'" + bad + "' is not an address range");
    }
  }
}
