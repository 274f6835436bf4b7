package io.taoprom.chain.metadata;

import java.util.List;

/**
 * One entry of the portable registry.
 *
 * @param id the type id other entries refer to
 * @param path the Rust path ({@code ["pallet_subtensor", "PrometheusInfo"]}), empty for
 *     primitives, tuples, sequences and arrays
 * @param params generic parameters
 * @param def the shape
 * @param docs documentation lines
 */
public record PortableType(int id, List<String> path, List<TypeParameter> params, TypeDef def,
    List<String> docs) {

  /** A generic parameter; {@code type} is null when the parameter was not instantiated. */
  public record TypeParameter(String name, Integer type) {}

  /** The last segment of the path, or an empty string. */
  public String simpleName() {
    return path.isEmpty() ? "" : path.get(path.size() - 1);
  }
}
