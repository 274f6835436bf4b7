package io.taoprom.exporter.web;

import io.taoprom.untrusted.BoundedFiles;
import io.taoprom.untrusted.Excerpt;
import io.taoprom.untrusted.InputTooLargeException;
import io.taoprom.untrusted.MalformedTextException;
import io.taoprom.untrusted.NotRegularFileException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A web config file ({@code --web.config.file}) loaded and checked through: the YAML, and the
 * certificate, key and client CA it names, so that a file that loads here serves. Every file is
 * read only if regular (a FIFO is refused at once, never waited on) and under a cap.
 *
 * <pre>{@code
 * WebConfigFile web = WebConfigFile.load(Path.of("/etc/taoprom/web.yml"));   // WebConfigException: one line
 * TaoPromExporter.builder().webConfig(web).buildAndStart();                  // and re-read when it changes
 * }</pre>
 */
public final class WebConfigFile {

  /** The most a web config file may hold. */
  public static final int MAX_BYTES = 256 * 1024;

  private final Path path;
  private final WebConfig config;
  private final Optional<ServerTls> tls;
  private final List<Stamp> stamps;

  private WebConfigFile(Path path, WebConfig config, Optional<ServerTls> tls, List<Stamp> stamps) {
    this.path = path;
    this.config = config;
    this.tls = tls;
    this.stamps = stamps;
  }

  /** What a file looked like when read: changes to any of these make it be read again. */
  record Stamp(Path file, String state) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(file, a.lastModifiedTime().toMillis() + "/" + a.lastModifiedTime() + "/" + a.size() + "/" + a.fileKey());
      } catch (IOException e) {
        return new Stamp(file, "unreadable: " + e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Reads and checks {@code path} and the files it names.
   *
   * @throws WebConfigException one line naming the file, the key and what is wrong
   */
  public static WebConfigFile load(Path path) throws WebConfigException {
    Objects.requireNonNull(path, "path");
    List<Stamp> stamps = new ArrayList<>();
    stamps.add(Stamp.of(path));
    String source = Excerpt.of(path.toString(), 200);
    String text;
    try {
      text = BoundedFiles.readUtf8(path, MAX_BYTES);
    } catch (IOException e) {
      throw new WebConfigException("cannot read the web config " + source + ": " + reason(e), e);
    }
    Path dir = path.toAbsolutePath().getParent();
    WebConfig config = WebConfigParser.parse(text, dir, source);
    Optional<ServerTls> tls = Optional.empty();
    if (config.tls().isPresent()) {
      config.tls().get().files().forEach(f -> stamps.add(Stamp.of(f)));
      tls = Optional.of(ServerTls.load(config.tls().get(), source));
    }
    return new WebConfigFile(path, config, tls, List.copyOf(stamps));
  }

  /** The file as given. */
  public Path path() {
    return path;
  }

  /** The checked content. */
  public WebConfig config() {
    return config;
  }

  /** The loaded TLS context, when the file configures TLS. */
  public Optional<ServerTls> tls() {
    return tls;
  }

  /** Whether the file, or a certificate, key or CA file it names, differs from when this was read. */
  public boolean changed() {
    for (Stamp stamp : stamps) {
      if (!Stamp.of(stamp.file()).equals(stamp)) {
        return true;
      }
    }
    return false;
  }

  /** What the files look like now; a failed reload remembers it so as not to report the same failure again. */
  List<Stamp> currentStamps() {
    List<Stamp> now = new ArrayList<>();
    for (Stamp stamp : stamps) {
      now.add(Stamp.of(stamp.file()));
    }
    return now;
  }

  List<Stamp> stamps() {
    return stamps;
  }

  /** A one-line reason for a failed read, naming no content. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotRegularFileException n) {
      return "it is " + n.kind() + ", not a regular file";
    }
    if (e instanceof InputTooLargeException || e instanceof MalformedTextException) {
      return e.getMessage();
    }
    return Excerpt.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), 160);
  }

  @Override
  public String toString() {
    return "WebConfigFile[" + path + ": " + config.summary() + "]";
  }
}
