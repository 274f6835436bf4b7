/*
 * A fake libcuda.so.1 for TaoProm's cuda collector test: JCuda's JNI library links against
 * libcuda.so.1, so with this file first on LD_LIBRARY_PATH the real JCuda binding runs
 * against scripted devices. Declarations follow the CUDA driver API reference (cuda.h);
 * only what the collector calls is here (the dynamic linker binds the rest lazily, never).
 *
 * Build:  gcc -shared -fPIC -O2 -o libcuda.so.1 fake_cuda.c
 * Script: the file named by FAKE_CUDA_SCRIPT, read at cuInit; one directive per line:
 *   init RC | version 12040 | devices N
 *   dev I name TEXT... | cc MAJOR MINOR | sms N | clock KHZ | total BYTES | free BYTES
 *   dev I ctx RC          cuDevicePrimaryCtxRetain answers RC (e.g. 2 = OUT_OF_MEMORY)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef int CUdevice;
typedef struct fake_ctx *CUcontext;
typedef struct { char bytes[16]; } CUuuid;

#define CUDA_SUCCESS 0
#define CUDA_ERROR_INVALID_VALUE 1
#define CUDA_ERROR_NOT_INITIALIZED 3
#define CUDA_ERROR_INVALID_DEVICE 101
#define CUDA_ERROR_INVALID_CONTEXT 201
#define MAX_DEVICES 16

struct fake_ctx { int device; int retained; };

struct fake_gpu {
  char name[256];
  int cc_major, cc_minor, sms, clock_khz;
  size_t total, free_;
  CUresult ctx_result;
};

static struct fake_gpu gpus[MAX_DEVICES];
static struct fake_ctx contexts[MAX_DEVICES];
static int device_count, initialized, version = 12040;
static CUresult init_result;
static __thread CUcontext current;

static void load_script(void) {
  for (int i = 0; i < MAX_DEVICES; i++) {
    snprintf(gpus[i].name, sizeof gpus[i].name, "NVIDIA H100 80GB HBM3");
    gpus[i].cc_major = 9;
    gpus[i].cc_minor = 0;
    gpus[i].sms = 132;
    gpus[i].clock_khz = 1980000;
    gpus[i].total = 85520809984ULL;
    gpus[i].free_ = 84447068160ULL - (size_t)i * 1073741824ULL;
    contexts[i].device = i;
  }
  const char *path = getenv("FAKE_CUDA_SCRIPT");
  FILE *f = path ? fopen(path, "r") : NULL;
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = 0;
    int i, n;
    char key[32];
    if (sscanf(line, "init %d", &init_result) == 1) continue;
    if (sscanf(line, "version %d", &version) == 1) continue;
    if (sscanf(line, "devices %d", &device_count) == 1) continue;
    if (sscanf(line, "dev %d %31s %n", &i, key, &n) == 2 && i >= 0 && i < MAX_DEVICES) {
      const char *v = line + n;
      struct fake_gpu *g = &gpus[i];
      if (!strcmp(key, "name")) snprintf(g->name, sizeof g->name, "%.255s", v);
      else if (!strcmp(key, "cc")) sscanf(v, "%d %d", &g->cc_major, &g->cc_minor);
      else if (!strcmp(key, "sms")) sscanf(v, "%d", &g->sms);
      else if (!strcmp(key, "clock")) sscanf(v, "%d", &g->clock_khz);
      else if (!strcmp(key, "total")) sscanf(v, "%zu", &g->total);
      else if (!strcmp(key, "free")) sscanf(v, "%zu", &g->free_);
      else if (!strcmp(key, "ctx")) sscanf(v, "%d", &g->ctx_result);
      else fprintf(stderr, "fake_cuda: not understood: %s\n", line);
      continue;
    }
    if (line[0] && line[0] != '#') fprintf(stderr, "fake_cuda: not understood: %s\n", line);
  }
  fclose(f);
}

/* How many primary contexts are retained and not released: the test checks close() frees them. */
int fake_cuda_retained(void) {
  int n = 0;
  for (int i = 0; i < MAX_DEVICES; i++) n += contexts[i].retained;
  return n;
}

CUresult cuInit(unsigned int flags) {
  if (flags != 0) return CUDA_ERROR_INVALID_VALUE;
  if (!initialized) {
    load_script();
    initialized = 1;
  }
  return init_result;
}

CUresult cuDriverGetVersion(int *v) {
  *v = version;
  return CUDA_SUCCESS;
}

#define CHECK_DEVICE(dev)                                              \
  if (!initialized || init_result != CUDA_SUCCESS) return CUDA_ERROR_NOT_INITIALIZED; \
  if ((dev) < 0 || (dev) >= device_count) return CUDA_ERROR_INVALID_DEVICE

CUresult cuDeviceGetCount(int *count) {
  if (!initialized || init_result != CUDA_SUCCESS) return CUDA_ERROR_NOT_INITIALIZED;
  *count = device_count;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  CHECK_DEVICE(ordinal);
  *device = ordinal;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetName(char *name, int len, CUdevice dev) {
  CHECK_DEVICE(dev);
  snprintf(name, (size_t)len, "%s", gpus[dev].name);
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetUuid(CUuuid *uuid, CUdevice dev) {
  CHECK_DEVICE(dev);
  static const char base[16] = {(char)0x8f, 0x6b, 0x1c, 0x2e, 0, 0, 0x40, 0, (char)0x80, 0, 0, 0, 0, 0, 0, 0};
  memcpy(uuid->bytes, base, 16);
  uuid->bytes[15] = (char)dev;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetPCIBusId(char *bus, int len, CUdevice dev) {
  CHECK_DEVICE(dev);
  snprintf(bus, (size_t)len, "0000:%02x:00.0", 0x18 + 0x10 * dev);
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetAttribute(int *value, int attribute, CUdevice dev) {
  CHECK_DEVICE(dev);
  switch (attribute) {
    case 13: *value = gpus[dev].clock_khz; return CUDA_SUCCESS;  /* CLOCK_RATE */
    case 16: *value = gpus[dev].sms; return CUDA_SUCCESS;        /* MULTIPROCESSOR_COUNT */
    case 75: *value = gpus[dev].cc_major; return CUDA_SUCCESS;   /* COMPUTE_CAPABILITY_MAJOR */
    case 76: *value = gpus[dev].cc_minor; return CUDA_SUCCESS;   /* COMPUTE_CAPABILITY_MINOR */
    default: return CUDA_ERROR_INVALID_VALUE;
  }
}

CUresult cuDeviceTotalMem_v2(size_t *bytes, CUdevice dev) {
  CHECK_DEVICE(dev);
  *bytes = gpus[dev].total;
  return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRetain(CUcontext *ctx, CUdevice dev) {
  CHECK_DEVICE(dev);
  if (gpus[dev].ctx_result != CUDA_SUCCESS) return gpus[dev].ctx_result;
  contexts[dev].retained++;
  *ctx = &contexts[dev];
  return CUDA_SUCCESS;
}

CUresult cuDevicePrimaryCtxRelease_v2(CUdevice dev) {
  CHECK_DEVICE(dev);
  if (contexts[dev].retained <= 0) return CUDA_ERROR_INVALID_CONTEXT;
  contexts[dev].retained--;
  return CUDA_SUCCESS;
}

CUresult cuCtxSetCurrent(CUcontext ctx) {
  if (ctx && (ctx < contexts || ctx >= contexts + MAX_DEVICES || ctx->retained <= 0))
    return CUDA_ERROR_INVALID_CONTEXT;
  current = ctx;
  return CUDA_SUCCESS;
}

CUresult cuMemGetInfo_v2(size_t *free_, size_t *total) {
  if (!current) return CUDA_ERROR_INVALID_CONTEXT;
  *free_ = gpus[current->device].free_;
  *total = gpus[current->device].total;
  return CUDA_SUCCESS;
}
