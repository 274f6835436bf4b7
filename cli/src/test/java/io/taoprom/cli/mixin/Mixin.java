package io.taoprom.cli.mixin;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the monitoring mixin lives in the repository ({@code mixin/} beside the modules, found
 * through the {@code taoprom.root} property the build passes to every test), and its files read
 * as the tests need them.
 *
 * <pre>{@code
 * for (Path json : Mixin.dashboards()) { Dashboard d = Dashboard.read(json); ... }
 * List<Map<String, Object>> alerts = Mixin.rules(Mixin.alertsFile());
 * }</pre>
 */
public final class Mixin {

  private Mixin() {}

  /** The repository root. */
  public static Path repositoryRoot() {
    String root = System.getProperty("taoprom.root");
    Path base = root != null ? Path.of(root) : Path.of("..");
    if (!Files.isDirectory(base.resolve("mixin"))) {
      fail("the mixin is not at " + base.toAbsolutePath().resolve("mixin") + " (set -Dtaoprom.root to the repository)");
    }
    return base.toAbsolutePath().normalize();
  }

  /** {@code mixin/}. */
  public static Path dir() {
    return repositoryRoot().resolve("mixin");
  }

  /** {@code mixin/rules.yml}: the recording rules. */
  public static Path rulesFile() {
    return dir().resolve("rules.yml");
  }

  /** {@code mixin/alerts.yml}: the alerting rules. */
  public static Path alertsFile() {
    return dir().resolve("alerts.yml");
  }

  /** The rule files, recording rules first (the order {@code rule_files} lists them in). */
  public static List<Path> ruleFiles() {
    return List.of(rulesFile(), alertsFile());
  }

  /** {@code mixin/dashboards/*.json}, sorted. */
  public static List<Path> dashboards() {
    return list(dir().resolve("dashboards"), ".json");
  }

  /** {@code mixin/tests/*.yml}, sorted: the promtool unit tests. */
  public static List<Path> ruleTests() {
    return list(dir().resolve("tests"), ".yml");
  }

  /** Every rule of every group of a rule file, as YAML maps ({@code alert}/{@code record}, {@code expr}, ...). */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> rules(Path ruleFile) {
    Map<String, Object> doc = yaml(ruleFile);
    return ((List<Map<String, Object>>) doc.get("groups")).stream()
        .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
        .toList();
  }

  /** A YAML file read with SnakeYAML's safe constructor (plain maps, lists and scalars). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> yaml(Path file) {
    try {
      return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the user documentation ({@code docs/*.md}) names {@code metric} as a series, in
   * backquotes: {@code `name`}, {@code `name{labels}`}, {@code `name `}. A histogram's
   * {@code _bucket}, {@code _sum} and {@code _count} series are documented under its base name.
   */
  public static boolean documented(String metric) {
    String docs = documentation();
    String base = metric.replaceFirst("_(bucket|sum|count)$", "");
    for (String name : List.of(metric, base)) {
      if (Pattern.compile("`" + Pattern.quote(name) + "[`{ ]").matcher(docs).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Pending names: series the mixin reads before the collector that serves them is documented
   * (empty now: issue 11's metagraph series are all in docs/metrics.md). A name counts as
   * documented while it is here; once a docs/*.md names it, it must leave this set
   * ({@code MixinRulesTest.pendingNamesAreNotDocumentedYet} fails until it does).
   */
  public static final Set<String> PENDING = Set.of();

  /** {@link #documented}, or one of the {@link #PENDING} names. */
  public static boolean documentedOrPending(String metric) {
    return PENDING.contains(metric) || documented(metric);
  }

  private static String documentation;

  private static synchronized String documentation() {
    if (documentation == null) {
      StringBuilder all = new StringBuilder();
      for (Path md : list(repositoryRoot().resolve("docs"), ".md")) {
        try {
          all.append(Files.readString(md)).append('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      documentation = all.toString();
    }
    return documentation;
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
