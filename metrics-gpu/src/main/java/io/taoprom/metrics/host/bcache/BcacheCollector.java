package io.taoprom.metrics.host.bcache;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ReadError;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * node_exporter's bcache collector, per cache set in {@code /sys/fs/bcache/<uuid>/}, its backing
 * devices ({@code bdevN/}) and cache devices ({@code cacheN/}):
 *
 * <pre>
 * # HELP node_bcache_dirty_data_bytes Amount of dirty data for this backing device in the cache.
 * # TYPE node_bcache_dirty_data_bytes gauge
 * node_bcache_dirty_data_bytes{backing_device="bdev0",uuid="4e57e3c5-…"} 1.4155776E9
 * </pre>
 *
 * Attributes a kernel does not have are served as 0, as node_exporter serves them;
 * {@code cache_readaheads_total} only where the kernel still counts it (it is gone since 5.x).
 */
final class BcacheCollector implements MultiCollector {

  private static final String ROOT = "fs/bcache";

  private static final MetricMetadata AVERAGE_KEY_SIZE =
      meta("average_key_size_sectors", "Average data per key in the btree (sectors).");
  private static final MetricMetadata BTREE_CACHE_SIZE =
      meta("btree_cache_size_bytes", "Amount of memory currently used by the btree cache.");
  private static final MetricMetadata CACHE_AVAILABLE = meta("cache_available_percent",
      "Percentage of cache device without dirty data, usable for writeback (may contain clean cached data).");
  private static final MetricMetadata CONGESTED = meta("congested", "Congestion.");
  private static final MetricMetadata ROOT_USAGE = meta("root_usage_percent",
      "Percentage of the root btree node in use (tree depth increases if too high).");
  private static final MetricMetadata TREE_DEPTH = meta("tree_depth", "Depth of the btree.");
  private static final MetricMetadata ACTIVE_JOURNAL_ENTRIES =
      meta("active_journal_entries", "Number of journal entries that are newer than the index.");
  private static final MetricMetadata BTREE_NODES = meta("btree_nodes", "Total nodes in the btree.");
  private static final MetricMetadata BTREE_READ_AVERAGE =
      meta("btree_read_average_duration_seconds", "Average btree read duration.");
  private static final MetricMetadata CACHE_READ_RACES = meta("cache_read_races",
      "Counts instances where while data was being read from the cache, the bucket was reused and invalidated"
          + " - i.e. where the pointer was stale after the read completed.");

  private static final MetricMetadata DIRTY_DATA =
      meta("dirty_data_bytes", "Amount of dirty data for this backing device in the cache.");
  private static final MetricMetadata DIRTY_TARGET =
      meta("dirty_target_bytes", "Current dirty data target threshold for this backing device in bytes.");
  private static final MetricMetadata WRITEBACK_RATE =
      meta("writeback_rate", "Current writeback rate for this backing device in bytes.");
  private static final MetricMetadata WRITEBACK_PROPORTIONAL = meta("writeback_rate_proportional_term",
      "Current result of proportional controller, part of writeback rate");
  private static final MetricMetadata WRITEBACK_INTEGRAL = meta("writeback_rate_integral_term",
      "Current result of integral controller, part of writeback rate");
  private static final MetricMetadata WRITEBACK_CHANGE =
      meta("writeback_change", "Last writeback rate change step for this backing device.");

  private static final MetricMetadata BYPASSED =
      meta("bypassed_bytes", "Amount of IO (both reads and writes) that has bypassed the cache.");
  private static final MetricMetadata CACHE_HITS =
      meta("cache_hits", "Hits counted per individual IO as bcache sees them.");
  private static final MetricMetadata CACHE_MISSES =
      meta("cache_misses", "Misses counted per individual IO as bcache sees them.");
  private static final MetricMetadata CACHE_BYPASS_HITS =
      meta("cache_bypass_hits", "Hits for IO intended to skip the cache.");
  private static final MetricMetadata CACHE_BYPASS_MISSES =
      meta("cache_bypass_misses", "Misses for IO intended to skip the cache.");
  private static final MetricMetadata CACHE_MISS_COLLISIONS = meta("cache_miss_collisions",
      "Instances where data insertion from cache miss raced with write (data already present).");
  private static final MetricMetadata CACHE_READAHEADS =
      meta("cache_readaheads", "Count of times readahead occurred.");

  private static final MetricMetadata IO_ERRORS =
      meta("io_errors", "Number of errors that have occurred, decayed by io_error_halflife.");
  private static final MetricMetadata METADATA_WRITTEN =
      meta("metadata_written_bytes", "Sum of all non data writes (btree writes and all other metadata).");
  private static final MetricMetadata WRITTEN =
      meta("written_bytes", "Sum of all data that has been written to the cache.");
  private static final MetricMetadata PRIORITY_UNUSED =
      meta("priority_stats_unused_percent", "The percentage of the cache that doesn't contain any data.");
  private static final MetricMetadata PRIORITY_METADATA =
      meta("priority_stats_metadata_percent", "Bcache's metadata overhead.");

  private final SysFs sys;
  private final boolean priorityStats;

  /**
   * @param priorityStats whether to read each cache device's {@code priority_stats}, which makes
   *     the kernel walk every bucket (node_exporter's {@code --collector.bcache.priorityStats})
   */
  BcacheCollector(SysFs sys, boolean priorityStats) {
    this.sys = sys;
    this.priorityStats = priorityStats;
  }

  private static MetricMetadata meta(String name, String help) {
    return new MetricMetadata("node_bcache_" + name, help);
  }

  @Override
  public MetricSnapshots collect() {
    HostFamilies out = new HostFamilies();
    try {
      for (String uuid : sys.list(ROOT)) {
        if (uuid.indexOf('-') >= 0) { // cache sets; register, pendings_cleanup are controls
          cacheSet(out, ROOT + "/" + uuid, uuid);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return out.snapshots();
  }

  private void cacheSet(HostFamilies out, String dir, String uuid) throws IOException {
    Labels set = Labels.of("uuid", uuid);
    out.gauge(AVERAGE_KEY_SIZE, set, value(dir + "/average_key_size"));
    out.gauge(BTREE_CACHE_SIZE, set, value(dir + "/btree_cache_size"));
    out.gauge(CACHE_AVAILABLE, set, value(dir + "/cache_available_percent"));
    out.gauge(CONGESTED, set, value(dir + "/congested"));
    out.gauge(ROOT_USAGE, set, value(dir + "/root_usage_percent"));
    out.gauge(TREE_DEPTH, set, value(dir + "/tree_depth"));
    out.gauge(ACTIVE_JOURNAL_ENTRIES, set, value(dir + "/internal/active_journal_entries"));
    out.gauge(BTREE_NODES, set, value(dir + "/internal/btree_nodes"));
    // The kernel's file is in microseconds (node_exporter scales it as nanoseconds, 1000x too small).
    out.gauge(BTREE_READ_AVERAGE, set, value(dir + "/internal/btree_read_average_duration_us") * 1e-6);
    out.counter(CACHE_READ_RACES, set, value(dir + "/internal/cache_read_races"));

    for (String bdev : sys.list(dir)) {
      if (isNumbered(bdev, "bdev")) {
        backingDevice(out, dir + "/" + bdev, Labels.of("uuid", uuid, "backing_device", bdev));
      }
    }
    for (String cache : sys.list(dir)) {
      if (isNumbered(cache, "cache")) {
        cacheDevice(out, dir + "/" + cache, Labels.of("uuid", uuid, "cache_device", cache));
      }
    }
  }

  private void backingDevice(HostFamilies out, String dir, Labels labels) throws IOException {
    out.gauge(DIRTY_DATA, labels, value(dir + "/dirty_data"));
    WritebackRate rate = writebackRate(dir + "/writeback_rate_debug");
    out.gauge(DIRTY_TARGET, labels, rate.target);
    out.gauge(WRITEBACK_RATE, labels, rate.rate);
    out.gauge(WRITEBACK_PROPORTIONAL, labels, rate.proportional);
    out.gauge(WRITEBACK_INTEGRAL, labels, rate.integral);
    out.gauge(WRITEBACK_CHANGE, labels, rate.change);
    String stats = dir + "/stats_total";
    out.counter(BYPASSED, labels, value(stats + "/bypassed"));
    out.counter(CACHE_HITS, labels, value(stats + "/cache_hits"));
    out.counter(CACHE_MISSES, labels, value(stats + "/cache_misses"));
    out.counter(CACHE_BYPASS_HITS, labels, value(stats + "/cache_bypass_hits"));
    out.counter(CACHE_BYPASS_MISSES, labels, value(stats + "/cache_bypass_misses"));
    out.counter(CACHE_MISS_COLLISIONS, labels, value(stats + "/cache_miss_collisions"));
    double readaheads = value(stats + "/cache_readaheads");
    if (readaheads != 0) {
      out.counter(CACHE_READAHEADS, labels, readaheads);
    }
  }

  private void cacheDevice(HostFamilies out, String dir, Labels labels) throws IOException {
    out.gauge(IO_ERRORS, labels, value(dir + "/io_errors"));
    out.counter(METADATA_WRITTEN, labels, value(dir + "/metadata_written"));
    out.counter(WRITTEN, labels, value(dir + "/written"));
    if (priorityStats) {
      String file = dir + "/priority_stats";
      String text = read(file);
      out.gauge(PRIORITY_UNUSED, labels, percent(file, text, "Unused:"));
      out.gauge(PRIORITY_METADATA, labels, percent(file, text, "Metadata:"));
    }
  }

  private static boolean isNumbered(String name, String prefix) {
    return name.length() > prefix.length() && name.startsWith(prefix)
        && Character.isDigit(name.charAt(prefix.length()));
  }

  /** An attribute's value; 0 where this kernel does not have the attribute, as node_exporter. */
  private double value(String file) throws IOException {
    Optional<String> text = sys.attribute(file);
    return text.isEmpty() ? 0 : number(file, text.get());
  }

  private String read(String file) throws IOException {
    try {
      return sys.read(file);
    } catch (IOException e) {
      throw ReadError.of(sys.path(file), e);
    }
  }

  private double number(String file, String text) throws IOException {
    try {
      return HumanNumber.parse(text);
    } catch (NumberFormatException e) {
      throw new IOException(sys.path(file) + ": expected a bcache number such as 20.4G, found "
          + Excerpt.quoted(text, 40) + " (" + e.getMessage() + ")");
    }
  }

  /** The figures of {@code writeback_rate_debug}, lines {@code rate: 1.1M/sec} and the like. */
  private static final class WritebackRate {
    double rate;
    double target;
    double proportional;
    double integral;
    double change;
  }

  private WritebackRate writebackRate(String file) throws IOException {
    WritebackRate rate = new WritebackRate();
    for (String line : read(file).split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "rate" -> rate.rate = number(file, stripSuffix(value, "/sec"));
        case "target" -> rate.target = number(file, value);
        case "proportional" -> rate.proportional = number(file, value);
        case "integral" -> rate.integral = number(file, value);
        case "change" -> rate.change = number(file, stripSuffix(value, "/sec"));
        default -> { } // dirty, next io, and what newer kernels add
      }
    }
    return rate;
  }

  /** The percentage after {@code key} in {@code priority_stats}: {@code Unused:  99%}. */
  private double percent(String file, String text, String key) throws IOException {
    for (String line : text.split("\n")) {
      if (line.startsWith(key)) {
        String value = line.substring(key.length()).strip();
        return number(file, stripSuffix(value, "%"));
      }
    }
    throw new IOException(sys.path(file) + ": no \"" + key + "\" line");
  }

  private static String stripSuffix(String value, String suffix) {
    return value.endsWith(suffix) ? value.substring(0, value.length() - suffix.length()) : value;
  }
}
