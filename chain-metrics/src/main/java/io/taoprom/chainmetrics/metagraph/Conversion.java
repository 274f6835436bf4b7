package io.taoprom.chainmetrics.metagraph;

import io.taoprom.chain.codec.Values;
import java.math.BigInteger;
import java.util.Map;

/**
 * How a decoded storage value becomes a sample value: the chain keeps fixed-point u16 ratios, rao
 * (10⁻⁹ of a token) and plain block counts; Prometheus wants base units and 0–1 ratios.
 */
enum Conversion {
  /** {@code u16} fixed point: 65535 is 1. */
  RATIO_U16,
  /** {@code bool}: 1 or 0. */
  FLAG,
  /** A count or block number, as is. */
  COUNT,
  /** Rao, 10⁻⁹ of a token (TAO or a subnet's alpha). */
  TOKENS,
  /** An {@code Option<AxonInfo | PrometheusInfo>}: 1 when present with a non-zero ip. */
  SERVED;

  /** Rao per token. */
  static final double RAO_PER_TOKEN = 1e9;

  /**
   * The sample value of {@code decoded}, or null when it is not the shape this conversion reads
   * (a runtime that retyped the entry): the caller leaves the series out and says so.
   */
  Double apply(Object decoded) {
    if (this == SERVED) {
      if (decoded == null) {
        return 0.0;
      }
      if (!(decoded instanceof Map<?, ?> info)) {
        return null;
      }
      Object ip = info.get("ip");
      Double n = number(ip);
      return n == null ? null : n != 0 ? 1.0 : 0.0;
    }
    Double n = number(decoded);
    if (n == null) {
      return null;
    }
    return switch (this) {
      case RATIO_U16 -> n / 65535.0;
      case TOKENS -> n / RAO_PER_TOKEN;
      default -> n;
    };
  }

  /** A bool or an integer of any width as a double; null for anything else. */
  static Double number(Object decoded) {
    if (decoded instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    if (decoded instanceof BigInteger || decoded instanceof Integer || decoded instanceof Long
        || decoded instanceof Short || decoded instanceof Byte) {
      return Values.bigInteger(decoded).doubleValue();
    }
    return null;
  }
}
