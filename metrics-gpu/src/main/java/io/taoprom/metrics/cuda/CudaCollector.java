package io.taoprom.metrics.cuda;

import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_CLOCK_RATE;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR;
import static jcuda.driver.CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUresult;
import jcuda.driver.CUuuid;
import jcuda.driver.JCudaDriver;

/**
 * CUDA device attributes through the driver API (JCuda): driver version, device count, and
 * per device its compute capability, multiprocessors, clock rate, total and free memory.
 *
 * <pre>{@code
 * try (CudaCollector cuda = CudaCollector.builder().freeMemory(true).build()) {
 *   registry.register(cuda);
 * }
 * }</pre>
 *
 * <p>It yields (labels {@code gpu} = CUDA ordinal, {@code uuid} as NVML and nvidia-smi print it):
 *
 * <pre>
 * cuda_driver_version_info{version="12.4"} 1
 * cuda_device_count 1.0
 * cuda_device_info{compute_capability="9.0",gpu="0",name="NVIDIA H100 80GB HBM3",pci_bus_id="00000000:18:00.0",uuid="GPU-…"} 1
 * cuda_device_multiprocessors{gpu="0",uuid="GPU-…"} 132.0
 * cuda_device_clock_hertz{gpu="0",uuid="GPU-…"} 1.98E9
 * cuda_device_memory_total_bytes{gpu="0",uuid="GPU-…"} 8.5520809984E10
 * cuda_device_memory_free_bytes{gpu="0",uuid="GPU-…"} 8.4447068160E10
 * </pre>
 *
 * <p>Free memory needs a CUDA context on each GPU ({@code cuMemGetInfo} answers for the
 * current context). The collector retains each GPU's primary context lazily, at the first
 * scrape, keeps it, and releases it in {@link #close()}. A context costs device memory (a few
 * hundred MiB) and shows TaoProm in {@code nvidia-smi}'s process list, which is why the
 * plugin is off by default and free memory can be turned off ({@code --cuda.free-memory false}).
 *
 * <p>The CUDA ordinal is not necessarily NVML's index (CUDA puts the fastest GPU first unless
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}): join with {@code gpu_info} on {@code uuid}.
 *
 * <p>Thread-safe: scrapes are serialized.
 */
public final class CudaCollector implements MultiCollector, AutoCloseable {

  private static final Logger LOG = System.getLogger(CudaCollector.class.getName());

  private final boolean freeMemory;
  private final String driverVersion;
  private final List<CudaDevice> devices = new ArrayList<>();
  private boolean closed;

  private CudaCollector(boolean freeMemory) throws CudaUnavailableException {
    this.freeMemory = freeMemory;
    init();
    int[] value = new int[1];
    check("cuDriverGetVersion", JCudaDriver.cuDriverGetVersion(value));
    driverVersion = value[0] / 1000 + "." + (value[0] % 1000) / 10;
    check("cuDeviceGetCount", JCudaDriver.cuDeviceGetCount(value));
    for (int i = 0; i < value[0]; i++) {
      devices.add(CudaDevice.open(i));
    }
  }

  /** A builder; free memory is read by default. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads JCuda's native code and calls {@code cuInit}; what {@code CudaPlugin.availability()}
   * asks. A machine without a driver fails here, in one line.
   */
  static void init() throws CudaUnavailableException {
    int rc;
    try {
      rc = JCudaDriver.cuInit(0);
    } catch (LinkageError e) {
      throw new CudaUnavailableException(JCudaLoadFailure.describe(e));
    }
    if (rc != CUresult.CUDA_SUCCESS) {
      throw new CudaUnavailableException("cuInit failed: " + CUresult.stringFor(rc)
          + (rc == CUresult.CUDA_ERROR_NO_DEVICE ? " (the driver sees no GPU)" : " (check that nvidia-smi works)"));
    }
  }

  private static void check(String call, int rc) throws CudaUnavailableException {
    if (rc != CUresult.CUDA_SUCCESS) {
      throw new CudaUnavailableException(call + " failed: " + CUresult.stringFor(rc));
    }
  }

  @Override
  public synchronized MetricSnapshots collect() {
    if (closed) {
      throw new IllegalStateException("the CUDA collector is closed");
    }
    List<io.prometheus.metrics.model.snapshots.MetricSnapshot> out = new ArrayList<>();
    out.add(InfoSnapshot.builder().name("cuda_driver_version")
        .help("Version of CUDA the installed driver supports.")
        .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", driverVersion)).build())
        .build());
    out.add(GaugeSnapshot.builder().name("cuda_device_count").help("CUDA devices the driver reports.")
        .dataPoint(GaugeDataPointSnapshot.builder().value(devices.size()).build()).build());
    if (devices.isEmpty()) {
      return new MetricSnapshots(out);
    }
    InfoSnapshot.Builder info = InfoSnapshot.builder().name("cuda_device")
        .help("CUDA device identity (name, compute_capability, pci_bus_id); join on uuid.");
    for (CudaDevice d : devices) {
      info.dataPoint(InfoDataPointSnapshot.builder().labels(d.infoLabels).build());
    }
    out.add(info.build());
    out.add(gauge("cuda_device_multiprocessors", null, "Streaming multiprocessors on the device.", d -> d.multiprocessors));
    out.add(gauge("cuda_device_clock_hertz", new Unit("hertz"), "Peak clock rate of the device.", d -> d.clockHertz));
    out.add(gauge("cuda_device_memory_total_bytes", Unit.BYTES, "Device memory in all.", d -> d.totalBytes));
    if (freeMemory) {
      for (CudaDevice d : devices) {
        d.freeBytes = d.readFreeMemory();
      }
      out.add(gauge("cuda_device_memory_free_bytes", Unit.BYTES,
          "Device memory free, as cuMemGetInfo reports it.", d -> d.freeBytes));
    }
    return new MetricSnapshots(out);
  }

  // A device whose value is unknown (NaN) is left out of the family.
  private GaugeSnapshot gauge(String name, Unit unit, String help, ToDoubleFunction<CudaDevice> value) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    if (unit != null) {
      b.unit(unit);
    }
    for (CudaDevice d : devices) {
      double v = value.applyAsDouble(d);
      if (!Double.isNaN(v)) {
        b.dataPoint(GaugeDataPointSnapshot.builder().labels(d.labels).value(v).build());
      }
    }
    return b.build();
  }

  /** Releases the primary contexts this collector retained; later scrapes fail. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (CudaDevice d : devices) {
      d.releaseContext();
    }
  }

  /** One CUDA device: attributes read once, and the primary context once retained. */
  private static final class CudaDevice {
    final int ordinal;
    final CUdevice device = new CUdevice();
    Labels labels;
    Labels infoLabels;
    double multiprocessors = Double.NaN;
    double clockHertz = Double.NaN;
    double totalBytes = Double.NaN;
    double freeBytes = Double.NaN;
    CUcontext context;
    boolean contextLogged;

    private CudaDevice(int ordinal) {
      this.ordinal = ordinal;
    }

    static CudaDevice open(int ordinal) throws CudaUnavailableException {
      CudaDevice d = new CudaDevice(ordinal);
      check("cuDeviceGet(" + ordinal + ")", JCudaDriver.cuDeviceGet(d.device, ordinal));
      byte[] name = new byte[256];
      String deviceName = JCudaDriver.cuDeviceGetName(name, name.length, d.device) == CUresult.CUDA_SUCCESS
          ? cString(name) : "";
      CUuuid uuid = new CUuuid();
      String uuidText = JCudaDriver.cuDeviceGetUuid(uuid, d.device) == CUresult.CUDA_SUCCESS
          ? formatUuid(uuid.bytes) : "";
      String[] bus = new String[1];
      String busId = JCudaDriver.cuDeviceGetPCIBusId(bus, 64, d.device) == CUresult.CUDA_SUCCESS && bus[0] != null
          ? nvmlBusId(bus[0]) : "";
      int major = d.attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
      int minor = d.attribute(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
      String capability = major >= 0 && minor >= 0 ? major + "." + minor : "";
      int sms = d.attribute(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
      d.multiprocessors = sms >= 0 ? sms : Double.NaN;
      int clockKilohertz = d.attribute(CU_DEVICE_ATTRIBUTE_CLOCK_RATE);
      d.clockHertz = clockKilohertz >= 0 ? clockKilohertz * 1000.0 : Double.NaN;
      long[] total = new long[1];
      if (JCudaDriver.cuDeviceTotalMem(total, d.device) == CUresult.CUDA_SUCCESS && total[0] > 0) {
        d.totalBytes = total[0];
      }
      d.labels = Labels.of("gpu", Integer.toString(ordinal), "uuid", uuidText);
      d.infoLabels = d.labels.merge(new String[] {"name", "compute_capability", "pci_bus_id"},
          new String[] {deviceName, capability, busId});
      return d;
    }

    private int attribute(int attribute) {
      int[] value = new int[1];
      int rc = JCudaDriver.cuDeviceGetAttribute(value, attribute, device);
      return rc == CUresult.CUDA_SUCCESS ? value[0] : -1;
    }

    /** Free memory in bytes, retaining the primary context on first use; NaN when it fails. */
    double readFreeMemory() {
      if (context == null) {
        CUcontext retained = new CUcontext();
        int rc = JCudaDriver.cuDevicePrimaryCtxRetain(retained, device);
        if (rc != CUresult.CUDA_SUCCESS) {
          if (!contextLogged) {
            contextLogged = true;
            LOG.log(Level.WARNING, "CUDA device " + ordinal + ": no context for cuMemGetInfo ("
                + CUresult.stringFor(rc) + "); cuda_device_memory_free_bytes is left out for it");
          }
          return Double.NaN;
        }
        context = retained;
      }
      long[] free = new long[1];
      long[] total = new long[1];
      // cuMemGetInfo answers for the calling thread's current context; scrapes run on
      // whatever thread the exporter picks, so bind it, then leave the thread as it was.
      int rc = JCudaDriver.cuCtxSetCurrent(context);
      if (rc == CUresult.CUDA_SUCCESS) {
        rc = JCudaDriver.cuMemGetInfo(free, total);
        JCudaDriver.cuCtxSetCurrent(new CUcontext());
      }
      return rc == CUresult.CUDA_SUCCESS ? free[0] : Double.NaN;
    }

    void releaseContext() {
      if (context != null) {
        JCudaDriver.cuDevicePrimaryCtxRelease(device);
        context = null;
      }
    }
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8).strip();
  }

  /** {@code GPU-8f6b1c2e-…}: the 16 bytes of a CUuuid as NVML and nvidia-smi print them. */
  static String formatUuid(byte[] b) {
    if (b == null || b.length != 16) {
      return "";
    }
    StringBuilder s = new StringBuilder("GPU-");
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        s.append('-');
      }
      s.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    return s.toString();
  }

  /** {@code 00000000:18:00.0}: CUDA's {@code 0000:18:00.0} in NVML's form, for joins on pci_bus_id. */
  static String nvmlBusId(String cuda) {
    String id = cuda.strip().toUpperCase(java.util.Locale.ROOT);
    int colon = id.indexOf(':');
    if (colon > 0 && colon < 8) {
      id = "0".repeat(8 - colon) + id;
    }
    return id;
  }

  /**
   * Settings of a {@link CudaCollector}.
   *
   * <pre>{@code
   * CudaCollector cuda = CudaCollector.builder().freeMemory(false).build();
   * }</pre>
   */
  public static final class Builder {
    private boolean freeMemory = true;

    private Builder() {}

    /** Whether to read free memory, which needs a CUDA context per GPU (see the class doc). */
    public Builder freeMemory(boolean freeMemory) {
      this.freeMemory = freeMemory;
      return this;
    }

    /**
     * Loads JCuda, initializes the driver API and reads the devices' attributes.
     *
     * @throws CudaUnavailableException when CUDA cannot be used here, with a one-line reason
     */
    public CudaCollector build() throws CudaUnavailableException {
      return new CudaCollector(freeMemory);
    }
  }
}
