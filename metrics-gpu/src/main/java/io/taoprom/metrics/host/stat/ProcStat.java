package io.taoprom.metrics.host.stat;

import io.taoprom.metrics.host.MalformedFileException;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.ProcText;
import java.io.IOException;
import java.util.List;

/**
 * Reads the system-wide lines of {@code /proc/stat}:
 *
 * <pre>
 * cpu  158242 0 23829 117188 310 0 1110 0 0 0
 * cpu0 77487 0 11598 60632 55 0 547 0 0 0
 * intr 1317324 0 0 0 ...
 * ctxt 3101615
 * btime 1796596374
 * processes 44145
 * procs_running 3
 * procs_blocked 0
 * softirq 1113196 0 102082 7 527388 59574 0 4 212656 11650 199835
 * </pre>
 *
 * <p>The per-CPU lines (hundreds on a large machine) and the per-interrupt numbers of the
 * {@code intr} line (thousands) are skipped without being parsed. Every kernel since 2.6 writes
 * the six lines node_exporter reads: a file without one of them is not {@code /proc/stat}.
 */
final class ProcStat {

  /**
   * The softirq vectors in the order of the {@code softirq} line, named as node_exporter names
   * them ({@code block_iopoll} is the kernel's {@code IRQ_POLL}).
   */
  static final List<String> SOFTIRQ_VECTORS =
      List.of("hi", "timer", "net_tx", "net_rx", "block", "block_iopoll", "tasklet", "sched", "hrtimer", "rcu");

  private static final String FILE = "stat";

  private final ProcFs proc;

  ProcStat(ProcFs proc) {
    this.proc = proc;
  }

  /** One read of the file; {@code softirqs} also reads the softirq line. */
  KernelStat read(boolean softirqs) throws IOException {
    ProcText text = new ProcText(proc.read(FILE), proc.path(FILE));
    double intr = Double.NaN;
    double ctxt = Double.NaN;
    double btime = Double.NaN;
    double processes = Double.NaN;
    double running = Double.NaN;
    double blocked = Double.NaN;
    double[] vectors = null;
    while (text.nextLine()) {
      if (!text.hasField() || text.fieldStartsWith("cpu")) {
        continue;
      }
      String key = text.field();
      if (key.equals("softirq")) {
        if (softirqs) {
          vectors = softirqs(text);
        }
        continue;
      }
      try {
        switch (key) {
          case "intr" -> intr = text.unsigned();
          case "ctxt" -> ctxt = text.unsigned();
          case "btime" -> btime = text.unsigned();
          case "processes" -> processes = text.unsigned();
          case "procs_running" -> running = text.unsigned();
          case "procs_blocked" -> blocked = text.unsigned();
          default -> {
            // a line this collector does not serve
          }
        }
      } catch (MalformedFileException e) {
        throw MalformedFileException.atLine(text);
      }
    }
    require(intr, "intr");
    require(ctxt, "ctxt");
    require(btime, "btime");
    require(processes, "processes");
    require(running, "procs_running");
    require(blocked, "procs_blocked");
    if (softirqs && vectors == null) {
      throw new MalformedFileException(proc.path(FILE), "has no softirq line (kernels before 2.6.31 have none)");
    }
    return new KernelStat(intr, ctxt, btime, processes, running, blocked, vectors);
  }

  private double[] softirqs(ProcText text) throws MalformedFileException {
    text.skipField(); // the sum over all vectors
    if (text.fieldsLeft() < SOFTIRQ_VECTORS.size()) {
      throw MalformedFileException.quoting(
          proc.path(FILE), text.lineNumber(), "has fewer than " + SOFTIRQ_VECTORS.size() + " softirq vectors", text.line());
    }
    double[] vectors = new double[SOFTIRQ_VECTORS.size()];
    try {
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = text.unsigned();
      }
    } catch (MalformedFileException e) {
      throw MalformedFileException.atLine(text);
    }
    return vectors;
  }

  private void require(double value, String key) throws MalformedFileException {
    if (Double.isNaN(value)) {
      throw new MalformedFileException(proc.path(FILE), "has no " + key + " line");
    }
  }
}
