package io.taoprom.metrics.host.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Addresses written as Go's net.IP.String() writes them (RFC 5952). */
class GoIpTest {

  @ParameterizedTest
  @CsvSource({
      "192.168.0.22, 192.168.0.22",
      "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
      "0000:0000:0000:0000:0000:0000:0000:0000, ::",
      "0000:0000:0000:0000:0000:0000:0000:0001, ::1",
      "0001:0000:0000:0000:0000:0000:0000:0000, 1::",
      "2001:0db8:0000:0001:0001:0001:0001:0001, 2001:db8:0:1:1:1:1:1",
      "2001:0000:0000:0001:0000:0000:0001:0001, 2001::1:0:0:1:1",
      "2001:0db8:0000:0000:0001:0000:0000:0000, 2001:db8:0:0:1::",
      "0000:0000:0000:0000:0000:ffff:ac12:0009, 172.18.0.9",
      "fe80:0000:0000:0000:ba59:9fff:fea0:0001, fe80::ba59:9fff:fea0:1",
  })
  void writesAsGoDoes(String address, String go) throws Exception {
    assertThat(GoIp.format(bytes(address))).isEqualTo(go);
  }

  /** InetAddress would turn ::ffff:a.b.c.d into a 4-byte address itself; build the 16 bytes by hand. */
  private static byte[] bytes(String address) throws Exception {
    if (!address.contains(":")) {
      return InetAddress.getByName(address).getAddress();
    }
    byte[] out = new byte[16];
    String[] groups = address.split(":");
    for (int g = 0; g < 8; g++) {
      int v = Integer.parseInt(groups[g], 16);
      out[2 * g] = (byte) (v >> 8);
      out[2 * g + 1] = (byte) v;
    }
    return out;
  }

  @Test
  void onlyFourOrSixteenBytes() {
    assertThatThrownBy(() -> GoIp.format(new byte[6])).isInstanceOf(IllegalArgumentException.class);
  }
}
