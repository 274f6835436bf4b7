package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between the chain's {@code PrometheusInfo} and the endpoint this machine would
 * register: every one of version, ip, port and ip_type (the Python original misses version).
 *
 * <pre>{@code
 * EndpointDiff d = EndpointDiff.between(onChain, wanted);
 * if (d.isEmpty()) { ... } else System.out.println(d.describe());  // "port 9400 → 9401"
 * }</pre>
 *
 * @param changes the fields that differ, in the order version, ip, port, ip_type; with no entry on
 *     chain, all four, from {@code null}
 */
public record EndpointDiff(List<Change> changes) {

  /**
   * One field that differs.
   *
   * @param field {@code version}, {@code ip}, {@code port} or {@code ip_type}
   * @param onChain the chain's value as text, or null when there is no entry
   * @param wanted this machine's value as text
   */
  public record Change(String field, String onChain, String wanted) {
    @Override
    public String toString() {
      return field + " " + (onChain == null ? "(none)" : onChain) + " -> " + wanted;
    }
  }

  public EndpointDiff {
    changes = List.copyOf(changes);
  }

  /** The differences; a field of {@code wanted} that is null (unknown) is not compared. */
  public static EndpointDiff between(PrometheusInfo onChain, Long version, IpAddress ip, Integer port) {
    List<Change> out = new ArrayList<>();
    String chainIp = onChain == null ? null : onChain.address().toString();
    if (version != null && (onChain == null || onChain.version() != version)) {
      out.add(new Change("version", onChain == null ? null : Long.toString(onChain.version()), Long.toString(version)));
    }
    if (ip != null && (onChain == null || !onChain.ip().equals(ip.value()))) {
      out.add(new Change("ip", chainIp, ip.toString()));
    }
    if (port != null && (onChain == null || onChain.port() != port)) {
      out.add(new Change("port", onChain == null ? null : Integer.toString(onChain.port()), Integer.toString(port)));
    }
    if (ip != null && (onChain == null || onChain.ipType() != ip.type())) {
      out.add(new Change("ip_type", onChain == null ? null : Integer.toString(onChain.ipType()), Integer.toString(ip.type())));
    }
    return new EndpointDiff(out);
  }

  /** The differences to a complete endpoint. */
  public static EndpointDiff between(PrometheusInfo onChain, Endpoint wanted) {
    return between(onChain, wanted.version(), wanted.ip(), wanted.port());
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** {@code version 182 -> 183, port 9400 -> 9401}, or {@code no difference}. */
  public String describe() {
    if (changes.isEmpty()) {
      return "no difference";
    }
    return String.join(", ", changes.stream().map(Change::toString).toList());
  }

  /** For JSON: field → {onChain, wanted}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Change c : changes) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("onChain", c.onChain());
      v.put("wanted", c.wanted());
      m.put(c.field(), v);
    }
    return m;
  }
}
