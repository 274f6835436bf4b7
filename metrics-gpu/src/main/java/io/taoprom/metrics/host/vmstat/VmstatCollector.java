package io.taoprom.metrics.host.vmstat;

import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node_exporter's vmstat collector: every {@code NAME VALUE} line of {@code /proc/vmstat} whose
 * name the field pattern finds a match in (searched, not matched whole, as Go's
 * {@code MatchString}), as an untyped family:
 *
 * <pre>
 * # HELP node_vmstat_pgfault /proc/vmstat information field pgfault.
 * # TYPE node_vmstat_pgfault untyped
 * node_vmstat_pgfault 1.1380009E7
 * </pre>
 *
 * <p>Untyped because node_exporter types them so: the file mixes counters ({@code pgfault}) and
 * gauges ({@code nr_free_pages}) without saying which is which.
 */
final class VmstatCollector implements ReadingCollector {

  private static final String FILE = "vmstat";

  private final ProcFs proc;
  private final Pattern fields;

  VmstatCollector(ProcFs proc, Pattern fields) {
    this.proc = proc;
    this.fields = fields;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    ProcText text = new ProcText(proc.read(FILE), proc.path(FILE));
    Matcher matcher = fields.matcher("");
    List<MetricSnapshot> families = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (text.nextLine()) {
      int line = text.lineNumber();
      if (!text.hasField()) {
        continue;
      }
      if (text.fieldsLeft() != 2) {
        throw MalformedFileException.quoting(proc.path(FILE), line, "is not \"NAME VALUE\"", text.line());
      }
      String name = text.field();
      double value;
      try {
        value = text.unsigned();
      } catch (MalformedFileException e) {
        throw MalformedFileException.atLine(text);
      }
      if (!matcher.reset(name).find()) {
        continue;
      }
      if (!isFieldName(name)) {
        throw MalformedFileException.quoting(proc.path(FILE), line, "has a field name the kernel does not write", name);
      }
      if (!seen.add(name)) {
        throw MalformedFileException.quoting(proc.path(FILE), line, "repeats a field", name);
      }
      MetricMetadata metadata =
          new MetricMetadata("node_vmstat_" + name, "/proc/vmstat information field " + name + ".");
      families.add(new UnknownSnapshot(metadata, List.of(UnknownDataPointSnapshot.builder().value(value).build())));
    }
    return new MetricSnapshots(families);
  }

  /**
   * What the kernel names its fields with: lower-case letters, digits and underscores. Anything
   * else would not make a metric name.
   */
  static boolean isFieldName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return !name.isEmpty();
  }
}
