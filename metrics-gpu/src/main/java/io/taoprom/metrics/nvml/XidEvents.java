package io.taoprom.metrics.nvml;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * XID critical errors through one NVML event set: each GPU is registered once (where it can
 * deliver XID events), and every scrape takes the pending events without waiting and counts
 * them on their GPU. Between scrapes the driver queues the events.
 *
 * <p>Guarded by the collector's scrape lock.
 */
final class XidEvents implements AutoCloseable {

  /** Events taken per scrape at most, so that an event storm cannot hold a scrape forever. */
  static final int MAX_EVENTS_PER_SCRAPE = 1024;

  private final NvmlLibrary lib;
  private final FieldHealth health;
  private Pointer set;
  private boolean setFailed;

  XidEvents(NvmlLibrary lib, FieldHealth health) {
    this.lib = lib;
    this.health = health;
  }

  /**
   * Registers the GPU for XID events unless done or impossible; marks it
   * {@link GpuDevice#xidUnsupported} when it cannot deliver them.
   */
  void register(GpuDevice gpu, Memory scratch) throws DeviceLostException {
    if (gpu.xidRegistered || gpu.xidUnsupported) {
      return;
    }
    if (!lib.hasEvents() || !createSet(scratch)) {
      gpu.xidUnsupported = true;
      return;
    }
    int rc = lib.deviceGetSupportedEventTypes(gpu.handle, scratch);
    if (rc == NvmlReturn.SUCCESS && (scratch.getLong(0) & NvmlLibrary.EVENT_XID_CRITICAL_ERROR) == 0) {
      gpu.xidUnsupported = true;
      return;
    }
    if (rc == NvmlReturn.SUCCESS) {
      rc = lib.deviceRegisterEvents(gpu.handle, NvmlLibrary.EVENT_XID_CRITICAL_ERROR, set);
    }
    if (rc == NvmlReturn.SUCCESS) {
      gpu.xidRegistered = true;
    } else if (rc == NvmlReturn.NOT_SUPPORTED) {
      gpu.xidUnsupported = true;
    } else if (NvmlReturn.isDeviceGone(rc)) {
      throw new DeviceLostException(rc);
    } else {
      health.failed(gpu, NvmlField.XID_EVENTS, rc, lib); // retried next scrape
    }
  }

  private boolean createSet(Memory scratch) {
    if (set != null) {
      return true;
    }
    if (setFailed) {
      return false;
    }
    int rc = lib.eventSetCreate(scratch);
    if (rc != NvmlReturn.SUCCESS) {
      setFailed = true;
      health.logOnce("event set", "NVML could not create an event set: " + lib.describe(rc)
          + "; gpu_xid_errors_total is left out");
      return false;
    }
    set = scratch.getPointer(0);
    return true;
  }

  /** Counts the pending XID events on their GPUs, by handle address; never waits. */
  void drain(Map<Long, GpuDevice> byHandle, Memory scratch) {
    if (set == null) {
      return;
    }
    for (int i = 0; i < MAX_EVENTS_PER_SCRAPE; i++) {
      int rc = lib.eventSetPoll(set, scratch);
      if (rc == NvmlReturn.TIMEOUT) {
        return;
      }
      if (rc != NvmlReturn.SUCCESS) {
        health.failed(NvmlField.XID_EVENTS, NvmlReturn.name(rc),
            "NVML could not read XID events: " + lib.describe(rc));
        return;
      }
      long type = scratch.getLong(8);
      GpuDevice gpu = byHandle.get(Pointer.nativeValue(scratch.getPointer(0)));
      if (gpu != null && (type & NvmlLibrary.EVENT_XID_CRITICAL_ERROR) != 0) {
        gpu.countXid(scratch.getLong(16));
      }
    }
  }

  @Override
  public void close() {
    if (set != null) {
      lib.eventSetFree(set);
      set = null;
    }
  }
}
