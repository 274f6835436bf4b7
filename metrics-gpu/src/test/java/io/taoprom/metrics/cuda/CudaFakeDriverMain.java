package io.taoprom.metrics.cuda;

import com.sun.jna.NativeLibrary;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import java.util.List;
import java.util.Map;

/**
 * Run by {@link CudaFakeDriverIT} in a JVM of its own, with the fake libcuda.so.1 first on
 * LD_LIBRARY_PATH (the dynamic linker reads it at start, and JCuda's native code loads once
 * per JVM). Prints the plugin's availability, two scrapes and the fake's count of retained
 * contexts before and after close.
 */
public final class CudaFakeDriverMain {

  private CudaFakeDriverMain() {}

  public static void main(String[] args) throws Exception {
    CudaPlugin plugin = new CudaPlugin();
    Availability availability = plugin.availability();
    System.out.println("available=" + availability.available() + " reason=" + availability.reason());
    if (!availability.available()) {
      return;
    }
    String freeMemory = args.length > 0 ? args[0] : "true";
    MultiCollector collector = plugin.create(CollectorConfig.of(Map.of(CudaPlugin.FREE_MEMORY, List.of(freeMemory))));
    PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    writer.write(System.out, collector.collect());
    System.out.println("--- second scrape");
    writer.write(System.out, collector.collect());
    System.out.println("retained=" + retained());
    ((AutoCloseable) collector).close();
    System.out.println("retained after close=" + retained());
  }

  private static int retained() {
    // The same libcuda.so.1 JCuda linked against: a soname already loaded is not loaded again.
    return NativeLibrary.getInstance("libcuda.so.1").getFunction("fake_cuda_retained").invokeInt(new Object[0]);
  }
}
