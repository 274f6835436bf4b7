package io.taoprom.exporter.web;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-reads a web config when it, or a certificate, key or CA file it names, changes (looked at
 * every second: a few {@code stat} calls), as exporter-toolkit picks up changes without a restart.
 * A file that has become unusable leaves the last good configuration in force and says why in one
 * log line, once per broken state; the next good version is applied and logged.
 *
 * <pre>{@code
 * WebConfigWatcher watcher = WebConfigWatcher.start(file, server::apply, Duration.ofSeconds(1));
 * ...
 * watcher.close();
 * }</pre>
 */
public final class WebConfigWatcher implements AutoCloseable {

  /** Takes a newly read configuration into use, or refuses it (TLS turned on or off). */
  @FunctionalInterface
  public interface Applier {
    void apply(WebConfigFile next) throws WebConfigException;
  }

  private static final System.Logger LOG = System.getLogger("io.taoprom.exporter.web");

  private final Applier applier;
  private final ScheduledExecutorService scheduler;
  private volatile WebConfigFile current;
  private List<WebConfigFile.Stamp> failedAt;

  private WebConfigWatcher(WebConfigFile current, Applier applier) {
    this.current = current;
    this.applier = applier;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "taoprom-web-config");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts watching {@code current}'s files every {@code interval}. */
  public static WebConfigWatcher start(WebConfigFile current, Applier applier, Duration interval) {
    WebConfigWatcher watcher = new WebConfigWatcher(current, applier);
    watcher.scheduler.scheduleWithFixedDelay(watcher::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return watcher;
  }

  /** The configuration in force. */
  public WebConfigFile current() {
    return current;
  }

  /** Looks once; what the timer runs. */
  synchronized void check() {
    try {
      WebConfigFile good = current;
      List<WebConfigFile.Stamp> now = good.currentStamps();
      if (now.equals(good.stamps())) {
        failedAt = null;
        return;
      }
      if (now.equals(failedAt)) {
        return; // broken the same way as when last said
      }
      try {
        WebConfigFile next = WebConfigFile.load(good.path());
        applier.apply(next);
        current = next;
        failedAt = null;
        LOG.log(Level.INFO, "web config " + good.path() + " reloaded: " + next.config().summary());
      } catch (WebConfigException e) {
        failedAt = now;
        LOG.log(Level.WARNING, "web config changed but cannot be used; keeping the last good one: " + e.getMessage());
      }
    } catch (RuntimeException e) { // NOPMD: the watcher must outlive any surprise
      LOG.log(Level.WARNING, "web config: checking for changes failed: " + e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
