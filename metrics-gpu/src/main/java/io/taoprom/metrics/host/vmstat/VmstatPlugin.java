package io.taoprom.metrics.host.vmstat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code vmstat} plugin: node_exporter's {@code node_vmstat_NAME} for the fields of
 * {@code /proc/vmstat} that {@code --vmstat.fields} selects (by default upstream
 * node_exporter's: OOM kills, paging, swapping and page faults). Linux only.
 *
 * <pre>{@code
 * taoprom serve --vmstat.fields '^(oom_kill|pgpg|pswp|pg.*fault|nr_dirty).*'
 * }</pre>
 */
public final class VmstatPlugin implements CollectorPlugin {

  static final String FIELDS = "vmstat.fields";

  /** Upstream node_exporter's {@code --collector.vmstat.fields} default. */
  static final String DEFAULT_FIELDS = "^(oom_kill|pgpg|pswp|pg.*fault).*";

  @Override
  public String name() {
    return "vmstat";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Virtual memory statistics from /proc/vmstat (node_vmstat_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/vmstat");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(
        FIELDS, "REGEX", "Fields of /proc/vmstat to serve (searched in the name)", DEFAULT_FIELDS));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new VmstatCollector(ProcFs.system(), fields(config));
  }

  static Pattern fields(CollectorConfig config) {
    String regex = config.value(FIELDS).orElse(DEFAULT_FIELDS);
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "option " + FIELDS + " '" + regex + "' is not a valid regular expression: " + e.getDescription(), e);
    }
  }
}
