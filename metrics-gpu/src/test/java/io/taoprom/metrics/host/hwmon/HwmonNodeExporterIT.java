package io.taoprom.metrics.host.hwmon;

import static io.taoprom.metrics.host.FamilyDiff.differences;
import static io.taoprom.metrics.host.FamilyDiff.families;
import static io.taoprom.metrics.host.FamilyDiff.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFixtures;
import io.taoprom.metrics.host.NodeExporter;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.metrics.host.UpstreamChanges;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ParsedSample;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hwmon collector and node_exporter's on the same sysfs trees: every family, series and value. */
class HwmonNodeExporterIT {

  @TempDir Path dir;

  private static Map<String, ParsedFamily> ours(SysFs sys) throws Exception {
    return families(HostFixtures.text(new HwmonCollector(new HwmonSource(sys, DeviceFilter.none()), DeviceFilter.none())));
  }

  @Test
  void aGpuServer() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("hwmon/gpu-server", dir);

    UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter, ours(sys), families(nodeExporter.scrape("hwmon", sys, false)));

    assertThat(differences(c.ours(), c.theirs())).isEmpty();
  }

  @Test
  void everySensorTypeAndNamingRule() throws Exception {
    NodeExporter nodeExporter = NodeExporter.find();
    SysFs sys = HostFixtures.copy("hwmon/types", dir);
    UpstreamChanges.Compared c = UpstreamChanges.apply(nodeExporter, ours(sys), families(nodeExporter.scrape("hwmon", sys, false)));
    Map<String, ParsedFamily> ours = c.ours();
    Map<String, ParsedFamily> theirs = c.theirs();
    if (nodeExporter.olderThan(1, 12)) {
      // before 1.12 the chips of one device got one name, and node_exporter served their first series only
      Predicate<ParsedSample> collided = s -> s.label("chip") != null
          && (s.label("chip").startsWith("platform_asus_nb_wmi") || s.label("chip").startsWith("platform_dell_smm_hwmon"));
      ours = without(ours, collided);
      theirs = without(theirs, collided);
    }

    assertThat(differences(ours, theirs)).isEmpty();
  }
}
