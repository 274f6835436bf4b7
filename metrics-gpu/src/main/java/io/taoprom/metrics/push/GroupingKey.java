package io.taoprom.metrics.push;

import io.prometheus.metrics.model.snapshots.Labels;
import io.taoprom.exporter.exposition.ExpositionNames;
import io.taoprom.untrusted.Excerpt;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The labels that name a group of pushed metrics, read from a push path as the Pushgateway reads
 * it: {@code /metrics/job/<JOB>{/<LABEL>/<VALUE>}}, where a name suffixed with {@code @base64}
 * ({@code job@base64}, {@code path@base64}) marks its value as base64 in the URL-safe alphabet
 * (padding optional, a single {@code =} for the empty value), and any other value is
 * percent-decoded as UTF-8 ({@code +} stays a plus sign, as in the Pushgateway).
 * {@code prometheus_client}'s {@code push_to_gateway} writes exactly these paths: base64 for a
 * value with a {@code /} or an empty one, {@code quote_plus} for the rest.
 *
 * <pre>{@code
 * GroupingKey key = GroupingKey.parse("/metrics/job/miner/instance/gpu-box/path@base64/L3Zhci90bXA");
 * key.labels();   // {instance="gpu-box", job="miner", path="/var/tmp"}, sorted by name
 * }</pre>
 *
 * <p>As in the Pushgateway, a label named twice takes its last value and the job segment always
 * gives {@code job}; a trailing {@code /} is ignored. Everything else that is not a valid grouping
 * key is refused with one line that says what to write instead.
 *
 * @param labels {@code job} and the other grouping labels, sorted by name
 */
public record GroupingKey(Labels labels) implements Comparable<GroupingKey> {

  /** Every push path starts with this ({@code /metrics/job/} or {@code /metrics/job@base64/}). */
  public static final String PREFIX = "/metrics/job";

  private static final String BASE64 = "@base64";
  private static final int VALUE_CHARS = 60;

  public GroupingKey {
    Objects.requireNonNull(labels, "labels");
    if (labels.get("job") == null || labels.get("job").isEmpty()) {
      throw new IllegalArgumentException("a grouping key needs a non-empty job label: " + labels);
    }
  }

  /** The job name. */
  public String job() {
    return labels.get("job");
  }

  /**
   * The grouping key of a push path, still percent-encoded as sent.
   *
   * @throws PushRefusal 404 for a path that is not a push path, 400 for one that names no valid
   *     grouping key
   */
  static GroupingKey parse(String rawPath) throws PushRefusal {
    boolean jobBase64;
    String rest;
    if (rawPath.startsWith(PREFIX + "/")) {
      jobBase64 = false;
      rest = rawPath.substring(PREFIX.length() + 1);
    } else if (rawPath.startsWith(PREFIX + BASE64 + "/")) {
      jobBase64 = true;
      rest = rawPath.substring(PREFIX.length() + BASE64.length() + 1);
    } else {
      throw new PushRefusal(404, "not found; push to /metrics/job/<JOB>{/<LABEL>/<VALUE>}");
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    String[] parts = rest.split("/", -1);
    String job = value("job", parts[0], jobBase64);
    if (job.isEmpty()) {
      throw new PushRefusal(400, "push path " + excerpt(rawPath) + ": the job name is required");
    }
    if (parts.length % 2 == 0) {
      throw new PushRefusal(400, "push path " + excerpt(rawPath) + ": label " + Excerpt.quoted(parts[parts.length - 1], 40)
          + " has no value; a job name or label value that holds a \"/\" must be base64-encoded"
          + " (/metrics/job@base64/<JOB>, <LABEL>@base64/<VALUE>)");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i += 2) {
      String written = parts[i];
      boolean base64 = written.endsWith(BASE64);
      String name = base64 ? written.substring(0, written.length() - BASE64.length()) : written;
      if (!ExpositionNames.isLabelName(name) || name.startsWith("__")) {
        throw new PushRefusal(400, "push path " + excerpt(rawPath) + ": " + Excerpt.quoted(name, 40)
            + " is not a label name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __)");
      }
      labels.put(name, value(name, parts[i + 1], base64));
    }
    labels.put("job", job); // as the Pushgateway: the job segment wins over a label called job
    String[] names = labels.keySet().toArray(new String[0]);
    String[] values = labels.values().toArray(new String[0]);
    return new GroupingKey(Labels.of(names, values));
  }

  /** A job name or label value as written in the path. */
  private static String value(String label, String written, boolean base64) throws PushRefusal {
    if (base64) {
      try {
        return utf8(Base64.getUrlDecoder().decode(stripPadding(written)), label);
      } catch (IllegalArgumentException e) {
        throw new PushRefusal(400, "push path: the value of " + label + "@base64, " + Excerpt.quoted(written, VALUE_CHARS)
            + ", is not base64 in the URL-safe alphabet (RFC 4648 section 5)");
      }
    }
    if (written.isEmpty()) {
      throw new PushRefusal(400, "push path: the value of " + label + " is empty; write an empty value as "
          + label + "@base64/= (or leave the label out)");
    }
    String decoded = percentDecoded(written, label);
    if (decoded.indexOf('/') >= 0) {
      throw new PushRefusal(400, "push path: the value of " + label + " holds an encoded \"/\"; write it base64-encoded as "
          + label + "@base64/<VALUE>");
    }
    return decoded;
  }

  private static String stripPadding(String written) {
    int end = written.length();
    while (end > 0 && written.charAt(end - 1) == '=') {
      end--;
    }
    return written.substring(0, end);
  }

  private static String percentDecoded(String written, String label) throws PushRefusal {
    if (written.indexOf('%') < 0) {
      return written;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(written.length());
    int i = 0;
    while (i < written.length()) {
      int percent = written.indexOf('%', i);
      int end = percent < 0 ? written.length() : percent;
      bytes.writeBytes(written.substring(i, end).getBytes(StandardCharsets.UTF_8));
      if (percent < 0) {
        break;
      }
      int hi = percent + 2 < written.length() ? hex(written.charAt(percent + 1)) : -1;
      int lo = hi >= 0 ? hex(written.charAt(percent + 2)) : -1;
      if (lo < 0) {
        throw new PushRefusal(400, "push path: the value of " + label + ", " + Excerpt.quoted(written, VALUE_CHARS)
            + ", has a % that does not start an escape (%XX)");
      }
      bytes.write(hi * 16 + lo);
      i = percent + 3;
    }
    return utf8(bytes.toByteArray(), label);
  }

  // ASCII hex digits only: Character.digit would take other scripts' digits.
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static String utf8(byte[] bytes, String label) throws PushRefusal {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new PushRefusal(400, "push path: the value of " + label + " is not valid UTF-8");
    }
  }

  private static String excerpt(String rawPath) {
    return Excerpt.of(rawPath, 120);
  }

  @Override
  public int compareTo(GroupingKey other) {
    return labels.compareTo(other.labels);
  }

  /** {@code {job="miner",instance="gpu-box"}}, values escaped and cut short: for messages. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < labels.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(labels.getName(i)).append('=').append(Excerpt.quoted(labels.getValue(i), VALUE_CHARS));
    }
    return out.append('}').toString();
  }
}
