package io.taoprom.metrics.textfile;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code path/filepath.Join} and {@code Clean} for Unix paths, so that file names in labels
 * are written as node_exporter writes them.
 *
 * <pre>{@code
 * GoPaths.join("./textfile/", "a.prom");     // "textfile/a.prom"
 * GoPaths.join("/var/lib//x/../y", "a.prom"); // "/var/lib/y/a.prom"
 * }</pre>
 */
final class GoPaths {

  private GoPaths() {}

  /** The elements joined with {@code /} and cleaned; empty elements are left out. */
  static String join(String directory, String name) {
    if (directory.isEmpty()) {
      return clean(name);
    }
    return clean(name.isEmpty() ? directory : directory + "/" + name);
  }

  /**
   * The shortest equivalent path by lexical processing: repeated slashes become one, {@code .}
   * elements go, {@code ..} removes the element before it (at the root it is dropped), no
   * trailing slash, and an empty result is {@code .}.
   */
  static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.charAt(0) == '/';
    Deque<String> elements = new ArrayDeque<>();
    int leadingDotDots = 0;
    for (String element : path.split("/")) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!elements.isEmpty()) {
          elements.removeLast();
        } else if (!rooted) {
          leadingDotDots++;
        }
        continue;
      }
      elements.addLast(element);
    }
    StringBuilder out = new StringBuilder(path.length());
    if (rooted) {
      out.append('/');
    }
    for (int i = 0; i < leadingDotDots; i++) {
      out.append(out.length() > (rooted ? 1 : 0) ? "/" : "").append("..");
    }
    for (String element : elements) {
      if (out.length() > (rooted ? 1 : 0)) {
        out.append('/');
      }
      out.append(element);
    }
    return out.length() == 0 ? "." : out.toString();
  }
}
