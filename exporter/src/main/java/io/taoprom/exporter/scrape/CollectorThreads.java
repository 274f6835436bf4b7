package io.taoprom.exporter.scrape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The threads collectors run on: a few shared workers, plus one more for every collection that
 * is stuck, so that a collector that hangs costs only the thread it holds.
 *
 * <pre>{@code
 * CollectorThreads threads = new CollectorThreads(4, Duration.ofMillis(50).toNanos(), 60_000_000_000L);
 * threads.execute(() -> collect());
 * threads.shutdownNow();
 * }</pre>
 *
 * <p>Why not a thread per collector: with node_exporter's default set there are about fifty
 * collectors, and fifty threads cost their stacks, a malloc arena each and their start-up,
 * while a scrape's collections take well under a millisecond each. Why not a plain fixed pool:
 * a collector that hangs would keep its worker, and a few such would starve everyone else.
 *
 * <p>So a worker that has run one task for longer than {@code stallNanos} no longer counts
 * among the {@code parallelism} workers: while tasks wait, a watchdog starts another worker
 * for it. When the stuck task ends, its worker takes more work or retires if there are enough
 * workers. The number of threads is bounded by {@code parallelism} plus the number of tasks
 * stuck at once; the {@link IsolatingCollector} runs at most one task per collector, so that is
 * at most one thread per collector, as before, and only while collectors are stuck.
 */
final class CollectorThreads implements Executor {

  private final int parallelism;
  private final long stallNanos;
  private final long keepAliveNanos;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>(); // guarded by this
  private final List<Worker> workers = new ArrayList<>(); // guarded by this
  private int idle; // workers waiting for a task; guarded by this
  private int count; // for thread names; guarded by this
  private Thread watchdog; // guarded by this
  private boolean shutdown; // guarded by this

  /**
   * @param parallelism how many workers run tasks at once when none is stuck (at least 1)
   * @param stallNanos how long one task may run before its worker is replaced for the others
   * @param keepAliveNanos how long an idle worker waits for work before it ends
   */
  CollectorThreads(int parallelism, long stallNanos, long keepAliveNanos) {
    if (parallelism < 1 || stallNanos <= 0 || keepAliveNanos <= 0) {
      throw new IllegalArgumentException("parallelism, stall and keep-alive must be positive");
    }
    this.parallelism = parallelism;
    this.stallNanos = stallNanos;
    this.keepAliveNanos = keepAliveNanos;
  }

  /** The default for this machine: as many workers as processors, at least 2 and at most 4. */
  static int defaultParallelism() {
    return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  @Override
  public void execute(Runnable task) {
    synchronized (this) {
      if (shutdown) {
        throw new RejectedExecutionException("the collector threads are shut down");
      }
      queue.add(task);
      if (idle == 0 && running(System.nanoTime()) < parallelism) {
        startWorker();
      }
      if (watchdog == null) {
        watchdog = newThread(this::watch, "taoprom-scrape-watchdog");
        watchdog.start();
      }
      notifyAll(); // an idle worker, and the watchdog, asleep while nothing waited
    }
  }

  /** Stops accepting tasks, drops the queued ones and interrupts the running ones. */
  void shutdownNow() {
    synchronized (this) {
      shutdown = true;
      queue.clear();
      for (Worker worker : workers) {
        worker.thread.interrupt();
      }
      if (watchdog != null) {
        watchdog.interrupt();
      }
      notifyAll();
    }
  }

  /** How many worker threads there are now (idle, busy and stuck). */
  synchronized int threads() {
    return workers.size();
  }

  // Workers that are idle or whose task has not yet run past the stall time. Caller holds the lock.
  private int running(long now) {
    int n = 0;
    for (Worker worker : workers) {
      if (worker.taskStart == 0 || now - worker.taskStart < stallNanos) {
        n++;
      }
    }
    return n;
  }

  private void startWorker() {
    Worker worker = new Worker();
    worker.thread = newThread(() -> work(worker), "taoprom-collector-" + ++count);
    workers.add(worker);
    worker.thread.start();
  }

  private static Thread newThread(Runnable body, String name) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private void work(Worker self) {
    try {
      while (true) {
        Runnable task;
        synchronized (this) {
          self.taskStart = 0;
          long waitUntil = System.nanoTime() + keepAliveNanos;
          while (queue.isEmpty() && !shutdown) {
            long left = waitUntil - System.nanoTime();
            // A worker beyond the parallelism (it replaced a stuck one, which is back) retires.
            if (left <= 0 || running(System.nanoTime()) > parallelism) {
              return;
            }
            idle++;
            try {
              waitNanos(left);
            } finally {
              idle--;
            }
          }
          if (shutdown) {
            return;
          }
          task = queue.poll();
          self.taskStart = Math.max(1, System.nanoTime());
        }
        try {
          task.run();
        } catch (Throwable t) { // NOPMD: the tasks report their own failures; the worker lives on
          // CollectorUnit's tasks catch everything; a task that does not must not kill the worker.
        }
        Thread.interrupted(); // an interrupt aimed at the last task must not hit the next one
      }
    } catch (InterruptedException e) {
      // shutdownNow
    } finally {
      synchronized (this) {
        workers.remove(self);
      }
    }
  }

  // While tasks wait and every worker is busy with one that has run past the stall time,
  // starts one more worker; sleeps while nothing waits.
  private void watch() {
    try {
      synchronized (this) {
        while (!shutdown) {
          if (queue.isEmpty()) {
            wait();
            continue;
          }
          long now = System.nanoTime();
          if (idle == 0 && running(now) < parallelism) {
            startWorker();
          }
          waitNanos(nextStall(now));
        }
      }
    } catch (InterruptedException e) {
      // shutdownNow
    }
  }

  // How long until the next running task reaches the stall time (at least a millisecond).
  private long nextStall(long now) {
    long next = stallNanos;
    for (Worker worker : workers) {
      if (worker.taskStart != 0) {
        long left = worker.taskStart + stallNanos - now;
        if (left > 0 && left < next) {
          next = left;
        }
      }
    }
    return Math.max(next, 1_000_000);
  }

  private void waitNanos(long nanos) throws InterruptedException {
    wait(Math.max(1, nanos / 1_000_000), 0);
  }

  private static final class Worker {
    Thread thread;
    long taskStart; // System.nanoTime() when its task began, 0 when idle; guarded by the pool
  }
}
