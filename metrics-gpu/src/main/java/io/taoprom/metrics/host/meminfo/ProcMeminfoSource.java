package io.taoprom.metrics.host.meminfo;

import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every line of {@code /proc/meminfo}, named as node_exporter names it: {@code Active(anon): 1560
 * kB} becomes {@code Active_anon_bytes} = 1560 × 1024; a line without a unit keeps its name and
 * value ({@code HugePages_Total: 0}).
 */
final class ProcMeminfoSource implements MemorySource {

  private final ProcFs proc;

  ProcMeminfoSource(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public List<MemoryField> read() throws IOException {
    ProcText text = new ProcText(proc.read("meminfo"), proc.path("meminfo"));
    List<MemoryField> fields = new ArrayList<>(64);
    while (text.nextLine()) {
      int columns = text.fieldsLeft();
      if (columns == 0) {
        continue; // some CentOS kernels print empty lines here
      }
      if (columns > 3) {
        throw text.malformed("\"Name: value\" with at most a unit after it");
      }
      String name = text.field();
      double value = text.unsigned();
      String key = key(name);
      if (columns == 3) { // the unit; the kernel only ever prints kB
        value *= 1024;
        key += "_bytes";
      }
      fields.add(new MemoryField(key, value));
    }
    if (fields.isEmpty()) {
      throw new IOException(proc.path("meminfo") + " is empty");
    }
    return fields;
  }

  /** {@code Active(anon):} to {@code Active_anon}; anything else outside [A-Za-z0-9_] to _. */
  static String key(String name) {
    StringBuilder key = new StringBuilder(name.length() + 1);
    int end = name.endsWith(":") ? name.length() - 1 : name.length();
    for (int i = 0; i < end; i++) {
      char c = name.charAt(i);
      if (c == '(') {
        key.append('_');
      } else if (c == ')') {
        continue;
      } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
        key.append(c);
      } else {
        key.append('_');
      }
    }
    return key.toString();
  }
}
