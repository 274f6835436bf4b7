package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.ScrapeDeadline;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Per-GPU metrics from NVML: utilization, memory, temperature, power and energy, clocks, fan,
 * PCIe, ECC and XID errors, clock event (throttle) reasons, per-process memory and MIG
 * instances. NVML is initialized once when the collector is built and shut down by
 * {@link #close()}; device handles and identity are read once and cached.
 *
 * <pre>{@code
 * try (NvmlCollector nvml = NvmlCollector.builder().maxProcesses(16).build()) {
 *   registry.register(nvml);
 *   ...
 * }
 * }</pre>
 *
 * <p>It yields, per GPU (labels {@code gpu} = NVML index, {@code uuid}):
 *
 * <pre>
 * gpu_info{gpu="0",uuid="GPU-8f6b…",name="NVIDIA H100 80GB HBM3",driver_version="550.54.15",cuda_version="12.4",pci_bus_id="00000000:18:00.0",compute_capability="9.0"} 1
 * gpu_utilization_ratio{gpu="0",uuid="GPU-8f6b…"} 0.4
 * gpu_memory_used_bytes{gpu="0",uuid="GPU-8f6b…"} 1.073741824E9
 * gpu_power_watts{gpu="0",uuid="GPU-8f6b…"} 100.0
 * gpu_clock_event_active{gpu="0",reason="sw_power_cap",uuid="GPU-8f6b…"} 0.0
 * gpu_process_memory_used_bytes{gpu="0",pid="4242",process="python3",uuid="GPU-8f6b…"} 5.36870912E8
 * taoprom_nvml_device_up{gpu="0",uuid="GPU-8f6b…"} 1.0
 * </pre>
 *
 * <p>With {@link Builder#names(NvmlNames) names(NvmlNames.DCGM)} the per-GPU figures are served as
 * dcgm-exporter names them instead ({@link DcgmSeries}), for NVIDIA's Grafana dashboards:
 *
 * <pre>
 * DCGM_FI_DEV_GPU_TEMP{DCGM_FI_DRIVER_VERSION="550.54.15",Hostname="gpu-node-1",UUID="GPU-8f6b…",device="nvidia0",gpu="0",modelName="NVIDIA H100 80GB HBM3",pci_bus_id="00000000:18:00.0"} 35.0
 * </pre>
 *
 * <p>A field the GPU does not support is left out and counted in
 * {@code taoprom_nvml_unsupported_fields{field}}; a GPU that is lost is reported with
 * {@code taoprom_nvml_device_up 0} while the others are still served. See {@code docs/gpu.md}.
 *
 * <p>Thread-safe: scrapes are serialized (NVML work and the scratch memory are shared).
 */
public final class NvmlCollector implements MultiCollector, AutoCloseable {

  private static final Logger LOG = System.getLogger(NvmlCollector.class.getName());
  // How long a scrape waits for the one before it outside a deadline-bound scrape.
  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

  private final NvmlLibrary lib;
  private final ReentrantLock lock = new ReentrantLock();
  private final FieldHealth health = new FieldHealth();
  private final ProcessNames processNames = new ProcessNames();
  private final NvmlNames names;
  private final String hostname;
  private final DeviceReader reader;
  private final GpmSampler gpm;
  private final DcgmReader dcgmReader;
  private final XidEvents xid;
  private final Set<NvmlField> unsupported = EnumSet.noneOf(NvmlField.class);
  private final List<GpuDevice> devices = new ArrayList<>();
  private final Map<Long, GpuDevice> byHandle = new HashMap<>();
  private final String driverVersion;
  private final String cudaVersion;
  private boolean closed;

  private NvmlCollector(NvmlLibrary lib, Builder settings) throws NvmlUnavailableException {
    this.lib = lib;
    this.names = settings.names;
    this.hostname = settings.hostname;
    this.reader = new DeviceReader(lib, health, processNames, settings.maxProcesses, settings.pcieThroughput);
    this.gpm = new GpmSampler(lib, health, settings.gpmMinIntervalNanos, settings.nanoTime);
    this.dcgmReader = new DcgmReader(lib, health, gpm);
    this.xid = new XidEvents(lib, health);
    Memory scratch = reader.scratch();
    int rc = lib.init();
    if (rc != NvmlReturn.SUCCESS) {
      throw new NvmlUnavailableException(initFailure(lib, rc));
    }
    try {
      rc = lib.systemGetDriverVersion(scratch, 80);
      driverVersion = rc == NvmlReturn.SUCCESS ? scratch.getString(0, "UTF-8").strip() : "";
      rc = lib.systemGetCudaDriverVersion(scratch);
      cudaVersion = rc == NvmlReturn.SUCCESS ? cudaVersion(scratch.getInt(0)) : "";
      rc = lib.deviceGetCount(scratch);
      if (rc != NvmlReturn.SUCCESS) {
        throw new NvmlUnavailableException("NVML cannot count the GPUs: " + lib.describe(rc));
      }
      int count = scratch.getInt(0);
      for (int i = 0; i < count; i++) {
        devices.add(new GpuDevice(i));
      }
      lock.lock();
      try {
        for (GpuDevice gpu : devices) {
          prepare(gpu);
        }
      } finally {
        lock.unlock();
      }
    } catch (NvmlUnavailableException | RuntimeException e) {
      lib.shutdown(); // balance the init: nobody will close a collector that was never built
      throw e;
    }
    if (!lib.fallbacks().isEmpty()) {
      LOG.log(Level.DEBUG, () -> "NVML " + lib.path() + " entry points: " + lib.fallbacks());
    }
  }

  /** A builder with the defaults: the driver's library, 32 processes per GPU, PCIe throughput on. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The reason NVML init failed, in one line: the library loaded but the driver behind it is
   * missing or does not match.
   */
  static String initFailure(NvmlLibrary lib, int rc) {
    String hint = switch (NvmlReturn.name(rc)) {
      case "driver_not_loaded" -> "the NVIDIA kernel module is not loaded (is this a GPU machine? try nvidia-smi)";
      case "no_permission" -> "TaoProm may not open /dev/nvidia*; run it as a user with access to the GPUs";
      case "lib_rm_version_mismatch" -> "the library and the kernel module are from different driver versions;"
          + " reboot after a driver upgrade";
      default -> "check that nvidia-smi works";
    };
    return "NVML init failed with " + lib.path() + ": " + lib.describe(rc) + "; " + hint;
  }

  /** "12.4" from NVML's 12040. */
  static String cudaVersion(int version) {
    return version <= 0 ? "" : version / 1000 + "." + (version % 1000) / 10;
  }

  // Gets the handle and identity, and registers for XID events; a failure here is retried on
  // the next scrape, since a GPU that is lost at start may come back after a reset.
  private void prepare(GpuDevice gpu) {
    try {
      identify(gpu);
    } catch (DeviceLostException e) {
      markLost(gpu, e.code);
    }
  }

  private void identify(GpuDevice gpu) throws DeviceLostException {
    boolean known = gpu.identified;
    reader.identify(gpu, driverVersion, cudaVersion);
    if (!known && names.dcgm()) {
      gpu.identifyDcgm(driverVersion, hostname);
    }
    byHandle.put(Pointer.nativeValue(gpu.handle), gpu);
    xid.register(gpu, reader.scratch());
  }

  @Override
  public MetricSnapshots collect() {
    Duration wait = ScrapeDeadline.remaining().orElse(DEFAULT_WAIT);
    try {
      if (!lock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new IllegalStateException("the previous NVML scrape has not finished"
            + " (a driver call may hang; check nvidia-smi); this scrape is skipped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the previous NVML scrape", e);
    }
    try {
      if (closed) {
        throw new IllegalStateException("the NVML collector is closed");
      }
      return scrape();
    } finally {
      lock.unlock();
    }
  }

  private MetricSnapshots scrape() {
    health.beginScrape();
    SeriesBuffer out = new SeriesBuffer();
    out.add(GpuSeries.DEVICES, Labels.EMPTY, devices.size());
    xid.drain(byHandle, reader.scratch());
    for (GpuDevice gpu : devices) {
      int[] mark = out.mark();
      boolean up;
      try {
        if (!gpu.identified || !gpu.xidRegistered && !gpu.xidUnsupported) {
          identify(gpu);
        }
        unsupported.clear();
        if (names.taoprom()) {
          reader.read(gpu, out, unsupported);
        }
        if (names.dcgm()) {
          dcgmReader.read(gpu, out, unsupported);
        }
        // The GPU answered to the end: its NOT_SUPPORTED answers count for this scrape, once.
        unsupported.addAll(gpu.identityUnsupported);
        if (gpu.xidUnsupported) {
          unsupported.add(NvmlField.XID_EVENTS);
        }
        unsupported.forEach(health::unsupported);
        up = true;
        if (gpu.lost) {
          gpu.lost = false;
          LOG.log(Level.INFO, gpu + " answers again");
        }
      } catch (DeviceLostException e) {
        out.rollback(mark);
        markLost(gpu, e.code);
        // Figures between a sample before the loss and one after it would mean nothing.
        GpmSampler.forget(gpu);
        gpu.nvlinkPreviousMicros = 0;
        up = false;
      }
      if (gpu.identified && names.taoprom()) {
        out.add(GpuSeries.GPU_INFO, gpu.infoLabels, 1);
      }
      out.add(GpuSeries.DEVICE_UP, gpu.labels, up ? 1 : 0);
      // Kept for a lost GPU too: the XID that came before it fell off the bus is the clue.
      if (names.taoprom()) {
        gpu.xidCounts.forEach((code, n) -> out.add(GpuSeries.XID_ERRORS, gpu.labels.add("xid", code), n));
      }
      if (names.dcgm() && gpu.identified && gpu.xidRegistered) {
        // dcgm-exporter's err_code label repeats the value; its err_msg (NVIDIA's XID catalogue) is not served.
        out.add(DcgmSeries.XID_ERRORS, gpu.dcgmLabels.add("err_code", Long.toString(gpu.lastXid)), gpu.lastXid);
      }
    }
    health.writeTo(out);
    processNames.endScrape();
    List<Family> duplicates = new ArrayList<>();
    MetricSnapshots snapshots = out.build(duplicates);
    for (Family series : duplicates) {
      // Counted from the next scrape on: this one's snapshots are built.
      NvmlField field = series == GpuSeries.MIG_MEMORY_USED || series == GpuSeries.MIG_MEMORY_FREE
          || series == GpuSeries.MIG_MEMORY_TOTAL ? NvmlField.MIG
          : series == GpuSeries.XID_ERRORS ? NvmlField.XID_EVENTS
          : NvmlField.PROCESSES;
      health.failed(field, "duplicate", "NVML listed the same " + series.metricName()
          + " series twice; the second one was left out");
    }
    return snapshots;
  }

  private void markLost(GpuDevice gpu, int code) {
    if (!gpu.lost) {
      gpu.lost = true;
      LOG.log(Level.WARNING, gpu + " stopped answering: " + lib.describe(code)
          + "; its series are left out and taoprom_nvml_device_up is 0 until it answers again"
          + " (a lost GPU usually needs a reset or a reboot)");
    }
  }

  /** Frees the XID event set and shuts NVML down; later scrapes fail. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      xid.close();
      gpm.close();
      int rc = lib.shutdown();
      if (rc != NvmlReturn.SUCCESS) {
        LOG.log(Level.WARNING, "nvmlShutdown failed: " + lib.describe(rc));
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Settings of an {@link NvmlCollector}.
   *
   * <pre>{@code
   * NvmlCollector nvml = NvmlCollector.builder()
   *     .library("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1")
   *     .maxProcesses(8)
   *     .pcieThroughput(false)
   *     .build();
   * }</pre>
   */
  public static final class Builder {

    /** The most per-process series a GPU may have; more would be a cardinality problem. */
    public static final int MAX_PROCESSES_LIMIT = 1024;

    private String library = NvmlLibrary.DEFAULT_PATH;
    private int maxProcesses = 32;
    private boolean pcieThroughput = true;
    private NvmlNames names = NvmlNames.TAOPROM;
    private String hostname = "";
    private long gpmMinIntervalNanos = GpmSampler.DEFAULT_MIN_INTERVAL_NANOS;
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /**
     * Which names the per-GPU figures are served under: TaoProm's {@code gpu_*} (the default),
     * dcgm-exporter's {@code DCGM_FI_*}, or both.
     */
    public Builder names(NvmlNames names) {
      this.names = Objects.requireNonNull(names, "names");
      return this;
    }

    /**
     * The {@code Hostname} label of the dcgm naming, as dcgm-exporter sets it ({@code NODE_NAME}
     * in Kubernetes, else the host name); empty (the default) leaves the label out.
     */
    public Builder hostname(String hostname) {
      this.hostname = Objects.requireNonNull(hostname, "hostname").strip();
      return this;
    }

    /** For tests: the shortest GPM interval, and the clock it is measured with. */
    Builder gpmClock(long minIntervalNanos, LongSupplier nanoTime) {
      this.gpmMinIntervalNanos = minIntervalNanos;
      this.nanoTime = nanoTime;
      return this;
    }

    /** The NVML library to load: a path, or a name the dynamic linker looks for. */
    public Builder library(String library) {
      if (library == null || library.isBlank()) {
        throw new IllegalArgumentException("the NVML library path is empty");
      }
      this.library = library;
      return this;
    }

    /**
     * How many processes per GPU get a {@code gpu_process_memory_used_bytes} series (those
     * using the most memory); 0 turns per-process series off.
     */
    public Builder maxProcesses(int maxProcesses) {
      if (maxProcesses < 0 || maxProcesses > MAX_PROCESSES_LIMIT) {
        throw new IllegalArgumentException("max processes must be from 0 to " + MAX_PROCESSES_LIMIT
            + ", got " + maxProcesses);
      }
      this.maxProcesses = maxProcesses;
      return this;
    }

    /**
     * Whether to read PCIe throughput; the driver samples each direction for 20 ms, so a
     * scrape of 8 GPUs spends about 320 ms on it.
     */
    public Builder pcieThroughput(boolean pcieThroughput) {
      this.pcieThroughput = pcieThroughput;
      return this;
    }

    /**
     * Loads the library, initializes NVML and reads the GPUs' identity.
     *
     * @throws NvmlUnavailableException when NVML cannot be used here, with a one-line reason
     */
    public NvmlCollector build() throws NvmlUnavailableException {
      return new NvmlCollector(NvmlLibrary.load(library), this);
    }
  }
}
