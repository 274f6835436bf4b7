package io.taoprom.metrics.host;

import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kernel's mount table as node_exporter reads it: {@code /proc/1/mounts} (the host's table
 * when TaoProm runs in a container that shares the host's PID namespace), or {@code /proc/mounts}
 * where PID 1 is hidden. Each line is {@code device mountpoint fstype options dump pass}, with
 * blanks and backslashes in names written as octal escapes ({@code \040}).
 *
 * <pre>{@code
 * for (MountTable.Mount m : MountTable.read(ProcFs.system())) {
 *   if (m.fsType().equals("btrfs")) { ... }
 * }
 * }</pre>
 */
public final class MountTable {

  private static final Pattern BLANKS = Pattern.compile("[ \t]+");

  /** One line of the mount table, escapes decoded. */
  public record Mount(String device, String mountPoint, String fsType, String options) {

    /** Whether the options include {@code ro}. */
    public boolean readOnly() {
      for (String option : options.split(",")) {
        if (option.equals("ro")) {
          return true;
        }
      }
      return false;
    }
  }

  private MountTable() {}

  /** Every mount, in table order. */
  public static List<Mount> read(ProcFs proc) throws IOException {
    String table;
    String file = "1/mounts";
    try {
      table = proc.readUtf8(file);
    } catch (NoSuchFileException | AccessDeniedException e) {
      file = "mounts"; // hidepid, or a hardened container
      try {
        table = proc.readUtf8(file);
      } catch (IOException e2) {
        throw ReadError.of(proc.path(file), e2);
      }
    } catch (IOException e) {
      throw ReadError.of(proc.path(file), e);
    }
    return parse(proc.path(file).toString(), table);
  }

  /**
   * The lines of {@code table}.
   *
   * @param file the path to name in errors
   * @throws IOException naming the file and line when a line has fewer than four fields
   */
  public static List<Mount> parse(String file, String table) throws IOException {
    List<Mount> mounts = new ArrayList<>();
    String[] lines = table.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] parts = BLANKS.split(line.strip());
      if (parts.length < 4) {
        throw new IOException(file + " line " + (i + 1) + ": malformed mount point information: "
            + Excerpt.quoted(line, 120));
      }
      mounts.add(new Mount(unescape(parts[0]), unescape(parts[1]), parts[2], parts[3]));
    }
    return mounts;
  }

  /** The kernel writes space, tab, newline and backslash in names as {@code \040} and the like. */
  public static String unescape(String s) {
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
}
