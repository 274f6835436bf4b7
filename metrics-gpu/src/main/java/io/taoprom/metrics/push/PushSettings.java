package io.taoprom.metrics.push;

import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The push collector's options: who may push, and the bounds on what is kept.
 *
 * <pre>{@code
 * PushSettings settings = PushSettings.parse(CollectorConfig.of(Map.of(
 *     "push.allowed-cidr", List.of("10.0.0.0/8"),
 *     "push.expiry", List.of("10m"))));
 * }</pre>
 *
 * @param allowed client addresses a push is accepted from (loopback unless set)
 * @param maxGroups groups held at once; a push that would start one more is refused
 * @param maxSeries series held by all groups together
 * @param maxGroupSeries series held by one group
 * @param maxBodyBytes a push body, and the same body uncompressed
 * @param expiry how long a group is kept after its last successful push; empty: until deleted
 */
public record PushSettings(
    ClientAddresses allowed, int maxGroups, int maxSeries, int maxGroupSeries, int maxBodyBytes,
    Optional<Duration> expiry) {

  static final String ALLOWED_CIDR = "push.allowed-cidr";
  static final String MAX_GROUPS = "push.max-groups";
  static final String MAX_SERIES = "push.max-series";
  static final String MAX_GROUP_SERIES = "push.max-group-series";
  static final String MAX_BODY_BYTES = "push.max-body-bytes";
  static final String EXPIRY = "push.expiry";

  /** Defaults: loopback, 1,000 groups, 120,000 series in all, 20,000 per group, 4 MiB bodies, no expiry. */
  public static final PushSettings DEFAULTS = new PushSettings(
      ClientAddresses.LOOPBACK, 1000, ExpositionReader.DEFAULT_MAX_SERIES, 20_000, 4 << 20, Optional.empty());

  private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(b|k|kb|kib|m|mb|mib)?");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h|d)");

  public PushSettings {
    Objects.requireNonNull(allowed, "allowed");
    Objects.requireNonNull(expiry, "expiry");
  }

  /** The options the push plugin offers, as {@code --push.NAME} on the command line. */
  static List<CollectorOption> options() {
    return List.of(
        CollectorOption.repeatable(ALLOWED_CIDR, "CIDR",
            "Accept pushes from these client addresses (e.g. 10.0.0.0/8, fd00::/8) instead of loopback only;"
                + " repeatable. Put --web.config.file basic auth or client certificates in front of an opened push"),
        CollectorOption.single(MAX_GROUPS, "N", "Most push groups held at once; a push that would start another is refused",
            Integer.toString(DEFAULTS.maxGroups())),
        CollectorOption.single(MAX_SERIES, "N", "Most series all push groups hold together",
            Integer.toString(DEFAULTS.maxSeries())),
        CollectorOption.single(MAX_GROUP_SERIES, "N", "Most series one push group holds",
            Integer.toString(DEFAULTS.maxGroupSeries())),
        CollectorOption.single(MAX_BODY_BYTES, "SIZE", "Largest push body, compressed and uncompressed (e.g. 4MiB, 512KiB)",
            "4MiB"),
        CollectorOption.single(EXPIRY, "DURATION",
            "Drop a push group not pushed for this long (e.g. 10m, 1h, 7d); 0 keeps groups until deleted", "0"));
  }

  /**
   * The settings in {@code config}, defaults for what it lacks.
   *
   * @throws IllegalArgumentException naming the option whose value is not valid
   */
  public static PushSettings parse(CollectorConfig config) {
    List<String> cidrs = config.values(ALLOWED_CIDR);
    ClientAddresses allowed;
    try {
      allowed = cidrs.isEmpty() ? ClientAddresses.LOOPBACK : ClientAddresses.parse(cidrs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("option " + ALLOWED_CIDR + " " + e.getMessage(), e);
    }
    return new PushSettings(allowed,
        count(config, MAX_GROUPS, DEFAULTS.maxGroups()),
        count(config, MAX_SERIES, DEFAULTS.maxSeries()),
        count(config, MAX_GROUP_SERIES, DEFAULTS.maxGroupSeries()),
        size(config, MAX_BODY_BYTES, DEFAULTS.maxBodyBytes()),
        expiry(config));
  }

  private static int count(CollectorConfig config, String option, int fallback) {
    String value = config.value(option).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= 10_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("option " + option + " '" + value + "' is not a whole number from 1 to 10000000");
  }

  private static int size(CollectorConfig config, String option, int fallback) {
    String value = config.value(option).orElse(null);
    if (value == null) {
      return fallback;
    }
    Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2) == null ? "b" : m.group(2);
      long bytes = unit.startsWith("k") ? n << 10 : unit.startsWith("m") ? n << 20 : n;
      if (bytes >= 1 && bytes <= 1L << 30) {
        return (int) bytes;
      }
    }
    throw new IllegalArgumentException("option " + option + " '" + value + "' is not a size from 1 byte to 1GiB; write e.g. 4MiB, 512KiB or 65536");
  }

  private static Optional<Duration> expiry(CollectorConfig config) {
    String value = config.value(EXPIRY).orElse(null);
    if (value == null || value.strip().equals("0")) {
      return Optional.empty();
    }
    Matcher m = DURATION.matcher(value.strip());
    if (m.matches() && Long.parseLong(m.group(1)) > 0) {
      long n = Long.parseLong(m.group(1));
      return Optional.of(switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
    }
    throw new IllegalArgumentException("option " + EXPIRY + " '" + value + "' is not a duration; write e.g. 90s, 10m, 1h, 7d, or 0 for none");
  }
}
