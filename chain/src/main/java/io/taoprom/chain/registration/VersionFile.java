package io.taoprom.chain.registration;

import io.taoprom.untrusted.BoundedFiles;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a neuron declares, read from its own source so that the registered version follows
 * the neuron: a Python module with a top-level {@code __version__ = "x.y.z"} line (NI Compute's
 * {@code compute/__init__.py}), or a file holding the version string alone. The string becomes the
 * registered number through a {@link VersionScheme}, as the neuron computes it.
 *
 * <pre>{@code
 * VersionFile f = VersionFile.of(Path.of("/opt/compute-subnet/compute/__init__.py"), VersionScheme.SN27);
 * String text = f.versionString();   // "1.9.0"
 * long number = f.getAsLong();       // 190, read again at every call
 * RegistrationLoop.builder(registrar, hotkey, template).version(f).build();
 * }</pre>
 *
 * <p>The file is outside input: it is read only if it is a regular file, and only up to {@value
 * #MAX_BYTES} bytes (strict UTF-8); every problem is an {@link IllegalArgumentException} with one
 * line that names the file (and the line), quoting the file's text only escaped and short. Reading
 * is cheap, so a caller may read it at every check.
 */
public final class VersionFile implements LongSupplier {

  /** The most that is read: a version module is a few kilobytes. */
  public static final int MAX_BYTES = 64 * 1024;

  // A top-level assignment, as Python modules and packaging tools write it: __version__ = "1.9.0",
  // with single or double quotes, an optional type annotation and an optional trailing comment.
  private static final Pattern ASSIGNMENT =
      Pattern.compile("__version__\\s*(?::\\s*str\\s*)?=\\s*(?:([\"'])([^\"'\\\\]*)\\1)?\\s*(#.*)?");
  private static final Pattern NAME = Pattern.compile("__version__\\b.*");
  private static final Pattern BARE = Pattern.compile("[vV]?[0-9][0-9A-Za-z.+\\-]*");

  private final Path file;
  private final VersionScheme scheme;

  private VersionFile(Path file, VersionScheme scheme) {
    this.file = Objects.requireNonNull(file, "file");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /** The version declared in {@code file}, turned into a number by {@code scheme}. */
  public static VersionFile of(Path file, VersionScheme scheme) {
    return new VersionFile(file, scheme);
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** The scheme that turns its version string into a number. */
  public VersionScheme scheme() {
    return scheme;
  }

  /**
   * The version string the file declares, read now.
   *
   * @throws IllegalArgumentException when the file cannot be read or declares no version
   */
  public String versionString() {
    return located().text();
  }

  /**
   * The registered number for the version the file declares, read now.
   *
   * @throws IllegalArgumentException when the file cannot be read, declares no version, or the
   *     version does not fit the scheme (naming the file and line)
   */
  @Override
  public long getAsLong() {
    Declared d = located();
    try {
      return scheme.toInt(d.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where(d.line()) + e.getMessage() + " (version scheme " + scheme.label() + ")");
    }
  }

  /** The version string and the line it is on. */
  private record Declared(String text, int line) {}

  private Declared located() {
    String content;
    try {
      content = BoundedFiles.readUtf8(file, MAX_BYTES);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read version file " + file + ": " + describe(e));
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    return parse(content);
  }

  private Declared parse(String content) {
    String[] lines = content.split("\\R", -1);
    Declared found = null;
    int nonBlank = 0;
    int firstNonBlank = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (!line.isBlank()) {
        nonBlank++;
        firstNonBlank = firstNonBlank == 0 ? i + 1 : firstNonBlank;
      }
      // Only a top-level assignment counts: an indented one depends on code TaoProm does not run.
      if (!NAME.matcher(line).matches()) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line.stripTrailing());
      if (!m.matches() || m.group(2) == null) {
        throw new IllegalArgumentException(where(i + 1) + "__version__ is not assigned a string literal ("
            + Excerpt.quoted(line.strip(), 80) + "); TaoProm reads __version__ = \"x.y.z\" without running the module");
      }
      if (found != null && !found.text().equals(m.group(2))) {
        throw new IllegalArgumentException(where(i + 1) + "__version__ is assigned again (first on line " + found.line()
            + "); TaoProm reads one literal assignment");
      }
      if (found == null) {
        found = new Declared(m.group(2).strip(), i + 1);
      }
    }
    if (found != null) {
      return found;
    }
    if (nonBlank == 1) {
      String only = lines[firstNonBlank - 1].strip();
      if (BARE.matcher(only).matches()) {
        return new Declared(only, firstNonBlank);
      }
      throw new IllegalArgumentException(where(firstNonBlank) + Excerpt.quoted(only, 80)
          + " is not a version; the file holds a version such as 1.9.0 alone, or a Python module with __version__ = \"1.9.0\"");
    }
    throw new IllegalArgumentException("version file " + file + " has no top-level __version__ = \"x.y.z\" line"
        + (nonBlank == 0 ? " (it is empty)" : "") + " and is not a version string alone");
  }

  private String where(int line) {
    return "version file " + file + ", line " + line + ": ";
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    String kind = e.getClass().getSimpleName();
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return m == null ? kind : Excerpt.of(m, 160);
  }
}
