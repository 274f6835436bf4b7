package io.taoprom.chain.metadata;

import io.taoprom.chain.ChainException;

/**
 * Metadata could not be decoded (truncated, malformed, hostile or of an unsupported version), or
 * does not contain what was asked for (a pallet, call, storage entry or type). The message says
 * what was looked for and where.
 */
public class MetadataException extends ChainException {

  private static final long serialVersionUID = 1L;

  public MetadataException(String message) {
    super(message);
  }

  public MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
