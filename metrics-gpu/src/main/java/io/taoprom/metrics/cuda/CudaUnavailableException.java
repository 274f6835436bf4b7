package io.taoprom.metrics.cuda;

/**
 * CUDA cannot be used on this machine: JCuda is not on the classpath, its native library or
 * the driver's {@code libcuda.so.1} cannot be loaded, or {@code cuInit} failed. The message is
 * one line for the operator; there is no stack trace of its own.
 */
public final class CudaUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message} (one line). */
  public CudaUnavailableException(String message) {
    super(message, null, false, false);
  }
}
