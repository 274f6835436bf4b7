package io.taoprom.metrics.textfile;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.SeriesLimit;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code textfile} plugin: node_exporter's textfile collector. It serves the metrics in
 * {@code *.prom} files with {@code node_textfile_mtime_seconds{file}} per file read and
 * {@code node_textfile_scrape_error}, as node_exporter names and labels them (and so also gets
 * {@code node_scrape_collector_success{collector="textfile"}}). Until given a directory it
 * serves only {@code node_textfile_scrape_error 0}, as node_exporter does:
 *
 * <pre>{@code
 * taoprom serve --textfile.directory /var/lib/taoprom/textfile
 * # a cron job then writes atomically:
 * echo 'backup_last_success_seconds 1.7e9' > /var/lib/taoprom/textfile/backup.prom.$$ \
 *   && mv /var/lib/taoprom/textfile/backup.prom.$$ /var/lib/taoprom/textfile/backup.prom
 * }</pre>
 */
public final class TextfilePlugin implements CollectorPlugin {

  static final String DIRECTORY = "textfile.directory";
  static final String MAX_SERIES = "textfile.max-series";

  @Override
  public String name() {
    return "textfile";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Metrics from *.prom files in the directory of option textfile.directory (idle without it)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.repeatable(
            DIRECTORY, "DIR", "Directory whose *.prom files are served (textfile collector); repeatable"),
        CollectorOption.single(
            MAX_SERIES, "N", "Most series the textfile collector serves, all files together; a file that would pass it is left out",
            Integer.toString(ExpositionReader.DEFAULT_MAX_SERIES)));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    List<Path> directories = new ArrayList<>();
    for (String value : config.values(DIRECTORY)) {
      if (value.isBlank()) {
        throw new IllegalArgumentException("option " + DIRECTORY + " needs a directory, got an empty value");
      }
      try {
        directories.add(Path.of(value));
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("option " + DIRECTORY + " '" + value + "' is not a valid path: " + e.getReason(), e);
      }
    }
    return new TextfileCollector(directories, SeriesLimit.parse(config, MAX_SERIES));
  }
}
