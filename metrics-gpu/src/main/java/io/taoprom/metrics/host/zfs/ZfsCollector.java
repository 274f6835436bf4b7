package io.taoprom.metrics.host.zfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ReadError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * node_exporter's zfs collector on Linux: every integer of the module-wide kstats, untyped, named
 * after the kstat, with the kstat's path as help text:
 *
 * <pre>
 * # HELP node_zfs_arc_hits kstat.zfs.misc.arcstats.hits
 * # TYPE node_zfs_arc_hits untyped
 * node_zfs_arc_hits 1.489921473E9
 * </pre>
 *
 * and per pool its I/O kstat ({@code node_zfs_zpool_nread{zpool}}, …), each dataset's objset
 * kstat ({@code node_zfs_zpool_dataset_writes{zpool,dataset}}, …) and its state
 * ({@code node_zfs_zpool_state{zpool,state}}, 1 for the pool's state, 0 for the others). As current
 * upstream: {@code dbufstats} is read (1.5 looked for {@code dbuf_stats}), signed kstats are served,
 * {@code suspended} is a state, and dataset names may hold blanks.
 */
final class ZfsCollector implements MultiCollector {

  static final String ROOT = "spl/kstat/zfs";

  /** node_exporter's subsystem for each module-wide kstat file. */
  private static final String[][] FILES = {
    {"zfs_abd", "abdstats"}, {"zfs_arc", "arcstats"}, {"zfs_dbuf", "dbufstats"}, {"zfs_dmu_tx", "dmu_tx"},
    {"zfs_dnode", "dnodestats"}, {"zfs_fm", "fm"}, {"zfs_vdev_cache", "vdev_cache_stats"},
    {"zfs_vdev_mirror", "vdev_mirror_stats"}, {"zfs_xuio", "xuio_stats"}, {"zfs_zfetch", "zfetchstats"},
    {"zfs_zil", "zil"},
  };

  static final String[] POOL_STATES = {"online", "degraded", "faulted", "offline", "removed", "unavail", "suspended"};

  private static final MetricMetadata STATE = new MetricMetadata("node_zfs_zpool_state", "kstat.zfs.misc.state");

  /** Names and help texts are the same every scrape: made once per kstat. */
  private final Map<String, MetricMetadata> metadata = new ConcurrentHashMap<>();
  private final ProcFs proc;

  ZfsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public MetricSnapshots collect() {
    if (!Files.isDirectory(proc.path(ROOT))) {
      return MetricSnapshots.of(); // the zfs module is not loaded
    }
    HostFamilies out = new HostFamilies();
    try {
      for (String[] file : FILES) {
        String path = ROOT + "/" + file[1];
        String text = readIfThere(path, false);
        if (text == null) {
          continue; // kstats come and go with OpenZFS versions
        }
        for (Kstat.Named value : Kstat.named(proc.path(path), text)) {
          if (isInteger(value)) {
            MetricMetadata meta = metadata("node_" + file[0] + "_", file[1], value.name());
            if (meta != null) {
              out.untyped(meta, Labels.EMPTY, Kstat.number(proc.path(path), value));
            }
          }
        }
      }
      for (String pool : pools()) {
        pool(out, pool);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return out.snapshots();
  }

  private List<String> pools() throws IOException {
    List<String> pools = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(proc.path(ROOT))) {
      for (var entry : entries) {
        if (Files.isDirectory(entry)) {
          pools.add(entry.getFileName().toString());
        }
      }
    }
    Collections.sort(pools);
    return pools;
  }

  private void pool(HostFamilies out, String pool) throws IOException {
    String dir = ROOT + "/" + pool;
    Labels zpool = Labels.of("zpool", pool);
    String io = readIfThere(dir + "/io", false);
    if (io != null) {
      for (String[] field : Kstat.io(proc.path(dir + "/io"), io)) {
        MetricMetadata meta = metadata("node_zfs_zpool_", "io", field[0]);
        if (meta != null) {
          Kstat.Named value = new Kstat.Named(field[0], Kstat.UINT64, field[1]);
          out.untyped(meta, zpool, Kstat.number(proc.path(dir + "/io"), value));
        }
      }
    }
    for (String objset : objsets(dir)) {
      String path = dir + "/" + objset;
      String text = readIfThere(path, true);
      if (text == null) {
        continue; // a dataset destroyed since the listing
      }
      String dataset = null;
      for (Kstat.Named value : Kstat.named(proc.path(path), text)) {
        if (value.name().equals("dataset_name")) {
          dataset = value.data();
        } else if (value.type().equals(Kstat.UINT64) && dataset != null) {
          MetricMetadata meta = metadata("node_zfs_zpool_dataset_", "objset", value.name());
          if (meta != null) {
            out.untyped(meta, zpool.add("dataset", dataset), Kstat.number(proc.path(path), value));
          }
        }
      }
    }
    String state = readIfThere(dir + "/state", false);
    if (state != null) {
      String actual = state.lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
      for (String name : POOL_STATES) {
        out.gauge(STATE, Labels.of("zpool", pool, "state", name), actual.equals(name) ? 1 : 0);
      }
    }
  }

  private List<String> objsets(String dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (var entries = Files.newDirectoryStream(proc.path(dir), "objset-*")) {
      for (var entry : entries) {
        names.add(entry.getFileName().toString());
      }
    }
    Collections.sort(names);
    return names;
  }

  private static boolean isInteger(Kstat.Named value) {
    return value.type().equals(Kstat.UINT64) || value.type().equals(Kstat.INT64);
  }

  /**
   * node_exporter's family for a kstat: {@code prefix} and the kstat's name with dashes made
   * underscores, help {@code kstat.zfs.misc.<file>.<name>}; null for a name that is no valid
   * metric name even so (none that OpenZFS writes).
   */
  private MetricMetadata metadata(String prefix, String file, String kstat) {
    String key = prefix + file + "." + kstat;
    MetricMetadata known = metadata.get(key);
    if (known != null) {
      return known;
    }
    String name = prefix + kstat.replace('-', '_');
    if (!PrometheusNaming.isValidLegacyMetricName(name)) {
      return null;
    }
    MetricMetadata made = new MetricMetadata(name, "kstat.zfs.misc." + file + "." + kstat);
    if (metadata.size() < 10_000) { // bounded, whatever a kstat directory holds
      metadata.put(key, made);
    }
    return made;
  }

  private String readIfThere(String path, boolean utf8) throws IOException {
    try {
      return utf8 ? proc.readUtf8(path) : proc.read(path);
    } catch (NoSuchFileException absent) {
      return null;
    } catch (IOException e) {
      throw ReadError.of(proc.path(path), e);
    }
  }
}
