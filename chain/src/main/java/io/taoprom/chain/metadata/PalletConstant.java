package io.taoprom.chain.metadata;

import java.util.List;

/**
 * A constant of a pallet, with its SCALE-encoded value.
 *
 * @param name the constant's name
 * @param type its type id
 * @param value the encoded value
 * @param docs documentation lines
 */
public record PalletConstant(String name, int type, byte[] value, List<String> docs) {}
