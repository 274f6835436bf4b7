package io.taoprom.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class NetworkAndAddressTest {

  @Test
  void networksResolveByNameOrUrl() {
    Network.Endpoint finney = Network.resolve("Finney");
    assertThat(finney.uri().toString()).isEqualTo("wss://entrypoint-finney.opentensor.ai:443");
    assertThat(finney.expectedGenesis()).startsWith("0x2f0555cc");
    assertThat(Network.resolve("test").uri().toString()).isEqualTo("wss://test.finney.opentensor.ai:443");
    assertThat(Network.resolve("local").uri().toString()).isEqualTo("ws://127.0.0.1:9944");
    Network.Endpoint own = Network.resolve("ws://10.0.0.5:9944");
    assertThat(own.expectedGenesis()).isNull();
    assertThatThrownBy(() -> Network.resolve("mainnet")).hasMessageContaining("use finney, test, local");
  }

  @Test
  void archiveIsBittensorsArchiveNodeOfMainnet() {
    // bittensor/core/settings.py: ARCHIVE_ENTRYPOINT; the same chain as finney, so the same genesis.
    Network.Endpoint archive = Network.resolve("archive");
    assertThat(archive.uri().toString()).isEqualTo("wss://archive.chain.opentensor.ai:443");
    assertThat(archive.expectedGenesis()).isEqualTo(Network.FINNEY.genesisHash());
    assertThat(archive.name()).isEqualTo("archive");
    assertThatThrownBy(() -> Network.resolve("mainnet")).hasMessageContaining("archive");
  }

  @Test
  void addressesParseFormatAndValidateLikeTheChain() {
    IpAddress v4 = IpAddress.parse("203.0.113.7");
    assertThat(v4.value()).isEqualTo(BigInteger.valueOf(0xcb007107L));
    assertThat(v4.type()).isEqualTo(4);
    assertThat(v4).hasToString("203.0.113.7");
    assertThat(v4.validationError()).isNull();
    IpAddress v6 = IpAddress.parse("2001:db8::1");
    assertThat(v6.type()).isEqualTo(6);
    assertThat(IpAddress.parse(v6.toString())).isEqualTo(v6);
    assertThat(IpAddress.parse("127.0.0.1").validationError()).contains("localhost");
    assertThat(IpAddress.parse("0.0.0.0").validationError()).contains("must not be 0");
    assertThat(IpAddress.parse("255.255.255.255").validationError()).contains("below 255.255.255.255");
    assertThat(IpAddress.parse("::1").validationError()).contains("::1");
    assertThat(new IpAddress(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), 6).validationError())
        .contains("all-ones");
    assertThat(new IpAddress(BigInteger.TEN, 5).validationError()).contains("ip_type must be 4 or 6");
    assertThatThrownBy(() -> IpAddress.parse("example.com")).hasMessageContaining("not an IPv4 or IPv6");
    assertThat(SubtensorTransactionError.nameOf(12)).isEqualTo("ServingRateLimitExceeded");
    assertThat(SubtensorTransactionError.nameOf(255)).isEqualTo("BadRequest");
    assertThat(SubtensorTransactionError.nameOf(200)).isNull();
  }
}
