package io.taoprom.metrics.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLibrary;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The cuda plugin where this machine has no driver, and where JCuda is not even on the classpath. */
class CudaPluginTest {

  private static final String NO_DRIVER = "no NVIDIA CUDA driver: libcuda.so.1: cannot open shared object file:"
      + " No such file or directory (JCuda needs libcuda.so.1 from the NVIDIA driver)";

  private static void assumeNoDriver() {
    try {
      NativeLibrary.getInstance("libcuda.so.1");
      Assumptions.abort("this machine has a CUDA driver; the no-driver case cannot be tested here");
    } catch (UnsatisfiedLinkError expected) {
      // no driver, as on the build machines
    }
  }

  @Test
  void withoutADriverThePluginIsUnavailableInOneLineWithoutAStackTrace() throws Exception {
    assumeNoDriver();
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Availability availability;
    try {
      availability = new CudaPlugin().availability();
    } finally {
      System.setErr(saved);
    }

    assertThat(availability).isEqualTo(Availability.unavailable(NO_DRIVER));
    assertThat(err.toString(StandardCharsets.UTF_8)).as("written to stderr").isEmpty();
  }

  @Test
  void laterUsesSeeNoClassDefFoundErrorAndReadTheSameReason() {
    assumeNoDriver();
    // The first use in this JVM throws UnsatisfiedLinkError; JCuda's class is then unusable and
    // every later use throws NoClassDefFoundError, whose cause still carries the first error.
    assertThatThrownBy(CudaCollector::init).isInstanceOf(CudaUnavailableException.class).hasMessage(NO_DRIVER);
    assertThatThrownBy(CudaCollector::init).isInstanceOf(CudaUnavailableException.class).hasMessage(NO_DRIVER);
    assertThatThrownBy(() -> new CudaPlugin().create(CollectorConfig.empty()))
        .isInstanceOf(CudaUnavailableException.class).hasMessage(NO_DRIVER).hasNoCause();
  }

  @Test
  void withoutJCudaOnTheClasspathThePluginStillLoadsAndSaysSo() throws Exception {
    // Our classes, the SPI and client_java's model, but no JCuda and no application class path.
    URL[] urls = {
      CudaPlugin.class.getProtectionDomain().getCodeSource().getLocation(),
      CollectorPlugin.class.getProtectionDomain().getCodeSource().getLocation(),
      MultiCollector.class.getProtectionDomain().getCodeSource().getLocation(),
    };
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("jcuda.driver.JCudaDriver")).isInstanceOf(ClassNotFoundException.class);
      Class<?> type = loader.loadClass(CudaPlugin.class.getName());
      Object plugin = type.getConstructor().newInstance();

      Object availability = type.getMethod("availability").invoke(plugin);
      boolean available = (boolean) availability.getClass().getMethod("available").invoke(availability);
      String reason = (String) availability.getClass().getMethod("reason").invoke(availability);
      Object config = loader.loadClass(CollectorConfig.class.getName()).getMethod("empty").invoke(null);
      Throwable createFailure = null;
      try {
        type.getMethod("create", config.getClass()).invoke(plugin, config);
      } catch (InvocationTargetException e) {
        createFailure = e.getCause();
      }

      assertThat(available).isFalse();
      assertThat(reason).isEqualTo("JCuda not on the classpath (add org.jcuda:jcuda and org.jcuda:jcuda-natives"
          + " 12.6.0 to use the cuda collector)");
      assertThat(createFailure).isNotNull().hasMessage(reason);
      assertThat(createFailure.getClass().getName()).isEqualTo(CudaUnavailableException.class.getName());
    }
  }

  @Test
  void isOffByDefaultAndDescribesItsOption() {
    CudaPlugin plugin = new CudaPlugin();

    assertThat(plugin.name()).isEqualTo("cuda");
    assertThat(plugin.enabledByDefault()).isFalse();
    assertThat(plugin.options()).extracting(CollectorOption::name).containsExactly("cuda.free-memory");
    assertThat(plugin.options().get(0).defaultValue()).contains("true");
  }

  @Test
  void aMalformedOptionIsRejectedBeforeTouchingCuda() {
    CollectorConfig config = CollectorConfig.of(Map.of(CudaPlugin.FREE_MEMORY, List.of("perhaps")));

    assertThatThrownBy(() -> new CudaPlugin().create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option cuda.free-memory must be true or false, got 'perhaps'");
  }

  @Test
  void uuidsAndBusIdsAreWrittenAsNvmlWritesThem() {
    byte[] uuid = {(byte) 0x8f, 0x6b, 0x1c, 0x2e, 0, 0, 0x40, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, (byte) 0xab};

    assertThat(CudaCollector.formatUuid(uuid)).isEqualTo("GPU-8f6b1c2e-0000-4000-8000-0000000000ab");
    assertThat(CudaCollector.formatUuid(new byte[3])).isEmpty();
    assertThat(CudaCollector.nvmlBusId("0000:3b:00.0")).isEqualTo("00000000:3B:00.0");
    assertThat(CudaCollector.nvmlBusId("00000000:3B:00.0")).isEqualTo("00000000:3B:00.0");
  }
}
