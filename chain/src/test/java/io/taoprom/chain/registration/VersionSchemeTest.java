package io.taoprom.chain.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionSchemeTest {

  @Test
  void sn27IsHundredsTensAndUnits() {
    assertThat(VersionScheme.SN27.toInt("1.8.3")).isEqualTo(183);
    assertThat(VersionScheme.SN27.toInt("v2.0.1")).isEqualTo(201);
    assertThat(VersionScheme.named("SN27")).isEqualTo(VersionScheme.SN27);
  }

  @Test
  void bittensorIsThousandBased() {
    // bittensor's version_as_int: sum(part * 1000**i) over the reversed parts
    assertThat(VersionScheme.BITTENSOR.toInt("9.12.1")).isEqualTo(9_012_001);
    assertThat(VersionScheme.BITTENSOR.toInt("0.0.7")).isEqualTo(7);
    assertThat(VersionScheme.named("bittensor")).isEqualTo(VersionScheme.BITTENSOR);
  }

  @Test
  void malformedVersionsAreNamed() {
    assertThatThrownBy(() -> VersionScheme.SN27.toInt("1.8")).hasMessageContaining("MAJOR.MINOR.PATCH");
    assertThatThrownBy(() -> VersionScheme.SN27.toInt("1.8.3-rc1")).hasMessageContaining("'3-rc1'")
        .hasMessageContaining("give the version number itself");
    assertThatThrownBy(() -> VersionScheme.BITTENSOR.toInt("1.1000.0")).hasMessageContaining("below 1000");
    assertThatThrownBy(() -> VersionScheme.SN27.toInt("99999999.0.0")).hasMessageContaining("u32");
    assertThatThrownBy(() -> VersionScheme.named("semver")).hasMessageContaining("use sn27 or bittensor");
  }
}
