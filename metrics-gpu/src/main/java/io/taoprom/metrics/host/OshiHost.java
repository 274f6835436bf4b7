package io.taoprom.metrics.host;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import oshi.SystemInfo;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OperatingSystem;

/**
 * One OSHI {@link SystemInfo} for the whole process, warmed on a background daemon thread.
 *
 * <p>OSHI's first calls cost about 0.4 s (it loads JNA, reads the OS release, enumerates
 * processors, disks and interfaces). {@link #shared()} starts that work the first time a host
 * plugin is created, so it runs while the exporter opens its port rather than on the scrape path;
 * a scrape that comes before it is done waits at most {@link #FIRST_SCRAPE_WAIT} and then fails
 * that one collector, which the exporter reports as {@code success 0}.
 *
 * <pre>{@code
 * OshiHost oshi = OshiHost.shared();           // returns at once
 * OshiHost.Warm warm = oshi.await();           // blocks at most FIRST_SCRAPE_WAIT
 * double[] load = warm.hardware().getProcessor().getSystemLoadAverage(3);
 * }</pre>
 */
public final class OshiHost {

  /** How long a scrape waits for the warm-up before giving up on that scrape. */
  public static final Duration FIRST_SCRAPE_WAIT = Duration.ofSeconds(1);

  private static OshiHost shared;

  private final CompletableFuture<Warm> warm = new CompletableFuture<>();

  /**
   * What the warm-up produced: the HAL and OS objects (thread-safe, cached by OSHI) and the
   * interface and disk lists, enumerated once so the first scrape need not.
   *
   * @param hardware OSHI's hardware layer
   * @param os OSHI's operating system layer
   * @param networkIfs the network interfaces at warm-up, local ones included
   * @param diskStores the disks at warm-up
   */
  public record Warm(
      HardwareAbstractionLayer hardware,
      OperatingSystem os,
      List<NetworkIF> networkIfs,
      List<HWDiskStore> diskStores) {}

  private OshiHost() {}

  /** The process-wide instance; the first call starts the warm-up thread and returns at once. */
  public static synchronized OshiHost shared() {
    if (shared == null) {
      shared = new OshiHost();
      Thread thread = new Thread(shared::warmUp, "taoprom-oshi-warmup");
      thread.setDaemon(true);
      thread.start();
    }
    return shared;
  }

  /** Whether the warm-up has finished (successfully or not). */
  public boolean isDone() {
    return warm.isDone();
  }

  /**
   * The warmed OSHI objects, waiting at most {@link #FIRST_SCRAPE_WAIT}.
   *
   * @throws IllegalStateException when OSHI is still starting, or cannot read this machine
   */
  public Warm await() {
    try {
      return warm.get(FIRST_SCRAPE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "OSHI is still starting (its first call takes about 0.4 s); the next scrape will have data");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("OSHI cannot read this machine: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for OSHI", e);
    }
  }

  private void warmUp() {
    try {
      SystemInfo info = new SystemInfo();
      HardwareAbstractionLayer hardware = info.getHardware();
      OperatingSystem os = info.getOperatingSystem();
      // Touch what the collectors read so that OSHI's lazy, memoized suppliers are filled here.
      hardware.getProcessor().getProcessorCpuLoadTicks();
      hardware.getProcessor().getSystemLoadAverage(3);
      hardware.getMemory().getAvailable();
      hardware.getMemory().getVirtualMemory().getSwapTotal();
      os.getFileSystem().getFileStores();
      os.getSystemBootTime();
      os.getNetworkParams().getHostName();
      warm.complete(new Warm(hardware, os, hardware.getNetworkIFs(true), hardware.getDiskStores()));
    } catch (Throwable e) { // LinkageError from JNA included: reported through await()
      warm.completeExceptionally(e);
    }
  }
}
