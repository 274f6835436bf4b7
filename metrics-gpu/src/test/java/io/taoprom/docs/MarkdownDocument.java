package io.taoprom.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file of the repository, read the way GitHub renders it as far as links go: its
 * links (outside code), the anchors its headings make, and the fenced blocks marked
 * {@code <!-- compiled by NAME -->} that a test compiles.
 *
 * <pre>{@code
 * MarkdownDocument readme = MarkdownDocument.read(root.resolve("README.md"));
 * for (MarkdownDocument.Link link : readme.links()) { ... link.target() ... }
 * String plugin = readme.markedBlock("compiled by ConsumerIT", "QueueDepthPlugin");
 * }</pre>
 */
final class MarkdownDocument {

  /** A link as written: {@code [text](target)}, {@code ![alt](target)} or {@code [id]: target}. */
  record Link(int line, String target) {}

  /** A fenced code block: its info string (language), the comment line above it if any, its text. */
  record Block(int line, String info, String markerAbove, String text) {}

  private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([^`\\s]*).*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
  private static final Pattern HTML_COMMENT = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");

  private final Path path;
  private final List<Link> links = new ArrayList<>();
  private final Set<String> anchors = new LinkedHashSet<>();
  private final List<Block> blocks = new ArrayList<>();

  private MarkdownDocument(Path path, String text) {
    this.path = path;
    parse(text);
  }

  static MarkdownDocument read(Path path) {
    try {
      return new MarkdownDocument(path, Files.readString(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  static MarkdownDocument of(Path path, String text) {
    return new MarkdownDocument(path, text);
  }

  Path path() {
    return path;
  }

  List<Link> links() {
    return links;
  }

  /** The fragments that reach a place in this file: its headings' GitHub anchors and HTML anchors. */
  Set<String> anchors() {
    return anchors;
  }

  List<Block> blocks() {
    return blocks;
  }

  /**
   * The one fenced block right under a comment that starts {@code <!-- marker} whose text contains {@code contains};
   * fails, naming the file, where there is none or more than one.
   */
  String markedBlock(String marker, String contains) {
    List<Block> found = blocks.stream()
        .filter(b -> b.markerAbove() != null && b.markerAbove().startsWith(marker) && b.text().contains(contains))
        .toList();
    if (found.size() != 1) {
      throw new IllegalStateException(path + " has " + found.size() + " fenced blocks under <!-- " + marker
          + " --> containing \"" + contains + "\"; expected exactly one");
    }
    return found.get(0).text();
  }

  private void parse(String text) {
    String[] lines = text.split("\n", -1);
    Map<String, Integer> slugCounts = new HashMap<>();
    String fence = null;
    String fenceInfo = null;
    int fenceLine = 0;
    String fenceMarker = null;
    StringBuilder fenced = new StringBuilder();
    String previousNonBlank = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (fence != null) {
        if (f.matches() && f.group(1).startsWith(fence) && f.group(2).isEmpty()) {
          blocks.add(new Block(fenceLine, fenceInfo, fenceMarker, fenced.toString()));
          fence = null;
          previousNonBlank = line; // a marker belongs to the one block right under it
        } else {
          fenced.append(line).append('\n');
        }
        continue;
      }
      if (f.matches()) {
        fence = f.group(1);
        fenceInfo = f.group(2);
        fenceLine = i + 1;
        Matcher comment = previousNonBlank == null ? null : HTML_COMMENT.matcher(previousNonBlank);
        fenceMarker = comment != null && comment.matches() ? comment.group(1) : null;
        fenced.setLength(0);
        continue;
      }
      if (!line.isBlank()) {
        previousNonBlank = line;
      }
      String prose = CODE_SPAN.matcher(line).replaceAll("");
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int seen = slugCounts.merge(slug, 1, Integer::sum) - 1;
        anchors.add(seen == 0 ? slug : slug + "-" + seen);
      }
      Matcher html = HTML_ANCHOR.matcher(prose);
      while (html.find()) {
        anchors.add(html.group(1));
      }
      Matcher inline = INLINE_LINK.matcher(prose);
      while (inline.find()) {
        links.add(new Link(i + 1, inline.group(1)));
      }
      Matcher definition = REFERENCE_DEFINITION.matcher(prose);
      if (definition.matches()) {
        links.add(new Link(i + 1, definition.group(1)));
      }
    }
    if (fence != null) {
      throw new IllegalStateException(path + ":" + fenceLine + ": a fenced block that is never closed");
    }
  }

  /**
   * GitHub's heading anchor: the heading's text (links and code reduced to their text), lower
   * case, every character that is not a letter, digit, space, hyphen or underscore dropped, and
   * each space a hyphen.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    StringBuilder slug = new StringBuilder();
    text.strip().toLowerCase(java.util.Locale.ROOT).codePoints().forEach(c -> {
      if (c == ' ') {
        slug.append('-');
      } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        slug.appendCodePoint(c);
      }
    });
    return slug.toString();
  }
}
