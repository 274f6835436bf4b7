package io.taoprom.chain.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What discovery found: the target groups, in netuid then uid order, and how many chain entries
 * were left out and why.
 *
 * @param groups one group per endpoint (each has its own {@code hotkey}/{@code uid} labels)
 * @param skipped entries left out, by reason (reasons with none are absent)
 * @param netuids the subnets asked about
 */
public record SubnetTargets(List<TargetGroup> groups, Map<SkipReason, Integer> skipped, List<Integer> netuids) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public SubnetTargets {
    groups = List.copyOf(groups);
    EnumMap<SkipReason, Integer> copy = new EnumMap<>(SkipReason.class);
    skipped.forEach((k, v) -> {
      if (v > 0) {
        copy.put(k, v);
      }
    });
    skipped = Collections.unmodifiableMap(copy);
    netuids = List.copyOf(netuids);
  }

  /** The number of entries left out. */
  public int skippedCount() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** E.g. {@code "3 entries left out: 2 with ip 0, 1 with port 0"}, or null when none were. */
  public String skippedSummary() {
    int total = skippedCount();
    if (total == 0) {
      return null;
    }
    String parts = skipped.entrySet().stream()
        .map(e -> e.getValue() + " with " + e.getKey().description())
        .collect(Collectors.joining(", "));
    return total + (total == 1 ? " entry" : " entries") + " left out: " + parts;
  }

  /** Compact JSON, as {@code http_sd_configs} reads it. */
  public String toJson() {
    return write(JSON);
  }

  /** Indented JSON, for a {@code file_sd_configs} file a person may read. */
  public String toPrettyJson() {
    return write(PRETTY) + "\n";
  }

  private String write(ObjectMapper mapper) {
    List<Map<String, Object>> out = new ArrayList<>(groups.size());
    for (TargetGroup g : groups) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("targets", g.targets());
      // Sorted so that output is stable (golden files, diffs of SD files).
      m.put("labels", new java.util.TreeMap<>(g.labels()));
      out.add(m);
    }
    try {
      return mapper.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // strings and lists only: cannot happen
    }
  }
}
