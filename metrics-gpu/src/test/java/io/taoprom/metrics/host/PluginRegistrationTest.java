package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The host, textfile, scrape and push plugins are registered for ServiceLoader under the names the
 * issue gives, and each is cheap to construct. (The services file is shared with the GPU
 * plugins, which their own tests cover; this reads only our lines.)
 */
class PluginRegistrationTest {

  private static final Map<String, String> OURS =
      Map.ofEntries(
          Map.entry("io.taoprom.metrics.host.cpu.CpuPlugin", "cpu"),
          Map.entry("io.taoprom.metrics.host.loadavg.LoadavgPlugin", "loadavg"),
          Map.entry("io.taoprom.metrics.host.meminfo.MeminfoPlugin", "meminfo"),
          Map.entry("io.taoprom.metrics.host.netdev.NetdevPlugin", "netdev"),
          Map.entry("io.taoprom.metrics.host.diskstats.DiskstatsPlugin", "diskstats"),
          Map.entry("io.taoprom.metrics.host.filesystem.FilesystemPlugin", "filesystem"),
          Map.entry("io.taoprom.metrics.host.time.TimePlugin", "time"),
          Map.entry("io.taoprom.metrics.host.uname.UnamePlugin", "uname"),
          Map.entry("io.taoprom.metrics.host.hwmon.HwmonPlugin", "hwmon"),
          Map.entry("io.taoprom.metrics.host.thermal_zone.ThermalZonePlugin", "thermal_zone"),
          Map.entry("io.taoprom.metrics.host.powersupplyclass.PowerSupplyClassPlugin", "powersupplyclass"),
          Map.entry("io.taoprom.metrics.host.rapl.RaplPlugin", "rapl"),
          Map.entry("io.taoprom.metrics.host.nvme.NvmePlugin", "nvme"),
          Map.entry("io.taoprom.metrics.host.edac.EdacPlugin", "edac"),
          Map.entry("io.taoprom.metrics.host.dmi.DmiPlugin", "dmi"),
          Map.entry("io.taoprom.metrics.host.cpufreq.CpufreqPlugin", "cpufreq"),
          Map.entry("io.taoprom.metrics.host.arp.ArpPlugin", "arp"),
          Map.entry("io.taoprom.metrics.host.conntrack.ConntrackPlugin", "conntrack"),
          Map.entry("io.taoprom.metrics.host.netclass.NetclassPlugin", "netclass"),
          Map.entry("io.taoprom.metrics.host.netstat.NetstatPlugin", "netstat"),
          Map.entry("io.taoprom.metrics.host.sockstat.SockstatPlugin", "sockstat"),
          Map.entry("io.taoprom.metrics.host.softnet.SoftnetPlugin", "softnet"),
          Map.entry("io.taoprom.metrics.host.udp_queues.UdpQueuesPlugin", "udp_queues"),
          Map.entry("io.taoprom.metrics.host.infiniband.InfinibandPlugin", "infiniband"),
          Map.entry("io.taoprom.metrics.host.bonding.BondingPlugin", "bonding"),
          Map.entry("io.taoprom.metrics.host.ipvs.IpvsPlugin", "ipvs"),
          Map.entry("io.taoprom.metrics.host.fibrechannel.FibrechannelPlugin", "fibrechannel"),
          // storage and file-system collectors
          Map.entry("io.taoprom.metrics.host.mdadm.MdadmPlugin", "mdadm"),
          Map.entry("io.taoprom.metrics.host.bcache.BcachePlugin", "bcache"),
          Map.entry("io.taoprom.metrics.host.btrfs.BtrfsPlugin", "btrfs"),
          Map.entry("io.taoprom.metrics.host.dmmultipath.DmMultipathPlugin", "dmmultipath"),
          Map.entry("io.taoprom.metrics.host.nfs.NfsPlugin", "nfs"),
          Map.entry("io.taoprom.metrics.host.nfsd.NfsdPlugin", "nfsd"),
          Map.entry("io.taoprom.metrics.host.tapestats.TapestatsPlugin", "tapestats"),
          Map.entry("io.taoprom.metrics.host.xfs.XfsPlugin", "xfs"),
          Map.entry("io.taoprom.metrics.host.zfs.ZfsPlugin", "zfs"),
          Map.entry("io.taoprom.metrics.textfile.TextfilePlugin", "textfile"),
          Map.entry("io.taoprom.metrics.scrape.ScrapePlugin", "scrape"),
          // kernel and system collectors (issue 10)
          Map.entry("io.taoprom.metrics.host.stat.StatPlugin", "stat"),
          Map.entry("io.taoprom.metrics.host.vmstat.VmstatPlugin", "vmstat"),
          Map.entry("io.taoprom.metrics.host.pressure.PressurePlugin", "pressure"),
          Map.entry("io.taoprom.metrics.host.filefd.FilefdPlugin", "filefd"),
          Map.entry("io.taoprom.metrics.host.entropy.EntropyPlugin", "entropy"),
          Map.entry("io.taoprom.metrics.host.timex.TimexPlugin", "timex"),
          Map.entry("io.taoprom.metrics.host.os.OsPlugin", "os"),
          Map.entry("io.taoprom.metrics.host.selinux.SelinuxPlugin", "selinux"),
          Map.entry("io.taoprom.metrics.host.kernel_hung.KernelHungPlugin", "kernel_hung"),
          Map.entry("io.taoprom.metrics.host.schedstat.SchedstatPlugin", "schedstat"),
          Map.entry("io.taoprom.metrics.host.watchdog.WatchdogPlugin", "watchdog"),
          Map.entry("io.taoprom.metrics.push.PushPlugin", "push"));

  @Test
  void everyPluginIsListedAndAnswersToItsName() throws Exception {
    List<String> listed = servicesLines();
    assertThat(listed).containsAll(OURS.keySet());

    for (Map.Entry<String, String> e : OURS.entrySet()) {
      CollectorPlugin plugin = (CollectorPlugin) Class.forName(e.getKey()).getDeclaredConstructor().newInstance();
      assertThat(plugin.name()).isEqualTo(e.getValue());
      assertThat(plugin.description()).isNotBlank();
      assertThat(plugin.enabledByDefault()).isTrue();
      for (CollectorOption option : plugin.options()) {
        assertThat(option.name()).startsWith(plugin.name() + ".");
      }
    }
  }

  private static List<String> servicesLines() throws IOException {
    List<String> lines = new ArrayList<>();
    var urls = PluginRegistrationTest.class.getClassLoader()
        .getResources("META-INF/services/io.taoprom.exporter.spi.CollectorPlugin");
    while (urls.hasMoreElements()) {
      try (InputStream in = urls.nextElement().openStream()) {
        lines.addAll(Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
            .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList()));
      }
    }
    return lines;
  }
}
