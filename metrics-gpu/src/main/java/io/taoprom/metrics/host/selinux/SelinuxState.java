package io.taoprom.metrics.host.selinux;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.untrusted.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads SELinux's state the way node_exporter's library (opencontainers' go-selinux) decides it,
 * from files below a root ({@code /} on a real machine):
 *
 * <ul>
 *   <li>enabled: selinuxfs is mounted (at {@code /sys/fs/selinux}, or where
 *       {@code /proc/self/mountinfo} says, read-write) and this thread's security context
 *       ({@code /proc/thread-self/attr/current}) is not {@code kernel}, which it is before a
 *       policy is loaded;
 *   <li>current mode: the number in selinuxfs' {@code enforce} (1 enforcing, 0 permissive);
 *   <li>configured mode: {@code SELINUX=} in {@code /etc/selinux/config}: {@code enforcing} 1,
 *       {@code permissive} 0, anything else or no file -1 (disabled).
 * </ul>
 */
final class SelinuxState {

  /** The modes as node_exporter numbers them. */
  static final int ENFORCING = 1;
  static final int PERMISSIVE = 0;
  static final int DISABLED = -1;

  /** Where selinuxfs is mounted on every distribution since 2012. */
  private static final String DEFAULT_MOUNT = "sys/fs/selinux";

  /**
   * The kernel files read here are small, but a container host's mountinfo lists thousands of
   * mounts: room for that.
   */
  private static final int MAX_KERNEL_FILE_BYTES = 16 << 20;

  /** /etc/selinux/config is a few lines; more than this is not one. */
  private static final int MAX_CONFIG_BYTES = 64 * 1024;

  private final Path root;

  SelinuxState(Path root) {
    this.root = root;
  }

  /** Where selinuxfs is mounted, below the root; empty when it is not. */
  Optional<Path> mountPoint() throws IOException {
    Path standard = root.resolve(DEFAULT_MOUNT);
    if (Files.exists(standard.resolve("enforce"))) {
      return Optional.of(standard);
    }
    // Older systems mount it at /selinux: look where the kernel says, if it knows the type at all.
    String filesystems = kernelText("proc/filesystems");
    if (!filesystems.contains("\tselinuxfs\n")) {
      return Optional.empty();
    }
    for (String line : kernelText("proc/self/mountinfo").split("\n")) {
      int separator = line.indexOf(" - selinuxfs ");
      if (separator < 0) {
        continue;
      }
      String[] fields = line.substring(0, separator).split(" ");
      // 36 35 0:20 / /selinux rw,relatime ... : the mount point is the fifth field, its options the sixth
      if (fields.length < 6 || (fields[5] + ",").startsWith("ro,")) {
        continue;
      }
      Path mount = root.resolve(unescape(fields[4]).replaceFirst("^/+", ""));
      if (Files.exists(mount.resolve("enforce"))) {
        return Optional.of(mount);
      }
    }
    return Optional.empty();
  }

  /** Whether a policy is loaded: this thread's context is not the kernel's initial one. */
  boolean policyLoaded() {
    String context = kernelText("proc/thread-self/attr/current");
    if (context.isEmpty()) {
      context = kernelText("proc/self/attr/current");
    }
    if (context.endsWith("\0")) {
      context = context.substring(0, context.length() - 1);
    }
    return !context.equals("kernel");
  }

  /** selinuxfs' {@code enforce}. */
  int currentMode(Path mountPoint) throws IOException {
    Path enforce = mountPoint.resolve("enforce");
    String text = new String(BoundedFiles.read(enforce, 64), StandardCharsets.US_ASCII).strip();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(enforce, "does not hold a number");
    }
  }

  /** The mode {@code /etc/selinux/config} sets for the next boot. */
  int configuredMode() throws IOException {
    Path config = root.resolve("etc/selinux/config");
    String text;
    try {
      text = BoundedFiles.readUtf8(config, MAX_CONFIG_BYTES);
    } catch (NoSuchFileException absent) {
      return DISABLED;
    }
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == ';') {
        continue;
      }
      int equals = trimmed.indexOf('=');
      // The key is compared as written: "SELINUX = enforcing" is no setting, as in libselinux.
      if (equals > 0 && trimmed.substring(0, equals).equals("SELINUX")) {
        String value = trimmed.substring(equals + 1).replaceAll("^\"+|\"+$", "");
        return switch (value) {
          case "enforcing" -> ENFORCING;
          case "permissive" -> PERMISSIVE;
          default -> DISABLED;
        };
      }
    }
    return DISABLED;
  }

  /**
   * A kernel-generated file as text, empty when it cannot be read: these answer what the
   * kernel supports ({@code attr/current} fails with EINVAL where no security module provides
   * it), so failing to read one is an answer, not an error.
   */
  private String kernelText(String relative) {
    try {
      return new String(BoundedFiles.read(root.resolve(relative), MAX_KERNEL_FILE_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Undoes mountinfo's octal escapes of blanks and backslashes ({@code \040}). */
  static String unescape(String field) {
    StringBuilder out = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && isOctal(field, i + 1)) {
        out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }
}
