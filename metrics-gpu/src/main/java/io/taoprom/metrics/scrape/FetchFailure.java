package io.taoprom.metrics.scrape;

import java.io.IOException;

/**
 * Why a scrape target gave no usable body, in one line for the log: {@code answered HTTP 500},
 * {@code redirected to another origin (http://127.0.0.2:9101/); only redirects within
 * http://127.0.0.1:9101 are followed}. Text from the target in it is escaped and cut short.
 */
final class FetchFailure extends IOException {

  private static final long serialVersionUID = 1L;

  FetchFailure(String message) {
    super(message, null);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // an expected outcome, made on every failed scrape: no stack needed
  }
}
