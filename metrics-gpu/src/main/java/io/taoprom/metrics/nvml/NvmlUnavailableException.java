package io.taoprom.metrics.nvml;

/**
 * NVML cannot be used on this machine: the library is missing, is not NVML, or
 * {@code nvmlInit} failed. The message is one line meant for the operator, naming the library
 * and what to do; it never carries a stack trace of its own.
 */
public final class NvmlUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message} (one line). */
  public NvmlUnavailableException(String message) {
    super(message, null, false, false);
  }
}
