package io.taoprom.metrics.host.timex;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code timex} plugin: node_exporter's {@code node_timex_*} series from
 * {@code adjtimex(2)}, which the Node Exporter dashboards and node-mixin's clock alerts
 * ({@code NodeClockNotSynchronising}, {@code NodeClockSkewDetected}) read. Linux on x86_64 or
 * aarch64, through JNA.
 *
 * <pre>{@code
 * MultiCollector timex = new TimexPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class TimexPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "timex";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Clock discipline state from adjtimex(2) (node_timex_*)";
  }

  @Override
  public Availability availability() {
    return unsupportedHere().map(Availability::unavailable).orElse(Availability.AVAILABLE);
  }

  /**
   * Why {@code adjtimex} cannot be called here, if it cannot: not Linux, a CPU whose
   * {@code struct timex} layout {@link Timex#decode} does not read (it knows 64-bit x86 and ARM),
   * or no JNA on the class path. Looks at no class that needs JNA, so that it answers even then.
   */
  static Optional<String> unsupportedHere() {
    String os = System.getProperty("os.name", "");
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      return Optional.of("adjtimex(2) is Linux-only (this is " + os + ")");
    }
    if (!arch.equals("amd64") && !arch.equals("x86_64") && !arch.equals("aarch64")) {
      return Optional.of("struct timex is laid out for x86_64 and aarch64 only (this is " + arch + ")");
    }
    try {
      Class.forName("com.sun.jna.Function", false, TimexPlugin.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.of("JNA (jna-jpms), through which adjtimex(2) is called, is not on the class path");
    }
    return Optional.empty();
  }

  @Override
  public MultiCollector create(CollectorConfig config) throws IOException {
    return new TimexCollector(Adjtimex.load()::read);
  }
}
