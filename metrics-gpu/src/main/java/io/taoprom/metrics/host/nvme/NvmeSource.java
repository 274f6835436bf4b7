package io.taoprom.metrics.host.nvme;

import io.taoprom.metrics.host.SysAttribute;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /sys/class/nvme}: one directory per controller ({@code nvme0}) with its identity
 * ({@code firmware_rev}, {@code model}, {@code serial}, {@code state}, {@code cntlid}) and, where
 * the kernel does not use native multipath, its namespaces' block devices ({@code nvme0n1}:
 * {@code size}, {@code nuse}, {@code queue/logical_block_size}, {@code ana_state}). Listed again on
 * every read: a drive that is hot-plugged or removed is seen at the next scrape.
 *
 * <p>A controller attribute that cannot be read is an error naming it, as with node_exporter. Of a
 * namespace's figures, one whose file is absent (kernels before 6.8 have no {@code nuse}) or
 * refused by the driver is left out; node_exporter 1.11 and later fail the whole collector there.
 */
final class NvmeSource {

  private static final String CLASS = "class/nvme";
  /** node_exporter's pattern, searched in each entry of a controller: {@code nvme0n1}, namespace 1. */
  private static final Pattern NAMESPACE = Pattern.compile("nvme\\d+n(\\d+)");

  /** A controller and its namespaces. */
  record Controller(String device, String firmwareRevision, String model, String serial, String state,
      String controllerId, List<Namespace> namespaces) {}

  /**
   * A namespace; the figures are the kernel's unsigned 64-bit integers, empty where absent.
   *
   * @param sizeSectors {@code size}: 512-byte sectors, whatever the block size
   * @param usedBlocks {@code nuse}: logical blocks
   * @param logicalBlockSize {@code queue/logical_block_size} in bytes
   */
  record Namespace(String id, String anaState, OptionalLong sizeSectors, OptionalLong usedBlocks,
      OptionalLong logicalBlockSize) {}

  private final SysFs sys;

  NvmeSource(SysFs sys) {
    this.sys = sys;
  }

  List<Controller> read() throws IOException {
    List<Controller> controllers = new ArrayList<>();
    for (String device : sys.list(CLASS)) {
      Path dir = sys.path(CLASS).resolve(device);
      String firmware = required(dir.resolve("firmware_rev"));
      String model = required(dir.resolve("model"));
      String serial = required(dir.resolve("serial"));
      String state = required(dir.resolve("state"));
      String cntlid = required(dir.resolve("cntlid"));
      List<Namespace> namespaces = new ArrayList<>();
      for (String entry : sys.list(CLASS + "/" + device)) {
        Matcher m = NAMESPACE.matcher(entry);
        if (m.find()) {
          namespaces.add(namespace(m.group(1), dir.resolve(entry)));
        }
      }
      controllers.add(new Controller(device, firmware, model, serial, state, cntlid, namespaces));
    }
    return controllers;
  }

  private static Namespace namespace(String id, Path dir) throws IOException {
    String ana = optional(dir.resolve("ana_state"));
    return new Namespace(id, ana == null ? "unknown" : ana,
        figure(dir.resolve("size")), figure(dir.resolve("nuse")), figure(dir.resolve("queue/logical_block_size")));
  }

  /** An unsigned figure as its 64 bits (node_exporter multiplies them as uint64); empty where absent or refused. */
  private static OptionalLong figure(Path file) throws IOException {
    String text = optional(file);
    if (text == null) {
      return OptionalLong.empty();
    }
    SysAttribute.parseUnsigned(file, text); // throws naming the file unless ASCII digits within 64 bits
    return OptionalLong.of(Long.parseUnsignedLong(text));
  }

  private static String required(Path file) throws IOException {
    String text = SysAttribute.readStripped(file);
    if (text == null) {
      throw new IOException(file + " does not exist; every NVMe controller of a supported kernel has it");
    }
    return text;
  }

  /** The stripped value; null where the attribute is absent, denied or refused. */
  private static String optional(Path file) throws IOException {
    return SysAttribute.readIfShown(file).orElse(null);
  }
}
