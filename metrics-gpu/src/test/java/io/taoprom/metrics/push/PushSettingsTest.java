package io.taoprom.metrics.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushSettingsTest {

  @Test
  void defaultsWhenNothingIsGivenAndAsTheOptionsAdvertiseThem() {
    assertThat(PushSettings.parse(CollectorConfig.empty())).isEqualTo(PushSettings.DEFAULTS);
    Map<String, List<String>> defaults = new java.util.LinkedHashMap<>();
    for (CollectorOption option : PushSettings.options()) {
      assertThat(option.name()).startsWith("push.");
      option.defaultValue().ifPresent(d -> defaults.put(option.name(), List.of(d)));
    }
    assertThat(PushSettings.parse(CollectorConfig.of(defaults))).isEqualTo(PushSettings.DEFAULTS);
  }

  @Test
  void everyOptionIsRead() {
    PushSettings settings = PushSettings.parse(CollectorConfig.of(Map.of(
        "push.allowed-cidr", List.of("10.0.0.0/8", "fd00::/8"),
        "push.max-groups", List.of("7"),
        "push.max-series", List.of("500"),
        "push.max-group-series", List.of("50"),
        "push.max-body-bytes", List.of("512KiB"),
        "push.expiry", List.of("90s"))));

    assertThat(settings.allowed()).hasToString("10.0.0.0/8, fd00::/8");
    assertThat(settings.maxGroups()).isEqualTo(7);
    assertThat(settings.maxSeries()).isEqualTo(500);
    assertThat(settings.maxGroupSeries()).isEqualTo(50);
    assertThat(settings.maxBodyBytes()).isEqualTo(512 << 10);
    assertThat(settings.expiry()).contains(Duration.ofSeconds(90));
    assertThat(PushSettings.parse(CollectorConfig.of(Map.of("push.expiry", List.of("7d")))).expiry()).contains(Duration.ofDays(7));
    assertThat(PushSettings.parse(CollectorConfig.of(Map.of("push.expiry", List.of("0")))).expiry()).isEqualTo(Optional.empty());
  }

  @Test
  void aBadValueNamesItsOption() {
    assertThatThrownBy(() -> PushSettings.parse(CollectorConfig.of(Map.of("push.allowed-cidr", List.of("everyone")))))
        .hasMessage("option push.allowed-cidr 'everyone' is not an address range; write e.g. 10.0.0.0/8, fd00::/8 or 192.0.2.7");
    assertThatThrownBy(() -> PushSettings.parse(CollectorConfig.of(Map.of("push.max-groups", List.of("0")))))
        .hasMessage("option push.max-groups '0' is not a whole number from 1 to 10000000");
    assertThatThrownBy(() -> PushSettings.parse(CollectorConfig.of(Map.of("push.max-body-bytes", List.of("2GiB")))))
        .hasMessageStartingWith("option push.max-body-bytes '2GiB' is not a size");
    assertThatThrownBy(() -> PushSettings.parse(CollectorConfig.of(Map.of("push.expiry", List.of("soon")))))
        .hasMessage("option push.expiry 'soon' is not a duration; write e.g. 90s, 10m, 1h, 7d, or 0 for none");
  }
}
