package io.taoprom.chain.metadata;

import java.util.List;

/**
 * The extrinsic format: its version, the types of address, call, signature and extra, and the
 * signed extensions in the order their data is encoded.
 *
 * @param version the extrinsic format version (4)
 * @param addressType {@code MultiAddress}
 * @param callType {@code RuntimeCall}
 * @param signatureType {@code MultiSignature}
 * @param extraType the tuple of all extensions' extra data
 * @param signedExtensions the extensions, in order
 */
public record ExtrinsicMetadata(int version, int addressType, int callType, int signatureType,
    int extraType, List<SignedExtensionMetadata> signedExtensions) {}
