package io.taoprom.metrics.host.meminfo;

import java.io.IOException;
import java.util.List;

/** Where the {@code meminfo} collector reads memory figures from. */
interface MemorySource {

  /**
   * One figure under node_exporter's key: {@code MemTotal_bytes}, {@code Active_anon_bytes},
   * {@code HugePages_Total} (no unit in the kernel's file, so no suffix).
   */
  record MemoryField(String key, double value) {}

  /** The figures in the order the system lists them. */
  List<MemoryField> read() throws IOException;
}
