package io.taoprom.metrics.host.os;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.untrusted.BoundedFiles;
import io.taoprom.untrusted.MalformedTextException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node_exporter's os collector (1.5 and later):
 *
 * <pre>
 * # HELP node_os_info A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, name, pretty_name, variant, variant_id, version, version_codename, version_id.
 * # TYPE node_os_info gauge
 * node_os_info{build_id="",id="debian",id_like="",image_id="",image_version="",name="Debian GNU/Linux",pretty_name="Debian GNU/Linux 12 (bookworm)",variant="",variant_id="",version="12 (bookworm)",version_codename="bookworm",version_id="12"} 1
 * # HELP node_os_version Metric containing the major.minor part of the OS version.
 * # TYPE node_os_version gauge
 * node_os_version{id="debian",id_like="",name="Debian GNU/Linux"} 12
 * </pre>
 *
 * <p>{@code node_os_version} only where {@code VERSION_ID} starts with a number;
 * {@code node_os_support_end_timestamp_seconds} (upstream since 1.8) only where the file has
 * {@code SUPPORT_END}. The first of {@code etc/os-release} and {@code usr/lib/os-release} below
 * the root that exists is read (links followed, regular files only, at most 64 KiB, strict
 * UTF-8) on every scrape, so an upgrade shows without a restart; neither there yields nothing.
 */
final class OsCollector implements ReadingCollector {

  /** Where os-release(5) says to look, in its order. */
  static final List<String> FILES = List.of("etc/os-release", "usr/lib/os-release");

  /** An os-release file is a few hundred bytes; anything near this is not one. */
  static final int MAX_BYTES = 64 * 1024;

  /** What node_exporter takes for the version: the leading {@code major[.minor]} of VERSION_ID. */
  private static final Pattern MAJOR_MINOR = Pattern.compile("^[0-9]+\\.?[0-9]*");

  private static final MetricMetadata INFO = new MetricMetadata(
      "node_os_info",
      "A metric with a constant '1' value labeled by build_id, id, id_like, image_id, image_version, "
          + "name, pretty_name, variant, variant_id, version, version_codename, version_id.");
  private static final MetricMetadata VERSION =
      new MetricMetadata("node_os_version", "Metric containing the major.minor part of the OS version.");
  private static final MetricMetadata SUPPORT_END = new MetricMetadata(
      "node_os_support_end_timestamp_seconds", "Metric containing the end-of-life date timestamp of the OS.");

  private final Path root;

  /** Reads the os-release files below {@code root}, {@code /} on a real machine. */
  OsCollector(Path root) {
    this.root = root;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    for (String relative : FILES) {
      Path file = root.resolve(relative);
      String text;
      try {
        text = BoundedFiles.readUtf8(file, MAX_BYTES);
      } catch (NoSuchFileException absent) {
        continue;
      } catch (MalformedTextException e) {
        throw new MalformedFileException(file, "is not UTF-8 text");
      }
      try {
        return families(OsRelease.of(EnvFile.parse(text)), file);
      } catch (EnvFile.SyntaxException e) {
        throw new MalformedFileException(file, e.getMessage());
      }
    }
    return MetricSnapshots.of();
  }

  private static MetricSnapshots families(OsRelease os, Path file) throws MalformedFileException {
    List<MetricSnapshot> families = new ArrayList<>(3);
    families.add(gauge(INFO, 1, Labels.of(
        "build_id", os.buildId(),
        "id", os.id(),
        "id_like", os.idLike(),
        "image_id", os.imageId(),
        "image_version", os.imageVersion(),
        "name", os.name(),
        "pretty_name", os.prettyName(),
        "variant", os.variant(),
        "variant_id", os.variantId(),
        "version", os.version(),
        "version_codename", os.versionCodename(),
        "version_id", os.versionId())));
    Optional<Double> version = majorMinor(os.versionId());
    if (version.isPresent()) {
      families.add(gauge(VERSION, version.get(), Labels.of("id", os.id(), "id_like", os.idLike(), "name", os.name())));
    }
    if (!os.supportEnd().isEmpty()) {
      families.add(gauge(SUPPORT_END, supportEnd(os.supportEnd(), file), Labels.EMPTY));
    }
    return new MetricSnapshots(families);
  }

  /** {@code 22.04} of {@code 22.04}, {@code 3.18} of {@code 3.18.4}, none of {@code rolling} or {@code 0}. */
  static Optional<Double> majorMinor(String versionId) {
    Matcher m = MAJOR_MINOR.matcher(versionId);
    if (!m.find()) {
      return Optional.empty();
    }
    double version = Double.parseDouble(m.group());
    return version > 0 ? Optional.of(version) : Optional.empty();
  }

  /** {@code SUPPORT_END=2028-06-30}: midnight UTC of that day, in seconds. */
  private static double supportEnd(String date, Path file) throws MalformedFileException {
    try {
      return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    } catch (DateTimeParseException e) {
      throw new MalformedFileException(file, "has a SUPPORT_END that is not a YYYY-MM-DD date");
    }
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value, Labels labels) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().labels(labels).value(value).build()));
  }
}
