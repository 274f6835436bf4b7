package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class EndpointTest {

  @Test
  void theIpTypeComesFromTheAddressOrMustAgreeWithIt() {
    assertThat(Endpoint.parse("203.0.113.7", null, 7091, 183).ip().type()).isEqualTo(4);
    assertThat(Endpoint.parse("2001:db8::7", 6, 7091, 183).ip().type()).isEqualTo(6);
    assertThat(Endpoint.parse("2001:db8::7", null, 7091, 183).toString()).isEqualTo("[2001:db8:0:0:0:0:0:7]:7091 version 183");
    assertThatThrownBy(() -> Endpoint.parse("2001:db8::7", 4, 7091, 183, CliNames.FLAGS))
        .hasMessage("--ip 2001:db8::7 is an IPv6 address but --ip-type is 4; leave --ip-type out or use --ip-type 6");
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", 5, 7091, 183, CliNames.FLAGS))
        .hasMessageContaining("--ip-type 5 is not 4 or 6");
    // The SDK's own words name the parameter, not a flag.
    assertThatThrownBy(() -> Endpoint.parse("2001:db8::7", 4, 7091, 183))
        .hasMessage("ip 2001:db8::7 is an IPv6 address but ip_type is 4; leave ip_type out or use ip_type 6");
    assertThatThrownBy(() -> Endpoint.parse("example.com", null, 7091, 183)).hasMessageContaining("not an IPv4 or IPv6")
        .hasMessageContaining("host names are not resolved");
  }

  @Test
  void portAndVersionRangesAreChecked() {
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", null, 0, 1, CliNames.FLAGS))
        .hasMessageContaining("--port 0 is out of range").hasMessageContaining("1 to 65535");
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", null, 65536, 1, CliNames.FLAGS)).hasMessageContaining("--port 65536");
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", null, 0, 1)).hasMessageStartingWith("port 0 is out of range");
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", null, 80, 1L << 32, CliNames.FLAGS))
        .hasMessageStartingWith("--version-as-int 4294967296 is out of range");
    assertThatThrownBy(() -> Endpoint.parse("203.0.113.7", null, 80, 1L << 32)).hasMessageContaining("u32");
  }

  @Test
  void theDiffComparesAllFourFieldsAndOnlyThoseGiven() {
    PrometheusInfo chain = new PrometheusInfo(9, 182, BigInteger.valueOf(0xcb007107L), 7091, 4);
    Endpoint same = Endpoint.parse("203.0.113.7", null, 7091, 182);
    assertThat(same.matches(chain)).isTrue();
    assertThat(EndpointDiff.between(chain, same).isEmpty()).isTrue();
    EndpointDiff all = EndpointDiff.between(chain, Endpoint.parse("2001:db8::7", null, 7092, 183));
    assertThat(all.describe()).isEqualTo("version 182 -> 183, ip 203.0.113.7 -> 2001:db8:0:0:0:0:0:7, port 7091 -> 7092, ip_type 4 -> 6");
    assertThat(EndpointDiff.between(chain, null, null, 7092).describe()).isEqualTo("port 7091 -> 7092");
    assertThat(EndpointDiff.between(null, same).describe()).startsWith("version (none) -> 182");
    assertThat(all.toMap()).containsKeys("version", "ip", "port", "ip_type");
    assertThat(EndpointDiff.between(chain, 182L, new IpAddress(BigInteger.valueOf(0xcb007107L), 6), 7091).describe())
        .isEqualTo("ip_type 4 -> 6");
  }
}
