package io.taoprom.chain;

/**
 * The parts of a block header the client uses.
 *
 * @param number the block number
 * @param parentHash the parent's hash ({@code 0x…}), i.e. the hash of block {@code number - 1}
 */
public record BlockHeader(long number, String parentHash) {}
