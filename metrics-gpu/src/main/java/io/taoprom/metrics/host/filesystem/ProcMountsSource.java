package io.taoprom.metrics.host.filesystem;

import io.taoprom.metrics.host.ProcFs;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mounts from {@code /proc/1/mounts} (the host's mount table when TaoProm runs in a container that
 * shares the host's PID namespace, as node_exporter reads it), falling back to
 * {@code /proc/mounts} where PID 1 is hidden; space from {@code statvfs(2)} through
 * {@link File#getTotalSpace()} and friends.
 */
final class ProcMountsSource implements FilesystemSource {

  private static final Pattern BLANKS = Pattern.compile("[ \t]+");

  private final ProcFs proc;

  ProcMountsSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<Mount> mounts() throws IOException {
    String table;
    try {
      table = proc.readUtf8("1/mounts");
    } catch (NoSuchFileException | AccessDeniedException e) {
      table = proc.readUtf8("mounts"); // hidepid, or a hardened container
    }
    return parse(table);
  }

  /** Lines of {@code device mountpoint fstype options dump pass}, octal escapes decoded. */
  static List<Mount> parse(String table) throws IOException {
    List<Mount> mounts = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = BLANKS.split(line.trim());
      if (parts.length < 4) {
        throw new IOException("malformed mount point information: \"" + line + "\"");
      }
      boolean readOnly = false;
      for (String option : parts[3].split(",")) {
        if (option.equals("ro")) {
          readOnly = true;
          break;
        }
      }
      mounts.add(new Mount(unescape(parts[0]), unescape(parts[1]), parts[2], readOnly));
    }
    return mounts;
  }

  /** The kernel writes space, tab, newline and backslash in names as {@code \040} and the like. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
        out.append((char) ((s.charAt(i + 1) - '0') * 64 + (s.charAt(i + 2) - '0') * 8 + (s.charAt(i + 3) - '0')));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
  }

  @Override
  public Space stat(Mount mount) throws IOException {
    File root = new File(mount.mountPoint());
    // File's space queries answer 0 instead of failing; a zero size on a path that does not even
    // exist is the failure (a real but empty pseudo file system exists).
    long size = root.getTotalSpace();
    if (size == 0 && !root.exists()) {
      throw new IOException("cannot stat " + mount.mountPoint());
    }
    return new Space(size, root.getFreeSpace(), root.getUsableSpace());
  }
}
