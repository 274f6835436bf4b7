package io.taoprom.chain.metadata;

/**
 * A signed (transaction) extension as the metadata lists it.
 *
 * @param identifier its name ({@code CheckMortality}, {@code ChargeTransactionPayment}, ...)
 * @param type the type of the data it adds to the extrinsic ("extra")
 * @param additionalSigned the type of the data it adds only to the signed payload ("implicit")
 */
public record SignedExtensionMetadata(String identifier, int type, int additionalSigned) {}
