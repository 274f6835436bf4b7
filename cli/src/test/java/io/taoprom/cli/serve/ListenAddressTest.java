package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void portAloneMeansEveryInterface() {
    ListenAddress a = ListenAddress.parse(":7091");
    assertThat(a.host()).isEmpty();
    assertThat(a.port()).isEqualTo(7091);
    assertThat(a.toString()).isEqualTo(":7091");
    assertThat(a.url()).isEqualTo("http://localhost:7091");
    assertThat(a).isEqualTo(ListenAddress.DEFAULT);
  }

  @Test
  void hostAndPort() {
    ListenAddress a = ListenAddress.parse("127.0.0.1:9400");
    assertThat(a.host()).contains("127.0.0.1");
    assertThat(a.port()).isEqualTo(9400);
    assertThat(a.url()).isEqualTo("http://127.0.0.1:9400");
  }

  @Test
  void hostNames() {
    assertThat(ListenAddress.parse("localhost:80")).isEqualTo(new ListenAddress(Optional.of("localhost"), 80));
    assertThat(ListenAddress.parse("gpu-01.example.org:7091").host()).contains("gpu-01.example.org");
  }

  @Test
  void ipv6InBrackets() {
    ListenAddress a = ListenAddress.parse("[::1]:7091");
    assertThat(a.host()).contains("::1");
    assertThat(a.port()).isEqualTo(7091);
    assertThat(a.toString()).isEqualTo("[::1]:7091");
    assertThat(a.url()).isEqualTo("http://[::1]:7091");
    assertThat(ListenAddress.parse("[fe80::1%eth0]:1").host()).contains("fe80::1%eth0");
  }

  @Test
  void portZeroAndBoundsAreAccepted() {
    assertThat(ListenAddress.parse(":0").port()).isZero();
    assertThat(ListenAddress.parse(":65535").port()).isEqualTo(65535);
    assertThat(ListenAddress.parse(" :7091 ").port()).isEqualTo(7091);
    assertThat(ListenAddress.parse(":7091").withPort(40000).port()).isEqualTo(40000);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "7091              | no port; use HOST:PORT or :PORT",
    "localhost         | no port; use HOST:PORT or :PORT",
    "localhost:        | no port after ':'",
    ":http             | port 'http' is not a number from 0 to 65535",
    ":-1               | port '-1' is not a number",
    ":65536            | port 65536 is above 65535",
    ":123456           | port '123456' is not a number",
    "::1:7091          | write an IPv6 address in brackets",
    "[::1]7091         | an IPv6 address needs the form [ADDRESS]:PORT",
    "[::1              | an IPv6 address needs the form [ADDRESS]:PORT",
    "[::1]:            | no port after ':'",
    "[]:7091           | brackets are only for IPv6 addresses",
    "[127.0.0.1]:7091  | brackets are only for IPv6 addresses",
    "http://host:7091  | give HOST:PORT, without a scheme or path",
    "my host:7091      | is not a host name or IP address",
  })
  void badValuesAreRejectedWithTheReason(String value, String reason) {
    assertThatThrownBy(() -> ListenAddress.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + value + "' is not a listen address: ")
        .hasMessageContaining(reason)
        .hasMessageNotContaining("\n");
  }
}
