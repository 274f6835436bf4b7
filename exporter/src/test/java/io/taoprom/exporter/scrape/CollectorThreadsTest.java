package io.taoprom.exporter.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollectorThreadsTest {

  private static final long STALL = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long KEEP_ALIVE = TimeUnit.SECONDS.toNanos(60);

  @Test
  void quickTasksShareTheParallelismAndNoMore() throws Exception {
    // A stall time no task reaches even on a loaded machine: this is about the shared workers.
    CollectorThreads threads = new CollectorThreads(2, TimeUnit.SECONDS.toNanos(30), KEEP_ALIVE);
    try {
      int tasks = 200;
      CountDownLatch done = new CountDownLatch(tasks);
      AtomicInteger maxThreads = new AtomicInteger();
      for (int i = 0; i < tasks; i++) {
        threads.execute(() -> {
          maxThreads.accumulateAndGet(threads.threads(), Math::max);
          done.countDown();
        });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(maxThreads.get()).isBetween(1, 2);
      assertThat(threads.threads()).isLessThanOrEqualTo(2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aHungTaskHoldsOnlyItsOwnThreadAndTheOthersStillRun() throws Exception {
    CollectorThreads threads = new CollectorThreads(1, STALL, KEEP_ALIVE);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch hung = new CountDownLatch(1);
    try {
      threads.execute(() -> {
        hung.countDown();
        awaitQuietly(release);
      });
      assertThat(hung.await(5, TimeUnit.SECONDS)).isTrue();
      CountDownLatch others = new CountDownLatch(5);
      long start = System.nanoTime();
      for (int i = 0; i < 5; i++) {
        threads.execute(others::countDown);
      }
      assertThat(others.await(5, TimeUnit.SECONDS)).as("tasks queued behind a hung one run").isTrue();
      // The watchdog waits for the stall time before it replaces the stuck worker: not much longer.
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
      assertThat(threads.threads()).as("the stuck worker and one replacement").isEqualTo(2);

      // A second and third hung task: each costs one thread, never more.
      CountDownLatch twoMore = new CountDownLatch(2);
      for (int i = 0; i < 2; i++) {
        threads.execute(() -> {
          twoMore.countDown();
          awaitQuietly(release);
        });
      }
      assertThat(twoMore.await(5, TimeUnit.SECONDS)).isTrue();
      CountDownLatch last = new CountDownLatch(1);
      threads.execute(last::countDown);
      assertThat(last.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(threads.threads()).isEqualTo(4);
    } finally {
      release.countDown();
    }
    try {
      // Once the hung tasks end, the replacements are surplus and retire on their next idle wait.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (threads.threads() > 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(threads.threads()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aThrowingTaskDoesNotKillItsWorker() throws Exception {
    CollectorThreads threads = new CollectorThreads(1, STALL, KEEP_ALIVE);
    try {
      threads.execute(() -> {
        throw new IllegalStateException("boom");
      });
      CountDownLatch next = new CountDownLatch(1);
      threads.execute(next::countDown);
      assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(threads.threads()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void idleWorkersEndAfterTheKeepAlive() throws Exception {
    CollectorThreads threads = new CollectorThreads(2, STALL, TimeUnit.MILLISECONDS.toNanos(100));
    try {
      CountDownLatch done = new CountDownLatch(1);
      threads.execute(done::countDown);
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (threads.threads() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(threads.threads()).isZero();
      CountDownLatch again = new CountDownLatch(1);
      threads.execute(again::countDown);
      assertThat(again.await(5, TimeUnit.SECONDS)).as("a new worker starts for new work").isTrue();
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shutdownNowInterruptsRunningTasksAndRejectsNewOnes() throws Exception {
    CollectorThreads threads = new CollectorThreads(1, STALL, KEEP_ALIVE);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    threads.execute(() -> {
      started.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    threads.shutdownNow();
    assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> threads.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
