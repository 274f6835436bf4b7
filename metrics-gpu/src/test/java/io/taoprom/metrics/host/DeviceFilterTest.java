package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceFilterTest {

  @Test
  void aFilterWithAnInclusionIgnoresWhatItDoesNotFind() {
    DeviceFilter both = DeviceFilter.excludeInclude(
        CollectorConfig.of(Map.of("x.exclude", List.of("nvme1$"), "x.include", List.of("^nvme_"))), "x.exclude", "x.include");
    assertThat(both.ignored("nvme_nvme0")).isFalse();
    assertThat(both.ignored("nvme_nvme1")).isTrue();
    assertThat(both.ignored("platform_coretemp_0")).isTrue();
    assertThat(DeviceFilter.excludeInclude(CollectorConfig.empty(), "x.exclude", "x.include").ignored("anything")).isFalse();
    assertThatThrownBy(() -> DeviceFilter.excludeInclude(
        CollectorConfig.of(Map.of("x.include", List.of("("))), "x.exclude", "x.include"))
        .hasMessageContaining("option x.include '(' is not a valid regular expression");
  }

  @Test
  void expressionsAreSearchedNotMatchedWhole() {
    DeviceFilter selection = DeviceFilter.excludeInclude(CollectorConfig.of(
        Map.of("x.device-include", List.of("mlx5"), "x.device-exclude", List.of("bond"))), "x.device-exclude", "x.device-include");

    assertThat(selection.ignored("mlx5_0")).isFalse();
    assertThat(selection.ignored("mlx4_0")).isTrue();
    assertThat(selection.ignored("mlx5_bond_0")).isTrue(); // excluded wins
    assertThat(DeviceFilter.excludeInclude(CollectorConfig.of(
        Map.of("x.device-include", List.of(""), "x.device-exclude", List.of(""))), "x.device-exclude", "x.device-include")
        .ignored("anything")).isFalse();
    assertThat(DeviceFilter.none().ignored("")).isFalse();
  }

  @Test
  void anExclusionAloneFallsBackToItsDefault() {
    DeviceFilter disks = DeviceFilter.exclude(CollectorConfig.empty(), "x.device-exclude", "^loop\\d+$");

    assertThat(disks.ignored("loop0")).isTrue();
    assertThat(disks.ignored("sda")).isFalse();
    assertThat(DeviceFilter.exclude(CollectorConfig.of(Map.of("x.device-exclude", List.of(""))), "x.device-exclude", "^loop")
        .ignored("loop0")).isFalse();
  }
}
