/*
 * A fake libnvidia-ml for TaoProm's tests and benchmarks. It exports the NVML entry points
 * the nvml collector calls, with the signatures and struct layouts of NVIDIA's nvml.h
 * (declared here from the public API reference, not copied), and answers from a script.
 *
 * Build:   gcc -shared -fPIC -O2 -o libnvidia-ml.so.1 fake_nvml.c
 *          gcc -shared -fPIC -O2 -DOLD_DRIVER -o libnvidia-ml-old.so.1 fake_nvml.c
 * The OLD_DRIVER variant leaves out the newer entry points (the _v2/_v3 process and memory
 * calls, clock event reasons, energy, MIG, nvmlEventSetWait_v2, ...) like a driver of the
 * 418 era, so that the collector's fallbacks are exercised.
 *
 * Script: fake_nvml_load_script(path) (called by the test through JNA), or the file named by
 * FAKE_NVML_SCRIPT, read at the first nvmlInit. One directive per line, '#' starts a comment:
 *
 *   init RC                      nvmlInit returns RC (e.g. 9 = DRIVER_NOT_LOADED)
 *   driver 550.54.15             nvmlSystemGetDriverVersion
 *   cuda 12040                   nvmlSystemGetCudaDriverVersion (12.4)
 *   devices N                    N devices with deterministic defaults (see set_defaults)
 *   dev I KEY VALUE...           overrides one value of device I:
 *       name TEXT... | uuid TEXT | pci TEXT | cc MAJOR MINOR | util GPU MEM
 *       mem TOTAL USED FREE      (bytes)          | temp C (signed, to script nonsense)
 *       power MW | power_limit MW | energy MJ | clock_sm MHZ | clock_mem MHZ | fan PCT
 *       pcie_tx KBS | pcie_rx KBS | pcie_gen G | pcie_width W | ecc CORRECTED UNCORRECTED
 *       reasons MASK (0x.. ok)   clock event reasons bitmask
 *       proc PID BYTES           one compute process (repeatable)
 *       mig GI CI TOTAL USED FREE  one MIG device, and MIG mode on (repeatable)
 *       xid N                    one pending XID event (repeatable, in order)
 *       fail FIELD RC            FIELD answers RC (fields: see FIELD_NAMES)
 *       lost_after K             after K calls on this device, every call is GPU_IS_LOST
 *     read for the dcgm naming:
 *       replay N | enc PCT | dec PCT | mem_temp C | reserved BYTES
 *       remap CORRECTABLE UNCORRECTABLE PENDING FAILURE       remapped rows
 *       nvlink LINKS [TX_STEP RX_STEP]  NVLinks (0: none); every nvmlDeviceGetFieldValues call
 *                                that reads the data counters advances them by the steps (KiB)
 *                                and NVML's timestamp by exactly one second
 *       gpm off                  nvmlGpmQueryDeviceSupport says the device has no GPM
 *       gpm ID VALUE             what nvmlGpmMetricsGet gives for metric ID (nan: NOT_SUPPORTED)
 *
 * Fake-only symbols, for tests and the benchmark: fake_nvml_load_script(path),
 * fake_nvml_init_count() (nvmlInit calls not yet shut down), fake_nvml_gpm_samples() (GPM
 * sample buffers allocated and not yet freed), fake_nvml_total_calls() and
 * fake_nvml_native_scrape(rounds) (a scrape's NVML calls made from C, timed in nanoseconds).
 */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef int nvmlReturn_t;
typedef struct fake_device *nvmlDevice_t;
typedef struct fake_event_set *nvmlEventSet_t;
typedef struct fake_gpm_sample *nvmlGpmSample_t;

#define NVML_SUCCESS 0
#define NVML_ERROR_UNINITIALIZED 1
#define NVML_ERROR_INVALID_ARGUMENT 2
#define NVML_ERROR_NOT_SUPPORTED 3
#define NVML_ERROR_NOT_FOUND 6
#define NVML_ERROR_INSUFFICIENT_SIZE 7
#define NVML_ERROR_TIMEOUT 10
#define NVML_ERROR_GPU_IS_LOST 15

#define XID_CRITICAL_ERROR 0x8ULL
#define MAX_DEVICES 64
#define MAX_MIG 7
#define MAX_PROCS 256
#define MAX_EVENTS 256
#define GPM_METRIC_IDS 400
#define GPM_METRIC_MAX 333

/* The layouts of nvml.h; _Static_asserts pin the sizes the Java side relies on. */
typedef struct { unsigned long long total, free, used; } nvmlMemory_t;
typedef struct { unsigned int version; unsigned long long total, reserved, free, used; } nvmlMemory_v2_t;
typedef struct { unsigned int gpu, memory; } nvmlUtilization_t;
typedef struct {
  char busIdLegacy[16];
  unsigned int domain, bus, device, pciDeviceId, pciSubSystemId;
  char busId[32];
} nvmlPciInfo_t;
typedef struct { unsigned int pid; unsigned long long usedGpuMemory; } nvmlProcessInfo_v1_t;
typedef struct {
  unsigned int pid;
  unsigned long long usedGpuMemory;
  unsigned int gpuInstanceId, computeInstanceId;
} nvmlProcessInfo_t;
typedef struct {
  nvmlDevice_t device;
  unsigned long long eventType, eventData;
  unsigned int gpuInstanceId, computeInstanceId;
} nvmlEventData_t;

typedef struct {
  unsigned int fieldId, scopeId;
  long long timestamp, latencyUsec;
  int valueType;
  nvmlReturn_t nvmlReturn;
  union { double dVal; unsigned int uiVal; unsigned long ulVal; unsigned long long ullVal; long long sllVal; } value;
} nvmlFieldValue_t;
typedef struct {
  unsigned int metricId;
  nvmlReturn_t nvmlReturn;
  double value;
  struct { char *shortName, *longName, *unit; } metricInfo;
} nvmlGpmMetric_t;
typedef struct {
  unsigned int version, numMetrics;
  nvmlGpmSample_t sample1, sample2;
  nvmlGpmMetric_t metrics[GPM_METRIC_MAX];
} nvmlGpmMetricsGet_t;
typedef struct { unsigned int version, isSupportedDevice; } nvmlGpmSupport_t;

_Static_assert(sizeof(nvmlFieldValue_t) == 40, "nvmlFieldValue_t");
_Static_assert(offsetof(nvmlFieldValue_t, nvmlReturn) == 28, "nvmlFieldValue_t.nvmlReturn");
_Static_assert(offsetof(nvmlFieldValue_t, value) == 32, "nvmlFieldValue_t.value");
_Static_assert(sizeof(nvmlGpmMetric_t) == 40, "nvmlGpmMetric_t");
_Static_assert(offsetof(nvmlGpmMetricsGet_t, metrics) == 24, "nvmlGpmMetricsGet_t.metrics");
_Static_assert(sizeof(nvmlMemory_v2_t) == 40, "nvmlMemory_v2_t");
_Static_assert(sizeof(nvmlPciInfo_t) == 68, "nvmlPciInfo_t");
_Static_assert(sizeof(nvmlProcessInfo_v1_t) == 16, "nvmlProcessInfo_v1_t");
_Static_assert(sizeof(nvmlProcessInfo_t) == 24, "nvmlProcessInfo_t");
_Static_assert(sizeof(nvmlEventData_t) == 32, "nvmlEventData_t");

enum field {
  F_NAME, F_UUID, F_PCI, F_CC, F_UTIL, F_MEM, F_TEMP, F_POWER, F_POWER_LIMIT, F_ENERGY,
  F_CLOCK_SM, F_CLOCK_MEM, F_FAN, F_PCIE_TX, F_PCIE_RX, F_PCIE_GEN, F_PCIE_WIDTH,
  F_ECC_CORRECTED, F_ECC_UNCORRECTED, F_REASONS, F_PROCS, F_MIG, F_EVENTS,
  F_REPLAY, F_ENC, F_DEC, F_REMAP, F_FIELDS, F_MEM_TEMP, F_NVLINK, F_GPM, F_COUNT
};
static const char *FIELD_NAMES[F_COUNT] = {
  "name", "uuid", "pci", "cc", "util", "mem", "temp", "power", "power_limit", "energy",
  "clock_sm", "clock_mem", "fan", "pcie_tx", "pcie_rx", "pcie_gen", "pcie_width",
  "ecc_corrected", "ecc_uncorrected", "reasons", "procs", "mig", "events",
  "replay", "enc", "dec", "remap", "fields", "mem_temp", "nvlink", "gpm"
};

struct fake_mig { unsigned int gi, ci; unsigned long long total, used, free; };
struct fake_proc { unsigned int pid; unsigned long long used; };

struct fake_device {
  int index;
  char name[96], uuid[80], pci[32];
  int cc_major, cc_minor;
  unsigned int util_gpu, util_mem;
  unsigned long long mem_total, mem_used, mem_free;
  int temp;
  unsigned int power, power_limit;
  unsigned long long energy;
  unsigned int clock_sm, clock_mem, fan, pcie_tx, pcie_rx, pcie_gen, pcie_width;
  unsigned long long ecc_corrected, ecc_uncorrected, reasons;
  int nprocs;
  struct fake_proc procs[MAX_PROCS];
  int nmig;
  struct fake_mig mig[MAX_MIG];
  nvmlReturn_t fail[F_COUNT];
  long lost_after, calls;
  unsigned int replay, enc_util, dec_util, mem_temp;
  unsigned long long mem_reserved;
  unsigned int remap_corr, remap_unc, remap_pending, remap_failure;
  unsigned int nvlinks;
  unsigned long long nvlink_tx_kib, nvlink_rx_kib, nvlink_tx_step, nvlink_rx_step;
  long long nvlink_clock_us;
  int gpm_supported;
  double gpm[GPM_METRIC_IDS];
};

/* A GPM sample: whose, and when (a sequence number every nvmlGpmSampleGet advances). */
struct fake_gpm_sample { int magic; struct fake_device *device; long seq; };
#define GPM_MAGIC 0x47504d21

/* A MIG device handle points at one of these; its first member tells it from a GPU's. */
struct fake_mig_handle { int magic; struct fake_device *parent; int slot; };
#define MIG_MAGIC 0x4d494721

struct fake_event_set { int registered[MAX_DEVICES]; };

static struct fake_device devices[MAX_DEVICES];
static struct fake_mig_handle mig_handles[MAX_DEVICES][MAX_MIG];
static struct fake_event_set the_event_set;
static int device_count;
static nvmlReturn_t init_result;
static char driver_version[80] = "550.54.15";
static int cuda_version = 12040;
static int init_count;
static int script_loaded;
static long total_calls;
static int gpm_live;
static struct { int dev; unsigned long long xid; } events[MAX_EVENTS];
static int nevents, next_event;

static void set_defaults(struct fake_device *d, int i) {
  memset(d, 0, sizeof *d);
  d->index = i;
  snprintf(d->name, sizeof d->name, "NVIDIA H100 80GB HBM3");
  snprintf(d->uuid, sizeof d->uuid, "GPU-8f6b1c2e-0000-4000-8000-%012d", i);
  snprintf(d->pci, sizeof d->pci, "00000000:%02X:00.0", 0x18 + 0x10 * i);
  d->cc_major = 9;
  d->cc_minor = 0;
  d->util_gpu = 40 + i;
  d->util_mem = 10 + i;
  d->mem_total = 85520809984ULL;
  d->mem_used = 1073741824ULL * (unsigned long long)(i + 1);
  d->mem_free = d->mem_total - d->mem_used;
  d->temp = 35 + i;
  d->power = 100000 + 1000 * (unsigned int)i;
  d->power_limit = 700000;
  d->energy = 123456789ULL + (unsigned long long)i;
  d->clock_sm = 1980;
  d->clock_mem = 2619;
  d->fan = 30 + (unsigned int)i;
  d->pcie_tx = 1000 + (unsigned int)i;
  d->pcie_rx = 2000 + (unsigned int)i;
  d->pcie_gen = 5;
  d->pcie_width = 16;
  d->ecc_corrected = (unsigned long long)i;
  d->ecc_uncorrected = 0;
  d->reasons = 0x1; /* idle */
  d->lost_after = -1;
  d->replay = (unsigned int)i;
  d->enc_util = 2;
  d->dec_util = 3 + (unsigned int)i;
  d->mem_temp = 40 + (unsigned int)i;
  d->mem_reserved = 536870912ULL;
  d->nvlinks = 18; /* an HGX board */
  d->nvlink_tx_kib = 5000000ULL;
  d->nvlink_rx_kib = 7000000ULL;
  d->nvlink_tx_step = 1000000ULL;
  d->nvlink_rx_step = 2000000ULL;
  d->nvlink_clock_us = 1700000000000000LL;
  d->gpm_supported = 1;
  for (int m = 0; m < GPM_METRIC_IDS; m++) d->gpm[m] = NAN;
  d->gpm[1] = 45.5 + i;  /* graphics engine */
  d->gpm[2] = 40;        /* SM */
  d->gpm[3] = 25;        /* SM occupancy */
  d->gpm[5] = 12.5;      /* any tensor */
  d->gpm[10] = 30;       /* DRAM bandwidth */
  d->gpm[11] = 1;        /* FP64 */
  d->gpm[12] = 20;       /* FP32 */
  d->gpm[13] = 5;        /* FP16 */
  d->gpm[20] = 100;      /* PCIe TX, MiB/s */
  d->gpm[21] = 200.5;    /* PCIe RX, MiB/s */
  d->gpm[60] = 1000;     /* NVLink RX, MiB/s */
  d->gpm[61] = 2000;     /* NVLink TX, MiB/s */
}

static void reset_state(void) {
  device_count = 0;
  init_result = NVML_SUCCESS;
  snprintf(driver_version, sizeof driver_version, "550.54.15");
  cuda_version = 12040;
  nevents = next_event = 0; /* registrations stay: they belong to the event set, not the script */
  for (int i = 0; i < MAX_DEVICES; i++) set_defaults(&devices[i], i);
}

static int field_of(const char *name) {
  for (int f = 0; f < F_COUNT; f++)
    if (strcmp(FIELD_NAMES[f], name) == 0) return f;
  return -1;
}

/* Everything after the first n words of a line, for names with spaces. */
static const char *rest_after(const char *line, int n) {
  const char *p = line;
  for (int i = 0; i < n; i++) {
    while (*p && isspace((unsigned char)*p)) p++;
    while (*p && !isspace((unsigned char)*p)) p++;
  }
  while (*p && isspace((unsigned char)*p)) p++;
  return p;
}

static int parse_device_line(const char *line, int lineno) {
  int i;
  char key[32];
  if (sscanf(line, "dev %d %31s", &i, key) != 2 || i < 0 || i >= MAX_DEVICES) goto bad;
  struct fake_device *d = &devices[i];
  const char *v = rest_after(line, 3);
  if (!strcmp(key, "name")) snprintf(d->name, sizeof d->name, "%.95s", v);
  else if (!strcmp(key, "uuid")) snprintf(d->uuid, sizeof d->uuid, "%.79s", v);
  else if (!strcmp(key, "pci")) snprintf(d->pci, sizeof d->pci, "%.31s", v);
  else if (!strcmp(key, "cc")) { if (sscanf(v, "%d %d", &d->cc_major, &d->cc_minor) != 2) goto bad; }
  else if (!strcmp(key, "util")) { if (sscanf(v, "%u %u", &d->util_gpu, &d->util_mem) != 2) goto bad; }
  else if (!strcmp(key, "mem")) {
    if (sscanf(v, "%llu %llu %llu", &d->mem_total, &d->mem_used, &d->mem_free) != 3) goto bad;
  }
  else if (!strcmp(key, "temp")) { if (sscanf(v, "%d", &d->temp) != 1) goto bad; }
  else if (!strcmp(key, "power")) { if (sscanf(v, "%u", &d->power) != 1) goto bad; }
  else if (!strcmp(key, "power_limit")) { if (sscanf(v, "%u", &d->power_limit) != 1) goto bad; }
  else if (!strcmp(key, "energy")) { if (sscanf(v, "%llu", &d->energy) != 1) goto bad; }
  else if (!strcmp(key, "clock_sm")) { if (sscanf(v, "%u", &d->clock_sm) != 1) goto bad; }
  else if (!strcmp(key, "clock_mem")) { if (sscanf(v, "%u", &d->clock_mem) != 1) goto bad; }
  else if (!strcmp(key, "fan")) { if (sscanf(v, "%u", &d->fan) != 1) goto bad; }
  else if (!strcmp(key, "pcie_tx")) { if (sscanf(v, "%u", &d->pcie_tx) != 1) goto bad; }
  else if (!strcmp(key, "pcie_rx")) { if (sscanf(v, "%u", &d->pcie_rx) != 1) goto bad; }
  else if (!strcmp(key, "pcie_gen")) { if (sscanf(v, "%u", &d->pcie_gen) != 1) goto bad; }
  else if (!strcmp(key, "pcie_width")) { if (sscanf(v, "%u", &d->pcie_width) != 1) goto bad; }
  else if (!strcmp(key, "ecc")) {
    if (sscanf(v, "%llu %llu", &d->ecc_corrected, &d->ecc_uncorrected) != 2) goto bad;
  }
  else if (!strcmp(key, "reasons")) { d->reasons = strtoull(v, NULL, 0); }
  else if (!strcmp(key, "proc")) {
    if (d->nprocs >= MAX_PROCS) goto bad;
    struct fake_proc *p = &d->procs[d->nprocs];
    if (sscanf(v, "%u %llu", &p->pid, &p->used) != 2) goto bad;
    d->nprocs++;
  }
  else if (!strcmp(key, "mig")) {
    if (d->nmig >= MAX_MIG) goto bad;
    struct fake_mig *m = &d->mig[d->nmig];
    if (sscanf(v, "%u %u %llu %llu %llu", &m->gi, &m->ci, &m->total, &m->used, &m->free) != 5) goto bad;
    d->nmig++;
  }
  else if (!strcmp(key, "xid")) {
    if (nevents >= MAX_EVENTS || sscanf(v, "%llu", &events[nevents].xid) != 1) goto bad;
    events[nevents++].dev = i;
  }
  else if (!strcmp(key, "fail")) {
    char fname[32];
    int rc, f;
    if (sscanf(v, "%31s %d", fname, &rc) != 2 || (f = field_of(fname)) < 0) goto bad;
    d->fail[f] = rc;
  }
  else if (!strcmp(key, "lost_after")) { if (sscanf(v, "%ld", &d->lost_after) != 1) goto bad; }
  else if (!strcmp(key, "replay")) { if (sscanf(v, "%u", &d->replay) != 1) goto bad; }
  else if (!strcmp(key, "enc")) { if (sscanf(v, "%u", &d->enc_util) != 1) goto bad; }
  else if (!strcmp(key, "dec")) { if (sscanf(v, "%u", &d->dec_util) != 1) goto bad; }
  else if (!strcmp(key, "mem_temp")) { if (sscanf(v, "%u", &d->mem_temp) != 1) goto bad; }
  else if (!strcmp(key, "reserved")) { if (sscanf(v, "%llu", &d->mem_reserved) != 1) goto bad; }
  else if (!strcmp(key, "remap")) {
    if (sscanf(v, "%u %u %u %u", &d->remap_corr, &d->remap_unc, &d->remap_pending, &d->remap_failure) != 4)
      goto bad;
  }
  else if (!strcmp(key, "nvlink")) {
    int n = sscanf(v, "%u %llu %llu", &d->nvlinks, &d->nvlink_tx_step, &d->nvlink_rx_step);
    if (n != 1 && n != 3) goto bad;
  }
  else if (!strcmp(key, "gpm")) {
    unsigned int id;
    char value[32];
    if (!strcmp(v, "off")) d->gpm_supported = 0;
    else if (sscanf(v, "%u %31s", &id, value) == 2 && id < GPM_METRIC_IDS) d->gpm[id] = strtod(value, NULL);
    else goto bad;
  }
  else goto bad;
  return 0;
bad:
  fprintf(stderr, "fake_nvml: script line %d not understood: %s\n", lineno, line);
  return -1;
}

static int load_script(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "fake_nvml: cannot open script %s\n", path);
    return -1;
  }
  reset_state();
  script_loaded = 1;
  char line[512];
  int lineno = 0, rc = 0;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    line[strcspn(line, "\r\n")] = 0;
    const char *p = line;
    while (isspace((unsigned char)*p)) p++;
    if (!*p || *p == '#') continue;
    if (!strncmp(p, "dev ", 4)) { if (parse_device_line(p, lineno)) rc = -1; }
    else if (sscanf(p, "devices %d", &device_count) == 1) {
      if (device_count < 0 || device_count > MAX_DEVICES) { device_count = 0; rc = -1; }
    }
    else if (sscanf(p, "init %d", &init_result) == 1) {}
    else if (sscanf(p, "cuda %d", &cuda_version) == 1) {}
    else if (sscanf(p, "driver %79s", driver_version) == 1) {}
    else { fprintf(stderr, "fake_nvml: script line %d not understood: %s\n", lineno, p); rc = -1; }
  }
  fclose(f);
  return rc;
}

/* Replaces the whole state with the script at path. Returns 0, or -1 (reason on stderr). */
int fake_nvml_load_script(const char *path) { return load_script(path); }

/* How many nvmlInit calls are not yet matched by nvmlShutdown. */
int fake_nvml_init_count(void) { return init_count; }

/* How many GPM sample buffers are allocated and not yet freed. */
int fake_nvml_gpm_samples(void) { return gpm_live; }

/* How many NVML calls were made since the library was loaded. */
long fake_nvml_total_calls(void) { return total_calls; }

static struct fake_device *gpu_of(nvmlDevice_t h) {
  struct fake_device *d = (struct fake_device *)h;
  if (d >= devices && d < devices + device_count && d == &devices[d->index]) return d;
  return NULL;
}

static struct fake_mig_handle *mig_of(nvmlDevice_t h) {
  struct fake_mig_handle *m = (struct fake_mig_handle *)(void *)h;
  if ((void *)m >= (void *)mig_handles && (void *)m < (void *)(mig_handles + MAX_DEVICES)
      && m->magic == MIG_MAGIC)
    return m;
  return NULL;
}

/* The common prologue of a device call: initialized, a known handle, lost, scripted failure. */
static nvmlReturn_t enter(struct fake_device *d, enum field f) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  if (!d) return NVML_ERROR_INVALID_ARGUMENT;
  d->calls++;
  if (d->lost_after >= 0 && d->calls > d->lost_after) return NVML_ERROR_GPU_IS_LOST;
  return d->fail[f];
}

#define ENTER(h, f)                                   \
  struct fake_device *d = gpu_of(h);                  \
  nvmlReturn_t rc_ = enter(d, f);                     \
  if (rc_ != NVML_SUCCESS) return rc_

static nvmlReturn_t do_init(void) {
  total_calls++;
  if (!script_loaded) {
    const char *path = getenv("FAKE_NVML_SCRIPT");
    if (path && load_script(path) != 0) return NVML_ERROR_INVALID_ARGUMENT;
    script_loaded = 1;
  }
  if (init_result != NVML_SUCCESS) return init_result;
  init_count++;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlInit_v2(void) { return do_init(); }
nvmlReturn_t nvmlInit(void) { return do_init(); }

nvmlReturn_t nvmlShutdown(void) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  init_count--;
  return NVML_SUCCESS;
}

const char *nvmlErrorString(nvmlReturn_t result) {
  switch (result) {
    case 0: return "Success";
    case 1: return "Uninitialized";
    case 2: return "Invalid Argument";
    case 3: return "Not Supported";
    case 4: return "Insufficient Permissions";
    case 6: return "Not Found";
    case 7: return "Insufficient Size";
    case 9: return "Driver Not Loaded";
    case 10: return "Timeout";
    case 12: return "NVML Shared Library Not Found";
    case 13: return "Function Not Found";
    case 15: return "GPU is lost";
    case 18: return "RM has detected an NVML/RM version mismatch.";
    default: return "Unknown Error";
  }
}

static nvmlReturn_t copy_string(char *out, unsigned int length, const char *value) {
  if (!out) return NVML_ERROR_INVALID_ARGUMENT;
  if (strlen(value) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
  strcpy(out, value);
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  return copy_string(version, length, driver_version);
}

/*
 * Exported entry points never call each other (fake_nvml_native_scrape aside, which the
 * benchmark runs with one copy loaded): with several copies of the fake loaded, one per test,
 * such a call could bind to another copy's symbol. Shared code is static.
 */
static nvmlReturn_t cuda_driver_version(int *version) {
  total_calls++;
  *version = cuda_version;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlSystemGetCudaDriverVersion(int *version) { return cuda_driver_version(version); }

static nvmlReturn_t get_count(unsigned int *count) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  *count = (unsigned int)device_count;
  return NVML_SUCCESS;
}

static nvmlReturn_t get_handle(unsigned int index, nvmlDevice_t *device) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  if (index >= (unsigned int)device_count) return NVML_ERROR_INVALID_ARGUMENT;
  *device = &devices[index];
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCount(unsigned int *count) { return get_count(count); }
nvmlReturn_t nvmlDeviceGetHandleByIndex(unsigned int i, nvmlDevice_t *d) { return get_handle(i, d); }

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
  ENTER(device, F_NAME);
  return copy_string(name, length, d->name);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
  ENTER(device, F_UUID);
  return copy_string(uuid, length, d->uuid);
}

nvmlReturn_t nvmlDeviceGetPciInfo_v3(nvmlDevice_t device, nvmlPciInfo_t *pci) {
  ENTER(device, F_PCI);
  memset(pci, 0, sizeof *pci);
  snprintf(pci->busId, sizeof pci->busId, "%s", d->pci);
  snprintf(pci->busIdLegacy, sizeof pci->busIdLegacy, "%.15s", d->pci + 4);
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCudaComputeCapability(nvmlDevice_t device, int *major, int *minor) {
  ENTER(device, F_CC);
  *major = d->cc_major;
  *minor = d->cc_minor;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetUtilizationRates(nvmlDevice_t device, nvmlUtilization_t *u) {
  ENTER(device, F_UTIL);
  u->gpu = d->util_gpu;
  u->memory = d->util_mem;
  return NVML_SUCCESS;
}

static nvmlReturn_t memory_of(nvmlDevice_t device, unsigned long long *total,
                              unsigned long long *used, unsigned long long *free_) {
  struct fake_mig_handle *m = mig_of(device);
  if (m) {
    nvmlReturn_t rc = enter(m->parent, F_MIG);
    if (rc != NVML_SUCCESS) return rc;
    struct fake_mig *mig = &m->parent->mig[m->slot];
    *total = mig->total;
    *used = mig->used;
    *free_ = mig->free;
    return NVML_SUCCESS;
  }
  ENTER(device, F_MEM);
  *total = d->mem_total;
  *used = d->mem_used;
  *free_ = d->mem_free;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMemoryInfo(nvmlDevice_t device, nvmlMemory_t *memory) {
  return memory_of(device, &memory->total, &memory->used, &memory->free);
}

nvmlReturn_t nvmlDeviceGetTemperature(nvmlDevice_t device, int sensor, unsigned int *temp) {
  ENTER(device, F_TEMP);
  if (sensor != 0) return NVML_ERROR_INVALID_ARGUMENT;
  *temp = (unsigned int)d->temp; /* a scripted negative becomes the wrapped value NVML would give */
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power) {
  ENTER(device, F_POWER);
  *power = d->power;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEnforcedPowerLimit(nvmlDevice_t device, unsigned int *limit) {
  ENTER(device, F_POWER_LIMIT);
  *limit = d->power_limit;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetClockInfo(nvmlDevice_t device, int type, unsigned int *clock) {
  if (type == 1) {
    ENTER(device, F_CLOCK_SM);
    *clock = d->clock_sm;
    return NVML_SUCCESS;
  }
  if (type == 2) {
    ENTER(device, F_CLOCK_MEM);
    *clock = d->clock_mem;
    return NVML_SUCCESS;
  }
  return NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetFanSpeed(nvmlDevice_t device, unsigned int *speed) {
  ENTER(device, F_FAN);
  *speed = d->fan;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPcieThroughput(nvmlDevice_t device, int counter, unsigned int *value) {
  if (counter == 0) {
    ENTER(device, F_PCIE_TX);
    *value = d->pcie_tx;
    return NVML_SUCCESS;
  }
  if (counter == 1) {
    ENTER(device, F_PCIE_RX);
    *value = d->pcie_rx;
    return NVML_SUCCESS;
  }
  return NVML_ERROR_INVALID_ARGUMENT;
}

nvmlReturn_t nvmlDeviceGetCurrPcieLinkGeneration(nvmlDevice_t device, unsigned int *gen) {
  ENTER(device, F_PCIE_GEN);
  *gen = d->pcie_gen;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCurrPcieLinkWidth(nvmlDevice_t device, unsigned int *width) {
  ENTER(device, F_PCIE_WIDTH);
  *width = d->pcie_width;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTotalEccErrors(nvmlDevice_t device, int errorType, int counterType,
                                         unsigned long long *count) {
  if (counterType != 0) return NVML_ERROR_INVALID_ARGUMENT; /* TaoProm asks for volatile */
  if (errorType == 0) {
    ENTER(device, F_ECC_CORRECTED);
    *count = d->ecc_corrected;
    return NVML_SUCCESS;
  }
  if (errorType == 1) {
    ENTER(device, F_ECC_UNCORRECTED);
    *count = d->ecc_uncorrected;
    return NVML_SUCCESS;
  }
  return NVML_ERROR_INVALID_ARGUMENT;
}

static nvmlReturn_t clock_reasons(nvmlDevice_t device, unsigned long long *reasons) {
  ENTER(device, F_REASONS);
  *reasons = d->reasons;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCurrentClocksThrottleReasons(nvmlDevice_t device,
                                                       unsigned long long *reasons) {
  return clock_reasons(device, reasons);
}

/* Fills infos with the device's processes in the given stride; the NVML sizing protocol. */
static nvmlReturn_t list_processes(nvmlDevice_t device, unsigned int *count, void *infos,
                                   size_t stride) {
  ENTER(device, F_PROCS);
  if (*count < (unsigned int)d->nprocs || (d->nprocs > 0 && !infos)) {
    *count = (unsigned int)d->nprocs;
    return d->nprocs == 0 ? NVML_SUCCESS : NVML_ERROR_INSUFFICIENT_SIZE;
  }
  for (int i = 0; i < d->nprocs; i++) {
    char *slot = (char *)infos + stride * (size_t)i;
    memset(slot, 0, stride);
    if (stride == sizeof(nvmlProcessInfo_v1_t)) {
      nvmlProcessInfo_v1_t *p = (nvmlProcessInfo_v1_t *)slot;
      p->pid = d->procs[i].pid;
      p->usedGpuMemory = d->procs[i].used;
    } else {
      nvmlProcessInfo_t *p = (nvmlProcessInfo_t *)slot;
      p->pid = d->procs[i].pid;
      p->usedGpuMemory = d->procs[i].used;
      p->gpuInstanceId = 0xFFFFFFFFu;
      p->computeInstanceId = 0xFFFFFFFFu;
    }
  }
  *count = (unsigned int)d->nprocs;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses(nvmlDevice_t device, unsigned int *count,
                                                  nvmlProcessInfo_v1_t *infos) {
  return list_processes(device, count, infos, sizeof(nvmlProcessInfo_v1_t));
}

nvmlReturn_t nvmlDeviceGetSupportedEventTypes(nvmlDevice_t device, unsigned long long *types) {
  ENTER(device, F_EVENTS);
  *types = XID_CRITICAL_ERROR | 0x1ULL | 0x2ULL;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlEventSetCreate(nvmlEventSet_t *set) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  memset(&the_event_set, 0, sizeof the_event_set);
  *set = &the_event_set;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceRegisterEvents(nvmlDevice_t device, unsigned long long types,
                                      nvmlEventSet_t set) {
  ENTER(device, F_EVENTS);
  if (set != &the_event_set || (types & ~(XID_CRITICAL_ERROR | 0x3ULL)) != 0)
    return NVML_ERROR_INVALID_ARGUMENT;
  if (types & XID_CRITICAL_ERROR) set->registered[d->index] = 1;
  return NVML_SUCCESS;
}

/* Hands out the next pending event of a registered device; never blocks. */
static nvmlReturn_t wait_event(nvmlEventSet_t set, nvmlEventData_t *data, size_t size) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  if (set != &the_event_set) return NVML_ERROR_INVALID_ARGUMENT;
  while (next_event < nevents) {
    int dev = events[next_event].dev;
    unsigned long long xid = events[next_event].xid;
    next_event++;
    if (dev < device_count && set->registered[dev]) {
      memset(data, 0, size);
      data->device = &devices[dev];
      data->eventType = XID_CRITICAL_ERROR;
      data->eventData = xid;
      if (size == sizeof(nvmlEventData_t)) {
        data->gpuInstanceId = 0xFFFFFFFFu;
        data->computeInstanceId = 0xFFFFFFFFu;
      }
      return NVML_SUCCESS;
    }
  }
  return NVML_ERROR_TIMEOUT;
}

nvmlReturn_t nvmlEventSetWait(nvmlEventSet_t set, nvmlEventData_t *data, unsigned int timeoutms) {
  (void)timeoutms;
  return wait_event(set, data, 24); /* the pre-v2 struct ends after eventData */
}

nvmlReturn_t nvmlDeviceGetPcieReplayCounter(nvmlDevice_t device, unsigned int *value) {
  ENTER(device, F_REPLAY);
  *value = d->replay;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetEncoderUtilization(nvmlDevice_t device, unsigned int *util, unsigned int *periodUs) {
  ENTER(device, F_ENC);
  *util = d->enc_util;
  *periodUs = 167000;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetDecoderUtilization(nvmlDevice_t device, unsigned int *util, unsigned int *periodUs) {
  ENTER(device, F_DEC);
  *util = d->dec_util;
  *periodUs = 167000;
  return NVML_SUCCESS;
}

/* Memory temperature (82), NVLink count (91) and NVLink data counters (138 TX, 139 RX). */
nvmlReturn_t nvmlDeviceGetFieldValues(nvmlDevice_t device, int count, nvmlFieldValue_t *values) {
  ENTER(device, F_FIELDS);
  if (count < 0 || (count > 0 && !values)) return NVML_ERROR_INVALID_ARGUMENT;
  int advanced = 0;
  for (int i = 0; i < count; i++) {
    nvmlFieldValue_t *v = &values[i];
    v->latencyUsec = 0;
    v->timestamp = d->nvlink_clock_us;
    v->value.ullVal = 0;
    switch (v->fieldId) {
      case 82:
        v->nvmlReturn = d->fail[F_MEM_TEMP];
        v->valueType = 1; /* NVML_VALUE_TYPE_UNSIGNED_INT */
        v->value.uiVal = d->mem_temp;
        break;
      case 91:
        v->nvmlReturn = NVML_SUCCESS;
        v->valueType = 1;
        v->value.uiVal = d->nvlinks;
        break;
      case 138:
      case 139:
        if (d->nvlinks == 0) { v->nvmlReturn = NVML_ERROR_NOT_SUPPORTED; break; }
        if (v->scopeId != 0xFFFFFFFFu) { v->nvmlReturn = NVML_ERROR_INVALID_ARGUMENT; break; }
        v->nvmlReturn = d->fail[F_NVLINK];
        if (!advanced) {
          advanced = 1;
          d->nvlink_clock_us += 1000000;
          d->nvlink_tx_kib += d->nvlink_tx_step;
          d->nvlink_rx_kib += d->nvlink_rx_step;
        }
        v->timestamp = d->nvlink_clock_us;
        v->valueType = 3; /* NVML_VALUE_TYPE_UNSIGNED_LONG_LONG */
        v->value.ullVal = v->fieldId == 138 ? d->nvlink_tx_kib : d->nvlink_rx_kib;
        break;
      default:
        v->nvmlReturn = NVML_ERROR_NOT_SUPPORTED;
    }
  }
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlEventSetFree(nvmlEventSet_t set) {
  total_calls++;
  if (set != &the_event_set) return NVML_ERROR_INVALID_ARGUMENT;
  memset(&the_event_set, 0, sizeof the_event_set);
  return NVML_SUCCESS;
}

#ifndef OLD_DRIVER

nvmlReturn_t nvmlSystemGetCudaDriverVersion_v2(int *version) { return cuda_driver_version(version); }

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) { return get_count(count); }
nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int i, nvmlDevice_t *d) { return get_handle(i, d); }

nvmlReturn_t nvmlDeviceGetMemoryInfo_v2(nvmlDevice_t device, nvmlMemory_v2_t *memory) {
  if (memory->version != (unsigned int)(sizeof(nvmlMemory_v2_t) | (2u << 24)))
    return 25; /* NVML_ERROR_ARGUMENT_VERSION_MISMATCH */
  struct fake_device *gpu = gpu_of(device);
  memory->reserved = gpu ? gpu->mem_reserved : 0;
  return memory_of(device, &memory->total, &memory->used, &memory->free);
}

/* Remapped rows came with Ampere (driver 460): absent from the old driver. */
nvmlReturn_t nvmlDeviceGetRemappedRows(nvmlDevice_t device, unsigned int *corrRows, unsigned int *uncRows,
                                       unsigned int *isPending, unsigned int *failureOccurred) {
  ENTER(device, F_REMAP);
  *corrRows = d->remap_corr;
  *uncRows = d->remap_unc;
  *isPending = d->remap_pending;
  *failureOccurred = d->remap_failure;
  return NVML_SUCCESS;
}

/* GPM came with Hopper (driver 520): absent from the old driver. */
nvmlReturn_t nvmlGpmQueryDeviceSupport(nvmlDevice_t device, nvmlGpmSupport_t *support) {
  ENTER(device, F_GPM);
  if (support->version != 1) return 25;
  support->isSupportedDevice = (unsigned int)d->gpm_supported;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlGpmSampleAlloc(nvmlGpmSample_t *sample) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  struct fake_gpm_sample *s = calloc(1, sizeof *s);
  if (!s) return 20; /* NVML_ERROR_MEMORY */
  s->magic = GPM_MAGIC;
  gpm_live++;
  *sample = s;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlGpmSampleFree(nvmlGpmSample_t sample) {
  total_calls++;
  if (!sample || sample->magic != GPM_MAGIC) return NVML_ERROR_INVALID_ARGUMENT;
  sample->magic = 0;
  free(sample);
  gpm_live--;
  return NVML_SUCCESS;
}

static long gpm_seq;

nvmlReturn_t nvmlGpmSampleGet(nvmlDevice_t device, nvmlGpmSample_t sample) {
  ENTER(device, F_GPM);
  if (!sample || sample->magic != GPM_MAGIC) return NVML_ERROR_INVALID_ARGUMENT;
  if (!d->gpm_supported) return NVML_ERROR_NOT_SUPPORTED;
  sample->device = d;
  sample->seq = ++gpm_seq;
  return NVML_SUCCESS;
}

/* The scripted figures, between two samples of the same device taken in order. */
nvmlReturn_t nvmlGpmMetricsGet(nvmlGpmMetricsGet_t *mg) {
  total_calls++;
  if (init_count <= 0) return NVML_ERROR_UNINITIALIZED;
  if (mg->version != 1) return 25;
  struct fake_gpm_sample *a = mg->sample1, *b = mg->sample2;
  if (!a || !b || a->magic != GPM_MAGIC || b->magic != GPM_MAGIC || !a->device || a->device != b->device
      || a->seq >= b->seq || mg->numMetrics > GPM_METRIC_MAX)
    return NVML_ERROR_INVALID_ARGUMENT;
  for (unsigned int i = 0; i < mg->numMetrics; i++) {
    nvmlGpmMetric_t *m = &mg->metrics[i];
    m->metricInfo.shortName = m->metricInfo.longName = m->metricInfo.unit = NULL;
    if (m->metricId < GPM_METRIC_IDS && !isnan(a->device->gpm[m->metricId])) {
      m->nvmlReturn = NVML_SUCCESS;
      m->value = a->device->gpm[m->metricId];
    } else {
      m->nvmlReturn = NVML_ERROR_NOT_SUPPORTED;
      m->value = 0;
    }
  }
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
  ENTER(device, F_ENERGY);
  *energy = d->energy;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCurrentClocksEventReasons(nvmlDevice_t device,
                                                    unsigned long long *reasons) {
  return clock_reasons(device, reasons);
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v2(nvmlDevice_t device, unsigned int *count,
                                                     nvmlProcessInfo_t *infos) {
  return list_processes(device, count, infos, sizeof(nvmlProcessInfo_t));
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, unsigned int *count,
                                                     nvmlProcessInfo_t *infos) {
  return list_processes(device, count, infos, sizeof(nvmlProcessInfo_t));
}

/* Present in drivers whose _v3 process struct is 24 bytes; the collector looks for it. */
nvmlReturn_t nvmlDeviceGetRunningProcessDetailList(nvmlDevice_t device, void *plist) {
  (void)device;
  (void)plist;
  return NVML_ERROR_NOT_SUPPORTED;
}

nvmlReturn_t nvmlEventSetWait_v2(nvmlEventSet_t set, nvmlEventData_t *data, unsigned int timeoutms) {
  (void)timeoutms;
  return wait_event(set, data, sizeof(nvmlEventData_t));
}

nvmlReturn_t nvmlDeviceGetMigMode(nvmlDevice_t device, unsigned int *current, unsigned int *pending) {
  ENTER(device, F_MIG);
  *current = d->nmig > 0 ? 1 : 0;
  *pending = *current;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMaxMigDeviceCount(nvmlDevice_t device, unsigned int *count) {
  ENTER(device, F_MIG);
  *count = MAX_MIG;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetMigDeviceHandleByIndex(nvmlDevice_t device, unsigned int index,
                                                 nvmlDevice_t *mig) {
  ENTER(device, F_MIG);
  if (index >= MAX_MIG) return NVML_ERROR_INVALID_ARGUMENT;
  if ((int)index >= d->nmig) return NVML_ERROR_NOT_FOUND;
  struct fake_mig_handle *h = &mig_handles[d->index][index];
  h->magic = MIG_MAGIC;
  h->parent = d;
  h->slot = (int)index;
  *mig = (nvmlDevice_t)(void *)h;
  return NVML_SUCCESS;
}

static nvmlReturn_t mig_ids(nvmlDevice_t device, unsigned int *gi, unsigned int *ci) {
  total_calls++;
  struct fake_mig_handle *m = mig_of(device);
  if (!m) return NVML_ERROR_INVALID_ARGUMENT;
  nvmlReturn_t rc = enter(m->parent, F_MIG);
  if (rc != NVML_SUCCESS) return rc;
  if (gi) *gi = m->parent->mig[m->slot].gi;
  if (ci) *ci = m->parent->mig[m->slot].ci;
  return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetGpuInstanceId(nvmlDevice_t device, unsigned int *id) {
  return mig_ids(device, id, NULL);
}

nvmlReturn_t nvmlDeviceGetComputeInstanceId(nvmlDevice_t device, unsigned int *id) {
  return mig_ids(device, NULL, id);
}

/*
 * The library's own share of a scrape, for the benchmark: the NVML calls the collector makes
 * for every device (with processes listed and one empty event poll), made `rounds` times from
 * C, with no JNA in between. Returns the nanoseconds spent, so that the collector's cost can be
 * told from the library's.
 */
long fake_nvml_native_scrape(int rounds) {
  struct timespec t0, t1;
  nvmlReturn_t sink = 0;
  unsigned int u, u2;
  unsigned long long ull;
  nvmlUtilization_t util;
  nvmlMemory_v2_t mem;
  nvmlProcessInfo_t procs[MAX_PROCS];
  nvmlEventData_t event;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int r = 0; r < rounds; r++) {
    sink |= nvmlEventSetWait_v2(&the_event_set, &event, 0);
    for (int i = 0; i < device_count; i++) {
      nvmlDevice_t d = &devices[i];
      sink |= nvmlDeviceGetUtilizationRates(d, &util);
      mem.version = (unsigned int)(sizeof(nvmlMemory_v2_t) | (2u << 24));
      sink |= nvmlDeviceGetMemoryInfo_v2(d, &mem);
      sink |= nvmlDeviceGetTemperature(d, 0, &u);
      sink |= nvmlDeviceGetPowerUsage(d, &u);
      sink |= nvmlDeviceGetEnforcedPowerLimit(d, &u);
      sink |= nvmlDeviceGetTotalEnergyConsumption(d, &ull);
      sink |= nvmlDeviceGetClockInfo(d, 1, &u);
      sink |= nvmlDeviceGetClockInfo(d, 2, &u);
      sink |= nvmlDeviceGetFanSpeed(d, &u);
      sink |= nvmlDeviceGetPcieThroughput(d, 0, &u);
      sink |= nvmlDeviceGetPcieThroughput(d, 1, &u);
      sink |= nvmlDeviceGetCurrPcieLinkGeneration(d, &u);
      sink |= nvmlDeviceGetCurrPcieLinkWidth(d, &u);
      sink |= nvmlDeviceGetTotalEccErrors(d, 0, 0, &ull);
      sink |= nvmlDeviceGetTotalEccErrors(d, 1, 0, &ull);
      sink |= nvmlDeviceGetCurrentClocksEventReasons(d, &ull);
      u = MAX_PROCS;
      sink |= nvmlDeviceGetComputeRunningProcesses_v3(d, &u, procs);
      sink |= nvmlDeviceGetMigMode(d, &u, &u2);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return sink == 12345 ? -1 : (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
}

#endif /* OLD_DRIVER */
