package io.taoprom.metrics.textfile.format;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs the problems of inputs (files, scrape targets) once when they appear and once when they
 * go away, not on every scrape: a broken file scraped every 15 s gives one warning, not 5,760 a
 * day.
 *
 * <pre>{@code
 * ProblemLog.Round round = problems.round();
 * round.problem("/var/lib/taoprom/x.prom: line 3: invalid metric name");
 * round.end();   // logs what is new, notes what was resolved
 * }</pre>
 */
public final class ProblemLog {

  private final System.Logger log;
  private final Set<String> active = ConcurrentHashMap.newKeySet();

  /** Problems are logged to {@code log}: new ones as warnings, resolved ones as info. */
  public ProblemLog(System.Logger log) {
    this.log = log;
  }

  /** Starts collecting one scrape's problems. */
  public Round round() {
    return new Round();
  }

  /** One scrape's problems. */
  public final class Round {
    private final Set<String> seen = new HashSet<>();

    private Round() {}

    /** Notes a problem, logging it if it was not already active. */
    public void problem(String message) {
      if (seen.add(message) && active.add(message)) {
        log.log(System.Logger.Level.WARNING, message);
      }
    }

    /** Whether this round had any problem. */
    public boolean any() {
      return !seen.isEmpty();
    }

    /** Ends the round: active problems not seen in it are resolved. */
    public void end() {
      for (String message : active) {
        if (!seen.contains(message) && active.remove(message)) {
          log.log(System.Logger.Level.INFO, "resolved: " + message);
        }
      }
    }
  }
}
