package io.taoprom.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the repository's Markdown (README.md, docs/, mixin/) reaches a file
 * inside the repository, and a link's {@code #fragment} a heading of the file it names: the docs
 * cannot point at files that moved, or at a checkout's neighbours such as {@code ../shared/}.
 */
class MarkdownLinksTest {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  static Path repositoryRoot() {
    Path root = Path.of(System.getProperty("taoprom.root", "..")).toAbsolutePath().normalize();
    assertThat(root.resolve("docs")).as("the repository (set -Dtaoprom.root)").isDirectory();
    return root;
  }

  @Test
  void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
    Path root = repositoryRoot();
    List<Path> files = markdownFiles(root);
    assertThat(files).contains(root.resolve("README.md"), root.resolve("docs/design.md"));

    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      for (MarkdownDocument.Link link : MarkdownDocument.read(file).links()) {
        String problem = problem(root, file, link.target());
        if (problem != null) {
          broken.add(root.relativize(file) + ":" + link.line() + ": " + link.target() + ": " + problem);
        }
        checked++;
      }
    }
    assertThat(broken).as("broken links among " + checked).isEmpty();
    assertThat(checked).as("links found").isGreaterThan(50);
  }

  @Test
  void reportsMissingFilesOutsideLinksAndUnknownAnchors(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("docs/a.md"), "# Title\n\n## Limits on `clients`, and more\n\nText\n");
    Path file = root.resolve("docs/b.md");

    assertThat(problem(root, file, "a.md")).isNull();
    assertThat(problem(root, file, "a.md#limits-on-clients-and-more")).isNull();
    assertThat(problem(root, file, "https://example.org/x.md")).isNull();
    assertThat(problem(root, file, "a.md#limits")).isEqualTo("no heading or anchor \"limits\" in docs/a.md");
    assertThat(problem(root, file, "c.md")).isEqualTo("no such file docs/c.md");
    assertThat(problem(root, file, "../../shared/ARCHITECTURE.md")).isEqualTo("outside the repository");
  }

  @Test
  void readsLinksOutsideCodeOnlyAndGitHubAnchors() {
    MarkdownDocument doc = MarkdownDocument.of(Path.of("x.md"), """
        # One `code` heading
        ## Twice
        ## Twice
        See [a](a.md#twice-1), ![img](i.png "title") and `[not](code.md)`.

        [ref]: ref.md
        ```md
        [inside](fence.md)
        ```
        <a id="custom"></a>
        """);

    assertThat(doc.links()).extracting(MarkdownDocument.Link::target).containsExactly("a.md#twice-1", "i.png", "ref.md");
    assertThat(doc.anchors()).containsExactly("one-code-heading", "twice", "twice-1", "custom");
  }

  @Test
  void markedBlocksAreFoundByTheirCommentAndText() {
    MarkdownDocument doc = MarkdownDocument.of(Path.of("x.md"), """
        <!-- compiled by ConsumerIT -->
        ```java
        class A {}
        ```

        ```java
        class B {}
        ```
        """);

    assertThat(doc.markedBlock("compiled by ConsumerIT", "class A")).isEqualTo("class A {}\n");
    assertThatThrownBy(() -> doc.markedBlock("compiled by ConsumerIT", "class B"))
        .hasMessageContaining("x.md has 0 fenced blocks under <!-- compiled by ConsumerIT -->");
  }

  /** Null where the link is fine; else what is wrong with it. */
  static String problem(Path root, Path file, String target) {
    if (SCHEME.matcher(target).find()) {
      return null; // a URL: not this test's business (no network here)
    }
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
    if (!resolved.startsWith(root)) {
      return "outside the repository";
    }
    if (!Files.exists(resolved)) {
      return "no such file " + root.relativize(resolved);
    }
    if (fragment != null && !fragment.isEmpty() && resolved.toString().endsWith(".md")
        && !MarkdownDocument.read(resolved).anchors().contains(fragment)) {
      return "no heading or anchor \"" + fragment + "\" in " + root.relativize(resolved);
    }
    return null;
  }

  /** The Markdown the repository publishes: the README, docs/ and mixin/ (not build output or node_modules). */
  static List<Path> markdownFiles(Path root) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    files.put("README.md", root.resolve("README.md"));
    for (String dir : List.of("docs", "mixin")) {
      try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
        walk.filter(p -> p.toString().endsWith(".md"))
            .filter(p -> root.relativize(p).toString().split("/").length < 6)
            .filter(p -> !p.toString().contains("/node_modules/") && !p.toString().contains("/target"))
            .forEach(p -> files.put(root.relativize(p).toString(), p));
      }
    }
    return List.copyOf(files.values());
  }
}
