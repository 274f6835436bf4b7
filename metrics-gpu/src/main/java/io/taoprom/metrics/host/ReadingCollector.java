package io.taoprom.metrics.host;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A host collector whose collection is one read of kernel files that may fail. A failure is
 * thrown on as an {@link UncheckedIOException} (client_java's {@code collect()} declares no checked
 * exception), which the exporter reports as that collector's {@code success 0} and last error,
 * the other collectors untouched.
 *
 * <pre>{@code
 * final class LoadavgCollector implements ReadingCollector {
 *   public MetricSnapshots read() throws IOException {
 *     LoadAverage load = source.read(); // "/proc/loadavg does not start with three load averages"
 *     return MetricSnapshots.of(...);
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ReadingCollector extends MultiCollector {

  /** One collection. */
  MetricSnapshots read() throws IOException;

  @Override
  default MetricSnapshots collect() {
    try {
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
