package io.taoprom.chain;

import io.taoprom.chain.codec.DynamicCodec;
import io.taoprom.chain.codec.Events;
import io.taoprom.chain.metadata.RuntimeMetadata;

/**
 * One runtime version of a chain with everything derived from its metadata: what encoding,
 * decoding and signing need. Built once per spec version and shared.
 *
 * @param specName the runtime's spec name ({@code node-subtensor})
 * @param specVersion the spec version ({@code CheckSpecVersion} signs it)
 * @param transactionVersion the transaction version ({@code CheckTxVersion} signs it)
 * @param metadata the decoded metadata
 * @param codec the dynamic codec over its registry
 * @param events the event decoder
 */
public record ChainRuntime(String specName, long specVersion, long transactionVersion,
    RuntimeMetadata metadata, DynamicCodec codec, Events events) {

  /** Derives the codec and event decoder from {@code metadata}. */
  public static ChainRuntime of(String specName, long specVersion, long transactionVersion,
      RuntimeMetadata metadata) {
    DynamicCodec codec = new DynamicCodec(metadata.registry());
    return new ChainRuntime(specName, specVersion, transactionVersion, metadata, codec,
        new Events(metadata, codec));
  }

  @Override
  public String toString() {
    return specName + "/" + specVersion + " (tx " + transactionVersion + ", metadata V" + metadata.version() + ")";
  }
}
