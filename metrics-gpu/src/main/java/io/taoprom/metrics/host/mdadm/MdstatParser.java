package io.taoprom.metrics.host.mdadm;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code /proc/mdstat} the way node_exporter's procfs library does. Each array is a header
 * line and the indented lines under it:
 *
 * <pre>
 * md0 : active raid1 nvme1n1p2[1] nvme0n1p2[0]
 *       1875240960 blocks super 1.2 [2/2] [UU]
 *       [==&gt;..................]  recovery = 12.6% (236405120/1875240960) finish=127.5min speed=214080K/sec
 *       bitmap: 2/14 pages [8KB], 65536KB chunk
 * </pre>
 *
 * The second line gives the size and, except for raid0, linear and inactive arrays, the
 * {@code [required/active]} member counts; a third line, when it is not the bitmap, tells the sync
 * in progress ({@code recovery}, {@code resync}, {@code check}, {@code reshape}, or one that waits:
 * {@code resync=DELAYED}, {@code resync=PENDING}).
 */
final class MdstatParser {

  private static final Pattern STATUS = Pattern.compile("(\\d+) blocks .*\\[(\\d+)/(\\d+)\\] \\[[U_]+\\]");
  private static final Pattern SIZE = Pattern.compile("^(\\d+) blocks");
  private static final Pattern SYNCED = Pattern.compile("\\((\\d+)/\\d+\\)");
  private static final Pattern MEMBER = Pattern.compile("[^\\[\\]]+\\[\\d+\\](\\([A-Za-z]+\\))*");

  private final Path file;

  /** @param file the path to name in errors */
  MdstatParser(Path file) {
    this.file = file;
  }

  /** Every array in {@code text}, in file order. */
  List<MdArray> parse(String text) throws IOException {
    String[] lines = text.split("\n", -1);
    List<MdArray> arrays = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || Character.isWhitespace(line.charAt(0))
          || line.startsWith("Personalities") || line.startsWith("unused")) {
        continue;
      }
      List<String> details = new ArrayList<>(3);
      for (int j = i + 1; j < lines.length && !lines[j].isBlank() && Character.isWhitespace(lines[j].charAt(0)); j++) {
        details.add(lines[j].strip());
      }
      arrays.add(array(i + 1, line, details));
    }
    return arrays;
  }

  private MdArray array(int lineNumber, String header, List<String> details) throws IOException {
    String[] fields = header.strip().split("\\s+");
    if (fields.length < 3 || !fields[1].equals(":")) {
      throw malformed(lineNumber, "an array line \"mdN : active|inactive ...\"", header);
    }
    String name = fields[0];
    String activity = fields[2];
    boolean inactive = activity.equals("inactive");
    if (!inactive && !activity.equals("active")) {
      throw malformed(lineNumber, "active or inactive after \"" + Excerpt.of(name, 20) + " :\"", header);
    }
    long failed = count(header, "(F)");
    long spare = count(header, "(S)");

    String status = details.isEmpty() ? "" : details.get(0);
    long blocks;
    long required;
    long active;
    if (inactive) {
      // an array being assembled may list no member yet, and then no size either
      Matcher size = SIZE.matcher(status);
      blocks = size.find() ? parse(lineNumber + 1, size.group(1), status) : 0;
      required = 0;
      active = 0;
    } else if (isStriped(fields)) {
      Matcher size = SIZE.matcher(status);
      if (!size.find()) {
        throw malformed(lineNumber + 1, "\"N blocks\" for " + Excerpt.of(name, 20), status);
      }
      blocks = parse(lineNumber + 1, size.group(1), status);
      required = members(fields);
      active = required;
    } else {
      Matcher counts = STATUS.matcher(status);
      if (!counts.find()) {
        throw malformed(lineNumber + 1, "\"N blocks ... [n/m] [U_]\" for " + Excerpt.of(name, 20), status);
      }
      blocks = parse(lineNumber + 1, counts.group(1), status);
      required = parse(lineNumber + 1, counts.group(2), status);
      active = parse(lineNumber + 1, counts.group(3), status);
    }

    long synced = blocks;
    String sync = details.size() > 1 && !details.get(1).startsWith("bitmap:") ? details.get(1) : "";
    String syncActivity = syncActivity(sync);
    if (syncActivity != null) {
      activity = syncActivity;
      if (sync.contains("DELAYED") || sync.contains("PENDING")) {
        synced = 0;
      } else {
        Matcher progress = SYNCED.matcher(sync);
        if (!progress.find()) {
          throw malformed(lineNumber + 2, "\"(synced/total)\" in the sync line of " + Excerpt.of(name, 20), sync);
        }
        synced = parse(lineNumber + 2, progress.group(1), sync);
      }
    }
    return new MdArray(name, activity, required, active, failed, spare, blocks, synced);
  }

  /** The sync in progress named on {@code line}, in procfs' order of precedence; null for none. */
  private static String syncActivity(String line) {
    if (line.contains("recovery")) {
      return "recovering";
    }
    if (line.contains("reshape")) {
      return "reshaping";
    }
    if (line.contains("check")) {
      return "checking";
    }
    if (line.contains("resync")) {
      return "resyncing";
    }
    return null;
  }

  /** raid0 and linear arrays print no {@code [n/m]}: every member is required and active. */
  private static boolean isStriped(String[] fields) {
    for (int i = 3; i < fields.length && i <= 4; i++) {
      if (fields[i].equals("raid0") || fields[i].equals("linear")) {
        return true;
      }
    }
    return false;
  }

  private static long members(String[] fields) {
    long n = 0;
    for (int i = 3; i < fields.length; i++) {
      if (MEMBER.matcher(fields[i]).matches()) {
        n++;
      }
    }
    return n;
  }

  private static long count(String line, String marker) {
    long n = 0;
    for (int at = line.indexOf(marker); at >= 0; at = line.indexOf(marker, at + marker.length())) {
      n++;
    }
    return n;
  }

  private long parse(int lineNumber, String digits, String line) throws IOException {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw malformed(lineNumber, "a number that fits 63 bits", line);
    }
  }

  private IOException malformed(int lineNumber, String expected, String line) {
    return MalformedFileException.expected(file, lineNumber, expected, line);
  }

}
