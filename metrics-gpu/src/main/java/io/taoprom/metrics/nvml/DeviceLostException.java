package io.taoprom.metrics.nvml;

/**
 * A GPU answered {@code GPU_IS_LOST} or {@code RESET_REQUIRED}: everything read from it this
 * scrape is dropped and it is reported down. Control flow only, so no stack trace is filled.
 */
final class DeviceLostException extends Exception {

  private static final long serialVersionUID = 1L;

  final int code;

  DeviceLostException(int code) {
    super(NvmlReturn.name(code), null, false, false);
    this.code = code;
  }
}
