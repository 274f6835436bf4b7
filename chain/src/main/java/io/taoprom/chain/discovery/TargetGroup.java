package io.taoprom.chain.discovery;

import java.util.List;
import java.util.Map;

/**
 * One Prometheus SD target group: {@code {"targets": ["host:port"], "labels": {...}}}.
 *
 * @param targets {@code host:port} addresses (IPv6 bracketed)
 * @param labels labels Prometheus attaches to every series scraped from these targets
 */
public record TargetGroup(List<String> targets, Map<String, String> labels) {

  public TargetGroup {
    targets = List.copyOf(targets);
    labels = Map.copyOf(labels);
  }
}
