package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The {@code nvml} collector plugin: NVIDIA GPUs through NVML ({@code libnvidia-ml.so.1},
 * bound with JNA). See {@link NvmlCollector} for the series.
 *
 * <pre>{@code
 * taoprom serve --nvml.library /usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1 --nvml.max-processes 16
 * }</pre>
 *
 * <p>The library is, in order: {@code --nvml.library}, the environment variable
 * {@code TAOPROM_NVML_LIBRARY}, {@code libnvidia-ml.so.1} found by the dynamic linker. Where
 * it cannot be loaded or {@code nvmlInit} fails, the plugin is unavailable with a one-line
 * reason and the exporter serves its other collectors.
 */
public final class NvmlPlugin implements CollectorPlugin {

  /** The plugin's name. */
  public static final String NAME = "nvml";
  /** Option: the NVML library. */
  public static final String LIBRARY = "nvml.library";
  /** Option: per-process series per GPU. */
  public static final String MAX_PROCESSES = "nvml.max-processes";
  /** Option: whether to sample PCIe throughput. */
  public static final String PCIE_THROUGHPUT = "nvml.pcie-throughput";
  /** Environment variable naming the NVML library when {@code --nvml.library} is not given. */
  public static final String LIBRARY_ENV = "TAOPROM_NVML_LIBRARY";

  private final UnaryOperator<String> environment;
  // nvmlInit can take seconds on a GPU without persistence mode: probe each library once.
  private final Map<String, Availability> probed = new ConcurrentHashMap<>();

  /** The plugin as ServiceLoader creates it, reading the process environment. */
  public NvmlPlugin() {
    this(System::getenv);
  }

  NvmlPlugin(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "NVIDIA GPUs through NVML: utilization, memory, temperature, power, clocks, PCIe,"
        + " ECC and XID errors, throttling, per-process memory, MIG";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(LIBRARY, "PATH",
            "NVML library to load (default: $" + LIBRARY_ENV + ", else " + NvmlLibrary.DEFAULT_PATH + ")"),
        CollectorOption.single(MAX_PROCESSES, "N",
            "Per-process GPU memory series per GPU, biggest first; 0 turns them off", "32"),
        CollectorOption.single(PCIE_THROUGHPUT, "BOOL",
            "Sample PCIe throughput (costs the driver 40 ms per GPU per scrape)", "true"));
  }

  /** Whether NVML loads and initializes with the default library (or {@code TAOPROM_NVML_LIBRARY}). */
  @Override
  public Availability availability() {
    return availability(CollectorConfig.empty());
  }

  /**
   * Whether NVML loads and initializes with the library {@code config} names. Probes the
   * library once (load, {@code nvmlInit}, {@code nvmlShutdown}) and remembers the answer.
   */
  @Override
  public Availability availability(CollectorConfig config) {
    return probed.computeIfAbsent(libraryPath(config), NvmlPlugin::probe);
  }

  private static Availability probe(String path) {
    try {
      NvmlLibrary lib = NvmlLibrary.load(path);
      int rc = lib.init();
      if (rc != NvmlReturn.SUCCESS) {
        return Availability.unavailable(NvmlCollector.initFailure(lib, rc));
      }
      lib.shutdown();
      return Availability.AVAILABLE;
    } catch (NvmlUnavailableException e) {
      return Availability.unavailable(e.getMessage());
    }
  }

  /**
   * Initializes NVML and returns the collector (an {@link AutoCloseable}: closing it shuts
   * NVML down).
   *
   * @throws NvmlUnavailableException when NVML cannot be used, with a one-line reason
   * @throws IllegalArgumentException when an option's value is malformed
   */
  @Override
  public MultiCollector create(CollectorConfig config) throws NvmlUnavailableException {
    return builder(config).build();
  }

  /** The collector settings {@code config} asks for, checked. */
  NvmlCollector.Builder builder(CollectorConfig config) {
    NvmlCollector.Builder builder = NvmlCollector.builder().library(libraryPath(config));
    config.value(MAX_PROCESSES).ifPresent(v -> builder.maxProcesses(parseCount(v)));
    config.value(PCIE_THROUGHPUT).ifPresent(v -> builder.pcieThroughput(parseBoolean(PCIE_THROUGHPUT, v)));
    return builder;
  }

  /** {@code --nvml.library}, else {@code $TAOPROM_NVML_LIBRARY}, else the driver's soname. */
  String libraryPath(CollectorConfig config) {
    return config.value(LIBRARY).filter(v -> !v.isBlank())
        .or(() -> Optional.ofNullable(environment.apply(LIBRARY_ENV)).filter(v -> !v.isBlank()))
        .orElse(NvmlLibrary.DEFAULT_PATH)
        .strip();
  }

  private static int parseCount(String value) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 0 && n <= NvmlCollector.Builder.MAX_PROCESSES_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("option " + MAX_PROCESSES + " must be a whole number from 0 to "
        + NvmlCollector.Builder.MAX_PROCESSES_LIMIT + ", got '" + value + "'");
  }

  private static boolean parseBoolean(String option, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("option " + option + " must be true or false, got '" + value + "'");
    };
  }
}
