package io.taoprom.metrics.cuda;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.util.List;
import java.util.Locale;

/**
 * The {@code cuda} collector plugin: CUDA device attributes through JCuda. See
 * {@link CudaCollector} for the series.
 *
 * <pre>{@code
 * taoprom serve --collector.cuda --cuda.free-memory false
 * }</pre>
 *
 * <p>Off by default: reading free memory holds a CUDA context, and so device memory, on every
 * GPU, and the {@code nvml} collector reports the same memory without one. JCuda is an
 * optional dependency; this class loads without it and then reports itself unavailable
 * ("JCuda not on the classpath"). JCuda classes are only touched once their presence is known,
 * so that a missing jar or driver costs one line, never a stack trace.
 */
public final class CudaPlugin implements CollectorPlugin {

  /** The plugin's name. */
  public static final String NAME = "cuda";
  /** Option: whether to read free memory (needs a context per GPU). */
  public static final String FREE_MEMORY = "cuda.free-memory";

  // JCuda's native code loads once per JVM and a failure is final (later uses throw
  // NoClassDefFoundError), so the first answer is kept for every instance.
  private static volatile Availability cached;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "CUDA devices through JCuda: driver version, compute capability, multiprocessors,"
        + " clock, total and free memory";
  }

  @Override
  public boolean enabledByDefault() {
    return false;
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(FREE_MEMORY, "BOOL",
        "Read free memory with cuMemGetInfo (holds a CUDA context, and its memory, on each GPU)", "true"));
  }

  @Override
  public Availability availability() {
    Availability known = cached;
    if (known == null) {
      synchronized (CudaPlugin.class) {
        known = cached;
        if (known == null) {
          known = probe();
          cached = known;
        }
      }
    }
    return known;
  }

  private static Availability probe() {
    if (!jcudaPresent()) {
      return Availability.unavailable(missingJCuda());
    }
    try {
      CudaCollector.init();
      return Availability.AVAILABLE;
    } catch (CudaUnavailableException e) {
      return Availability.unavailable(e.getMessage());
    } catch (LinkageError e) {
      return Availability.unavailable(JCudaLoadFailure.describe(e));
    }
  }

  /**
   * Initializes the CUDA driver API and returns the collector (an {@link AutoCloseable}:
   * closing it releases the contexts it holds).
   *
   * @throws CudaUnavailableException when CUDA cannot be used here, with a one-line reason
   * @throws IllegalArgumentException when {@code --cuda.free-memory} is not a boolean
   */
  @Override
  public MultiCollector create(CollectorConfig config) throws CudaUnavailableException {
    boolean freeMemory = config.value(FREE_MEMORY).map(CudaPlugin::parseBoolean).orElse(true);
    if (!jcudaPresent()) {
      throw new CudaUnavailableException(missingJCuda());
    }
    try {
      return CudaCollector.builder().freeMemory(freeMemory).build();
    } catch (LinkageError e) {
      throw new CudaUnavailableException(JCudaLoadFailure.describe(e));
    }
  }

  private static boolean jcudaPresent() {
    try {
      Class.forName(JCudaLoadFailure.DRIVER_CLASS, false, CudaPlugin.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String missingJCuda() {
    return "JCuda not on the classpath (add org.jcuda:jcuda and org.jcuda:jcuda-natives 12.6.0"
        + " to use the cuda collector)";
  }

  private static boolean parseBoolean(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("option " + FREE_MEMORY + " must be true or false, got '" + value + "'");
    };
  }
}
