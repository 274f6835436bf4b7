package io.taoprom.metrics.nvml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The short name of a process ({@code /proc/PID/comm}, at most 15 characters), for the
 * {@code process} label. Names are remembered while the pid stays on a GPU: a pid cannot be
 * reused while its process lives, and one that leaves and comes back is read again.
 *
 * <p>A process in another pid namespace (TaoProm in a container without {@code --pid=host})
 * or already gone reads as {@code unknown}.
 *
 * <p>Guarded by the collector's scrape lock.
 */
final class ProcessNames {

  static final String UNKNOWN = "unknown";

  private final Path proc;
  private Map<Long, String> current = new HashMap<>();
  private Map<Long, String> next = new HashMap<>();

  /** Names from {@code /proc}. */
  ProcessNames() {
    this(Path.of("/proc"));
  }

  ProcessNames(Path proc) {
    this.proc = proc;
  }

  /** The name of {@code pid}, read once while it stays listed. */
  String nameOf(long pid) {
    String name = next.get(pid);
    if (name == null) {
      name = current.get(pid);
      if (name == null) {
        name = read(pid);
      }
      next.put(pid, name);
    }
    return name;
  }

  /** Ends a scrape: forgets the pids not asked for in it. */
  void endScrape() {
    Map<Long, String> swap = current;
    current = next;
    next = swap;
    next.clear();
  }

  private String read(long pid) {
    try {
      byte[] bytes = Files.readAllBytes(proc.resolve(Long.toString(pid)).resolve("comm"));
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == 0)) {
        end--;
      }
      return end == 0 ? UNKNOWN : new String(bytes, 0, end, StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      return UNKNOWN;
    }
  }
}
