package io.taoprom.chain.subtensor;

import io.taoprom.chain.tx.WaitFor;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Subtensor#servePrometheus} and {@link Subtensor#serveAxon} go about it.
 *
 * <pre>{@code
 * ServeOptions o = ServeOptions.defaults().withWaitFor(WaitFor.IN_BLOCK).withForce(true);
 * }</pre>
 *
 * @param waitFor wait for inclusion or finalization (default finalization)
 * @param timeout how long to wait for it (default 2 minutes)
 * @param force send even when the chain already has exactly this endpoint (default false)
 * @param preflight check registration, address and rate limit locally first and send nothing
 *     doomed (default true); off, the chain decides and its own error comes back
 * @param eraPeriod blocks the transaction stays valid for (default 64); 0 for immortal
 */
public record ServeOptions(WaitFor waitFor, Duration timeout, boolean force, boolean preflight, int eraPeriod) {

  public ServeOptions {
    Objects.requireNonNull(waitFor, "waitFor");
    Objects.requireNonNull(timeout, "timeout");
    if (eraPeriod < 0) {
      throw new IllegalArgumentException("eraPeriod must not be negative");
    }
  }

  public static ServeOptions defaults() {
    return new ServeOptions(WaitFor.FINALIZED, Duration.ofMinutes(2), false, true, 64);
  }

  public ServeOptions withWaitFor(WaitFor w) {
    return new ServeOptions(w, timeout, force, preflight, eraPeriod);
  }

  public ServeOptions withTimeout(Duration t) {
    return new ServeOptions(waitFor, t, force, preflight, eraPeriod);
  }

  public ServeOptions withForce(boolean f) {
    return new ServeOptions(waitFor, timeout, f, preflight, eraPeriod);
  }

  public ServeOptions withPreflight(boolean p) {
    return new ServeOptions(waitFor, timeout, force, p, eraPeriod);
  }

  public ServeOptions withEraPeriod(int period) {
    return new ServeOptions(waitFor, timeout, force, preflight, period);
  }
}
