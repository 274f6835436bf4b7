package io.taoprom.metrics.nvml;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * taoprom serve --nvml.names dcgm      # dcgm-exporter's DCGM_FI_* names, for NVIDIA's dashboard
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
  /** Option: which names the per-GPU figures are served under ({@link NvmlNames}). */
  public static final String NAMES = "nvml.names";
  /** Environment variable naming the NVML library when {@code --nvml.library} is not given. */
  public static final String LIBRARY_ENV = "TAOPROM_NVML_LIBRARY";
  /**
   * Environment variable dcgm-exporter takes its {@code Hostname} label from (Kubernetes sets
   * it to the node's name through the downward API); else the host name is used.
   */
  public static final String NODE_NAME_ENV = "NODE_NAME";
  // The most of a host name the label takes: a name longer than DNS allows is not one.
  private static final int MAX_HOSTNAME = 253;

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
            "Sample PCIe throughput (costs the driver 40 ms per GPU per scrape)", "true"),
        CollectorOption.single(NAMES, "taoprom|dcgm|both",
            "Names of the per-GPU series: TaoProm's gpu_*, dcgm-exporter's DCGM_FI_* (for NVIDIA's dashboards), or both",
            "taoprom"));
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
    NvmlNames names = config.value(NAMES).map(NvmlNames::parse).orElse(NvmlNames.TAOPROM);
    builder.names(names);
    if (names.dcgm()) {
      builder.hostname(hostname());
    }
    return builder;
  }

  /**
   * dcgm-exporter's {@code Hostname}: {@code $NODE_NAME}, else the kernel's host name, else
   * Java's idea of the local host's name; empty (the label left out) when none is usable.
   */
  String hostname() {
    String name = Optional.ofNullable(environment.apply(NODE_NAME_ENV)).map(String::strip).orElse("");
    if (name.isEmpty()) {
      try {
        name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
      } catch (IOException | SecurityException e) {
        name = "";
      }
    }
    if (name.isEmpty()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (IOException | SecurityException e) {
        name = "";
      }
    }
    // A label value may hold anything, but a host name with controls or of a page's length is
    // not one: leave the label out rather than serve it.
    return name.length() <= MAX_HOSTNAME && name.chars().allMatch(c -> c > ' ' && c < 0x7f) ? name : "";
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
