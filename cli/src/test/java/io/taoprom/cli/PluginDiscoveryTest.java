package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.PluginCatalog;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class PluginDiscoveryTest {

  @Test
  void backgroundDiscoveryFindsTheBuiltInPluginsOnce() {
    Supplier<PluginCatalog> catalog = PluginDiscovery.inBackground(getClass().getClassLoader());
    PluginCatalog found = catalog.get();
    assertThat(found.names()).contains("cpu", "meminfo", "filesystem");
    assertThat(catalog.get()).isSameAs(found);
    // Availability is asked on the discovery thread and remembered: asking again gives the same answer.
    found.plugins().forEach(p -> assertThat(found.availability(p)).isSameAs(found.availability(p)));
  }

  @Test
  void onDemandDiscoversOnFirstUseOnly() {
    Supplier<PluginCatalog> catalog = PluginDiscovery.onDemand(getClass().getClassLoader());
    PluginCatalog first = catalog.get();
    assertThat(first.names()).contains("cpu");
    assertThat(catalog.get()).isSameAs(first);
  }
}
