package io.taoprom.metrics.host.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceSelectionTest {

  private static DeviceSelection of(String include, String exclude) {
    return DeviceSelection.of(CollectorConfig.of(Map.of("x.device-include", List.of(include), "x.device-exclude", List.of(exclude))),
        "x.device-include", "x.device-exclude");
  }

  @Test
  void expressionsAreSearchedNotMatchedWhole() {
    DeviceSelection selection = of("mlx5", "bond");

    assertThat(selection.ignored("mlx5_0")).isFalse();
    assertThat(selection.ignored("mlx4_0")).isTrue();
    assertThat(selection.ignored("mlx5_bond_0")).isTrue(); // excluded wins
    assertThat(of("", "").ignored("anything")).isFalse();
    assertThat(DeviceSelection.all().ignored("")).isFalse();
  }

  @Test
  void aBadExpressionNamesItsOption() {
    assertThatThrownBy(() -> of("(", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--x.device-include '(' is not a valid regular expression");
  }
}
