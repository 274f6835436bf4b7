package io.taoprom.cli.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.cli.CliRun;
import io.taoprom.cli.TestPlugin;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorsCommandTest {

  private static final PluginCatalog CATALOG = PluginCatalog.of(List.of(
      new TestPlugin("alpha", "Alpha readings.", true, Availability.AVAILABLE,
          List.of(CollectorOption.single("alpha.dir", "DIR", "Where alpha readings live.", "/var/lib/alpha"))),
      new TestPlugin("beta", "Beta readings.", false, Availability.unavailable("no beta device on this machine"),
          List.of(CollectorOption.repeatable("beta.target", "URL", "A beta endpoint to read.")))));

  @Test
  void jsonListsEveryPluginWithItsStateAndOptions() throws Exception {
    CliRun run = CliRun.of(CATALOG, "collectors", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode root = new ObjectMapper().readTree(run.out());

    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("collectors", "failures");
    assertThat(root.get("failures").isArray()).isTrue();
    assertThat(root.get("failures")).isEmpty();

    JsonNode alpha = root.get("collectors").get(0);
    List<String> pluginFields = new ArrayList<>();
    alpha.fieldNames().forEachRemaining(pluginFields::add);
    assertThat(pluginFields).containsExactly("name", "description", "enabledByDefault", "available", "reason", "options");
    assertThat(alpha.get("name").asText()).isEqualTo("alpha");
    assertThat(alpha.get("description").asText()).isEqualTo("Alpha readings.");
    assertThat(alpha.get("enabledByDefault").asBoolean()).isTrue();
    assertThat(alpha.get("available").asBoolean()).isTrue();
    assertThat(alpha.get("reason").isNull()).isTrue();
    JsonNode dir = alpha.get("options").get(0);
    assertThat(dir.get("name").asText()).isEqualTo("alpha.dir");
    assertThat(dir.get("paramLabel").asText()).isEqualTo("DIR");
    assertThat(dir.get("description").asText()).isEqualTo("Where alpha readings live.");
    assertThat(dir.get("default").asText()).isEqualTo("/var/lib/alpha");
    assertThat(dir.get("repeatable").asBoolean()).isFalse();

    JsonNode beta = root.get("collectors").get(1);
    assertThat(beta.get("name").asText()).isEqualTo("beta");
    assertThat(beta.get("enabledByDefault").asBoolean()).isFalse();
    assertThat(beta.get("available").asBoolean()).isFalse();
    assertThat(beta.get("reason").asText()).isEqualTo("no beta device on this machine");
    assertThat(beta.get("options").get(0).get("default").isNull()).isTrue();
    assertThat(beta.get("options").get(0).get("repeatable").asBoolean()).isTrue();
    assertThat(root.get("collectors")).hasSize(2);
  }

  @Test
  void tableShowsDefaultsAvailabilityAndOptions() {
    CliRun run = CliRun.of(CATALOG, "collectors");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        NAME   DEFAULT  AVAILABLE  DESCRIPTION
        alpha  on       yes        Alpha readings.
               --alpha.dir=DIR  Where alpha readings live. (default: /var/lib/alpha)
        beta   off      no         Beta readings.
               not available: no beta device on this machine
               --beta.target=URL  A beta endpoint to read. (repeatable)
        """);
  }

  @Test
  void discoveryFailuresAreListed() throws Exception {
    List<String> failures = List.of("Provider com.example.Broken could not be instantiated (UnsatisfiedLinkError: libfoo.so)");
    List<PluginSummary> none = List.of();
    assertThat(CollectorsCommand.toTable(none, failures)).isEqualTo("""
        No collector plugins found on the classpath.

        Plugins that failed to load:
          Provider com.example.Broken could not be instantiated (UnsatisfiedLinkError: libfoo.so)
        """);
    JsonNode json = new ObjectMapper().readTree(CollectorsCommand.toJson(none, failures));
    assertThat(json.get("collectors")).isEmpty();
    assertThat(json.get("failures").get(0).asText()).isEqualTo(failures.get(0));
  }

  @Test
  void theRealCatalogListsTheBuiltInHostCollectors() throws Exception {
    PluginCatalog real = PluginCatalog.discover(getClass().getClassLoader());
    CliRun run = CliRun.of(real, "collectors", "--json");
    assertThat(run.exitCode()).isZero();
    List<String> names = new ArrayList<>();
    new ObjectMapper().readTree(run.out()).get("collectors").forEach(c -> names.add(c.get("name").asText()));
    assertThat(names).contains("cpu", "loadavg", "meminfo", "netdev", "diskstats", "filesystem", "time", "uname");
  }

  @Test
  void theRealCatalogListsTaoPromsOwnProcessAndJvmCollectors() throws Exception {
    PluginCatalog real = PluginCatalog.discover(getClass().getClassLoader());

    JsonNode collectors = new ObjectMapper().readTree(CliRun.of(real, "collectors", "--json").out()).get("collectors");
    JsonNode process = null;
    JsonNode jvm = null;
    for (JsonNode c : collectors) {
      switch (c.get("name").asText()) {
        case "process" -> process = c;
        case "jvm" -> jvm = c;
        default -> { }
      }
    }
    assertThat(process).isNotNull();
    assertThat(process.get("enabledByDefault").asBoolean()).isTrue();
    assertThat(process.get("available").asBoolean()).isTrue();
    assertThat(process.get("description").asText()).contains("process_*");
    assertThat(jvm).isNotNull();
    assertThat(jvm.get("enabledByDefault").asBoolean()).isFalse();
    assertThat(jvm.get("available").asBoolean()).isTrue();

    CliRun table = CliRun.of(real, "collectors");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).containsPattern("(?m)^process +on +yes +TaoProm's own process")
        .containsPattern("(?m)^jvm +off +yes +TaoProm's own JVM");
  }

  @Test
  void theRealCatalogOffersTheNvmlNamingOption() throws Exception {
    PluginCatalog real = PluginCatalog.discover(getClass().getClassLoader());

    JsonNode collectors = new ObjectMapper().readTree(CliRun.of(real, "collectors", "--json").out()).get("collectors");
    JsonNode names = null;
    for (JsonNode c : collectors) {
      if (c.get("name").asText().equals("nvml")) {
        for (JsonNode o : c.get("options")) {
          if (o.get("name").asText().equals("nvml.names")) {
            names = o;
          }
        }
      }
    }
    assertThat(names).isNotNull();
    assertThat(names.get("default").asText()).isEqualTo("taoprom");
    assertThat(names.get("paramLabel").asText()).isEqualTo("taoprom|dcgm|both");
  }
}
