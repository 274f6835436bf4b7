package io.taoprom.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ParsedSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Our host collectors next to the real node_exporter on this machine, with the same collectors
 * and the same (upstream default) filters: every family we serve must exist there with the same
 * name, type, help text and label names, over the same series, and the figures that do not move
 * between two reads must be equal. The collectors compared are every plugin on the class path
 * that says it is node_exporter's ({@link CollectorPlugin#nodeExporterCompatible()}) and that
 * this node_exporter build also has; a new collector is compared by registering it.
 */
class NodeExporterParityIT {

  /** Upstream node_exporter's default {@code --collector.netstat.fields}, TaoProm's default. */
  private static final String NETSTAT_FIELDS = "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
      + "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue|TCPRcvQDrop)"
      + "|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
      + "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

  /**
   * node_exporter's flags that set a collector's filters to TaoProm's defaults, where Debian's
   * package patches upstream's or where the two differ, keyed by collector.
   */
  private static final Map<String, List<String>> FILTERS = Map.of(
      "netdev", List.of("--collector.netdev.device-exclude="),
      // network collectors: upstream's netstat fields (1.6 added TCPOFOQueue and TCPRcvQDrop to
      // Debian 1.5's), netclass read from sysfs as TaoProm reads it
      "netstat", List.of("--collector.netstat.fields=" + NETSTAT_FIELDS),
      "netclass", List.of("--no-collector.netclass.netlink", "--collector.netclass.ignored-devices=^$"),
      "diskstats", List.of("--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$"),
      "filesystem", List.of(
          "--collector.filesystem.mount-points-exclude="
              + "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)",
          "--collector.filesystem.fs-types-exclude="
              + "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660"
              + "|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs"
              + "|sysfs|tracefs)$"),
      "vmstat", List.of("--collector.vmstat.fields=^(oom_kill|pgpg|pswp|pg.*fault).*"),
      // Debian's package reads /var/lib/prometheus/node-exporter; upstream and TaoProm no directory
      "textfile", List.of("--collector.textfile.directory="));

  /**
   * Families that current upstream node_exporter serves and this oracle (Debian's 1.5) does not
   * yet, by the upstream release that added them; TaoProm follows upstream. Where the oracle lacks
   * one it is checked by its collector's golden tests only; an oracle that has it compares it like
   * the rest.
   */
  private static final Set<String> NEWER_THAN_ORACLE = Set.of(
      "node_os_support_end_timestamp_seconds", // os, 1.8
      "node_pressure_irq_stalled_seconds_total", // pressure, 1.9
      // softnet, 1.6
      "node_softnet_cpu_collision_total", "node_softnet_received_rps_total",
      "node_softnet_flow_limit_count_total", "node_softnet_backlog_len",
      // infiniband hw_counters (mlx5), 1.9
      "node_infiniband_duplicate_requests_packets_total", "node_infiniband_implied_nak_seq_errors_total",
      "node_infiniband_lifespan_seconds", "node_infiniband_local_ack_timeout_errors_total",
      "node_infiniband_np_cnp_packets_sent_total", "node_infiniband_np_ecn_marked_roce_packets_received_total",
      "node_infiniband_out_of_buffer_drops_total", "node_infiniband_out_of_sequence_packets_received_total",
      "node_infiniband_packet_sequence_errors_total", "node_infiniband_req_cqes_errors_total",
      "node_infiniband_req_cqes_flush_errors_total", "node_infiniband_req_remote_access_errors_total",
      "node_infiniband_req_remote_invalid_request_errors_total", "node_infiniband_resp_cqes_errors_total",
      "node_infiniband_resp_cqes_flush_errors_total", "node_infiniband_resp_local_length_errors_total",
      "node_infiniband_resp_remote_access_errors_total", "node_infiniband_rnr_nak_retry_packets_received_total",
      "node_infiniband_roce_adp_retransmits_total", "node_infiniband_roce_adp_retransmits_timeout_total",
      "node_infiniband_roce_slow_restart_used_total", "node_infiniband_roce_slow_restart_cnps_total",
      "node_infiniband_roce_slow_restart_total", "node_infiniband_rp_cnp_packets_handled_total",
      "node_infiniband_rp_cnp_ignored_packets_received_total", "node_infiniband_rx_atomic_requests_total",
      "node_infiniband_rx_dct_connect_requests_total", "node_infiniband_rx_read_requests_total",
      "node_infiniband_rx_write_requests_total", "node_infiniband_rx_icrc_encapsulated_errors_total");

  /** Our node_exporter collectors that are available here, by name. */
  private static Map<String, CollectorPlugin> ours() {
    Map<String, CollectorPlugin> out = new TreeMap<>();
    for (CollectorPlugin plugin : ServiceLoader.load(CollectorPlugin.class)) {
      if (plugin.nodeExporterCompatible() && plugin.availability(CollectorConfig.empty()).available()) {
        out.put(plugin.name(), plugin);
      }
    }
    return out;
  }

  @Test
  void ourHostFamiliesMatchNodeExportersOnThisMachine() throws Exception {
    assumeTrue(HostBackend.detect() == HostBackend.PROC, "node_exporter parity is checked on Linux");
    NodeExporter nodeExporter = NodeExporter.find();

    Set<String> theirCollectors = nodeExporter.collectors();
    Map<String, CollectorPlugin> compared = new TreeMap<>(ours());
    compared.keySet().retainAll(theirCollectors);
    assertThat(compared).containsKeys("cpu", "loadavg", "meminfo", "netdev", "diskstats", "filesystem", "time", "uname");

    Map<String, ParsedFamily> theirs = FamilyDiff.parse(nodeExporter.scrape(flags(compared.keySet())));
    StringBuilder ourText = new StringBuilder();
    for (CollectorPlugin plugin : compared.values()) {
      ourText.append(HostFixtures.text(plugin.create(CollectorConfig.empty())));
    }
    Map<String, ParsedFamily> ours = FamilyDiff.parse(ourText.toString());

    // hwmon, thermal_zone, powersupplyclass, rapl, nvme, edac, dmi, cpufreq serve current upstream's
    // families: what this node_exporter's version predates (and DMI's root-only serials, which
    // TaoProm never serves) is left out of the comparison, nothing else.
    UpstreamChanges.Compared hardware = UpstreamChanges.apply(nodeExporter, ours, theirs);
    ours = hardware.ours();
    theirs = hardware.theirs();

    assertThat(ours).containsKeys("node_cpu_seconds_total", "node_load1", "node_memory_MemTotal_bytes",
        "node_network_receive_bytes_total", "node_boot_time_seconds", "node_uname_info");
    List<String> differences = new ArrayList<>();
    for (ParsedFamily our : ours.values()) {
      ParsedFamily their = theirs.get(our.name());
      if (their == null) {
        if (!NEWER_THAN_ORACLE.contains(our.name())) {
          differences.add(our.name() + ": node_exporter has no such family");
        }
        continue;
      }
      if (our.type() != their.type()) {
        differences.add(our.name() + ": type " + our.type() + " vs " + their.type());
      }
      if (!our.help().equals(their.help())) {
        differences.add(our.name() + ": help \"" + our.help() + "\" vs \"" + their.help() + "\"");
      }
      if (!series(our).equals(series(their))) {
        differences.add(our.name() + ": series " + series(our) + " vs " + series(their));
      }
    }
    assertThat(differences).isEmpty();

    for (String stable : List.of("node_memory_MemTotal_bytes", "node_memory_SwapTotal_bytes")) {
      assertThat(value(ours, stable)).as(stable).isEqualTo(value(theirs, stable));
    }
    assertThat(value(ours, "node_boot_time_seconds")).isCloseTo(value(theirs, "node_boot_time_seconds"), org.assertj.core.data.Offset.offset(1.0));
    assertThat(ours.get("node_uname_info").samples()).isEqualTo(theirs.get("node_uname_info").samples());
    ParsedFamily sizes = ours.get("node_filesystem_size_bytes");
    if (sizes != null) {
      assertThat(values(sizes)).isEqualTo(values(theirs.get("node_filesystem_size_bytes")));
    }

    // The kernel and system collectors (stat, vmstat, pressure, filefd, entropy, timex, os,
    // selinux, schedstat; time's clocksources; textfile): what cannot move between two reads.
    assertThat(compared).containsKeys(
        "stat", "vmstat", "pressure", "filefd", "entropy", "os", "selinux", "schedstat", "textfile");
    assertThat(ours).containsKeys("node_context_switches_total", "node_intr_total", "node_forks_total",
        "node_procs_running", "node_procs_blocked", "node_vmstat_pgfault", "node_filefd_allocated",
        "node_entropy_available_bits", "node_selinux_enabled",
        "node_time_clocksource_current_info", "node_textfile_scrape_error");
    if (onClassPath("com.sun.jna.Function")) { // the fuzz runs leave JNA off, and timex with it
      assertThat(compared).containsKey("timex");
      assertThat(ours).containsKeys("node_timex_offset_seconds", "node_timex_tick_seconds");
    }
    for (String stable : List.of(
        "node_filefd_maximum", "node_entropy_pool_size_bits", "node_os_info", "node_os_version",
        "node_selinux_enabled", "node_time_clocksource_available_info", "node_time_clocksource_current_info",
        "node_timex_tick_seconds", "node_timex_tai_offset_seconds", "node_timex_status", "node_timex_sync_status",
        "node_textfile_scrape_error")) {
      if (ours.containsKey(stable)) { // node_os_version only where VERSION_ID is a number
        assertThat(values(ours.get(stable))).as(stable).isEqualTo(values(theirs.get(stable)));
      }
    }
    for (String counter : List.of("node_context_switches_total", "node_forks_total", "node_intr_total")) {
      // read after node_exporter's scrape: only ever larger, and by no more than a few seconds' worth
      assertThat(value(ours, counter)).as(counter).isGreaterThanOrEqualTo(value(theirs, counter));
    }

    // hwmon, thermal_zone, powersupplyclass, rapl, nvme, edac, dmi, cpufreq: the figures that do
    // not move between two reads (identity, limits, thresholds), wherever this machine has the
    // hardware. This build VM has none of it (the *NodeExporterIT tests compare every value on
    // fixture trees instead), so here these only bite on real hardware.
    for (String stable : List.of("node_dmi_info", "node_nvme_info", "node_nvme_namespace_info",
        "node_nvme_namespace_logical_block_size_bytes", "node_nvme_namespace_size_bytes",
        "node_cpu_frequency_min_hertz", "node_cpu_frequency_max_hertz", "node_hwmon_chip_names",
        "node_hwmon_sensor_label", "node_hwmon_temp_crit_celsius", "node_hwmon_temp_max_celsius",
        "node_cooling_device_max_state", "node_power_supply_info", "node_power_supply_energy_full_design")) {
      ParsedFamily our = ours.get(stable);
      if (our != null) {
        assertThat(values(our)).as(stable).isEqualTo(values(theirs.get(stable)));
      }
    }

    // Network collectors (arp, conntrack, netclass, netstat, sockstat, softnet, udp_queues,
    // infiniband, bonding, ipvs, fibrechannel): the figures that hold still between two reads.
    // Interface properties, identity and link speed; the conntrack table's limit; IP forwarding.
    for (String stable : List.of("node_network_mtu_bytes", "node_network_speed_bytes", "node_network_protocol_type",
        "node_network_iface_id", "node_network_iface_link", "node_network_address_assign_type",
        "node_network_transmit_queue_length", "node_network_info", "node_nf_conntrack_entries_limit",
        "node_netstat_Ip_Forwarding", "node_infiniband_rate_bytes_per_second", "node_infiniband_info",
        "node_bonding_slaves", "node_fibrechannel_info")) {
      ParsedFamily our = ours.get(stable);
      if (our != null) {
        assertThat(values(our)).as(stable).isEqualTo(values(theirs.get(stable)));
      }
    }
    if (compared.containsKey("netclass") && Files.isDirectory(Path.of("/sys/class/net/lo"))) {
      assertThat(ours).containsKeys("node_network_mtu_bytes", "node_network_up", "node_network_info");
    }
    if (compared.containsKey("netstat") && Files.isReadable(Path.of("/proc/net/snmp"))) {
      assertThat(ours).containsKeys("node_netstat_Ip_Forwarding", "node_netstat_Tcp_InSegs");
    }

    // --- storage and file-system collectors: mdadm, bcache, btrfs, nfs, nfsd, tapestats, xfs, zfs
    // (all in node_exporter 1.5; dmmultipath is not), diskstats' udev series, filesystem's inodes.
    // What a machine lacks these emit nothing for; their families are checked above wherever they
    // find something, and against node_exporter on fixture trees in the *FixtureParityIT tests.
    assertThat(compared).containsKeys("mdadm", "bcache", "btrfs", "nfs", "nfsd", "tapestats", "xfs", "zfs");
    ParsedFamily inodes = ours.get("node_filesystem_files");
    if (inodes != null) { // a file system's inode count is fixed when it is made
      assertThat(values(inodes)).isEqualTo(values(theirs.get("node_filesystem_files")));
    }
    ParsedFamily diskInfo = ours.get("node_disk_info");
    if (diskInfo != null) { // device numbers and udev's identity of each disk
      assertThat(series(diskInfo)).isEqualTo(series(theirs.get("node_disk_info")));
    }
    for (String md : List.of("node_md_disks_required", "node_md_blocks")) { // an array's shape
      if (ours.containsKey(md)) {
        assertThat(values(ours.get(md))).as(md).isEqualTo(values(theirs.get(md)));
      }
    }
  }

  /**
   * The other direction, over node_exporter's whole default set: every {@code node_*} family
   * node_exporter serves on this machine, TaoProm's node_exporter collectors serve too, with the
   * same type and label names. Aside: node_exporter's own {@code node_exporter_build_info}, and
   * {@code node_scrape_collector_*}, which TaoProm's exporter adds around the collectors
   * (IsolatingCollectorTest); {@code go_*}, {@code promhttp_*} and {@code process_*} are not
   * {@code node_*} (the exporter module's ProcessParityIT compares {@code process_*}).
   */
  @Test
  void everyFamilyOfNodeExportersDefaultSetIsServedByOurs() throws Exception {
    assumeTrue(HostBackend.detect() == HostBackend.PROC, "node_exporter parity is checked on Linux");
    Map<String, ParsedFamily> theirs = FamilyDiff.parse(NodeExporter.find().scrape(flags(null)));
    StringBuilder ourText = new StringBuilder();
    for (CollectorPlugin plugin : ours().values()) {
      ourText.append(HostFixtures.text(plugin.create(CollectorConfig.empty())));
    }
    Map<String, ParsedFamily> ours = FamilyDiff.parse(ourText.toString());

    List<String> missing = new ArrayList<>();
    for (ParsedFamily their : theirs.values()) {
      String name = their.name();
      if (!name.startsWith("node_") || name.equals("node_exporter_build_info") || name.startsWith("node_scrape_collector_")) {
        continue;
      }
      ParsedFamily our = ours.get(name);
      if (our == null) {
        missing.add(name + ": not served");
      } else if (our.type() != their.type()) {
        missing.add(name + ": type " + our.type() + " vs " + their.type());
      } else if (!labelNames(our).equals(labelNames(their))) {
        missing.add(name + ": labels " + labelNames(our) + " vs " + labelNames(their));
      }
    }
    assertThat(theirs).as("node_exporter's default set on this machine").hasSizeGreaterThan(100);
    assertThat(missing).isEmpty();
  }

  private static Set<String> labelNames(ParsedFamily family) {
    Set<String> names = new TreeSet<>();
    for (ParsedSample s : family.samples()) {
      names.addAll(s.labelNames());
    }
    return names;
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, NodeExporterParityIT.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The series of a family: each sample's name and labels, values left out. */
  private static Set<String> series(ParsedFamily family) {
    return FamilyDiff.series(family).keySet();
  }


  private static Map<String, Double> values(ParsedFamily family) {
    return family.samples().stream().collect(Collectors.toMap(s -> series1(s), ParsedSample::value));
  }

  private static String series1(ParsedSample s) {
    return s.labelNames() + "=" + s.labelValues();
  }

  private static double value(Map<String, ParsedFamily> families, String name) {
    return families.get(name).samples().get(0).value();
  }



  /**
   * The flags of node_exporter run with the given collectors (null: its default set, as upstream
   * ships it) and our filters.
   */
  private static List<String> flags(Set<String> collectors) {
    List<String> flags = new ArrayList<>();
    if (collectors == null) {
      flags.add("--no-collector.systemd"); // Debian's package turns it on; upstream's default set has it off
      FILTERS.values().forEach(flags::addAll);
    } else {
      flags.add("--collector.disable-defaults");
      for (String collector : collectors) {
        flags.add("--collector." + collector);
        flags.addAll(FILTERS.getOrDefault(collector, List.of()));
      }
    }
    return flags;
  }

}
