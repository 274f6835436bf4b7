package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import org.junit.jupiter.api.Test;

class HostFamiliesTest {

  private static final MetricMetadata X = new MetricMetadata("node_x", "X.");
  private static final MetricMetadata Y = new MetricMetadata("node_y", "Y.");

  @Test
  void pointsGatherIntoTheirFamiliesWhateverTheOrder() {
    HostFamilies families = new HostFamilies();
    families.counter(Y, Labels.of("cpu", "1"), 2);
    families.gauge(X, Labels.EMPTY, 1);
    families.counter(Y, Labels.of("cpu", "0"), 3);

    assertThat(HostFixtures.text(families::snapshots))
        .isEqualTo(
            """
            # HELP node_x X.
            # TYPE node_x gauge
            node_x 1.0
            # HELP node_y_total Y.
            # TYPE node_y_total counter
            node_y_total{cpu="0"} 3.0
            node_y_total{cpu="1"} 2.0
            """);
  }

  @Test
  void aFamilyKeepsItsType() {
    HostFamilies families = new HostFamilies();
    families.gauge(X, Labels.EMPTY, 1);

    assertThatThrownBy(() -> families.counter(X, Labels.of("a", "b"), 1)).isInstanceOf(IllegalStateException.class);
    assertThat(families.isEmpty()).isFalse();
    assertThat(new HostFamilies().isEmpty()).isTrue();
  }
}
