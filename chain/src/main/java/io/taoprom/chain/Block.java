package io.taoprom.chain;

import java.util.List;

/**
 * A block's number and extrinsics, from {@code chain_getBlock}.
 *
 * @param hash the block hash
 * @param number the block number
 * @param extrinsics the extrinsics as {@code 0x} hex, in block order
 */
public record Block(String hash, long number, List<String> extrinsics) {}
