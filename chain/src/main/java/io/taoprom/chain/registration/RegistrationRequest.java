package io.taoprom.chain.registration;

import java.time.Duration;
import java.util.Objects;

/**
 * One registration to make: where, what, and how to go about it. A dry run, {@link WaitMode#NONE}
 * and the chain deciding alone ({@code preflight} off) are modes of the one registration path.
 *
 * <pre>{@code
 * RegistrationRequest r = RegistrationRequest.of(27, Endpoint.parse("203.0.113.7", null, 7091, 183))
 *     .withWait(WaitMode.INCLUSION).withWaitRateLimit(true);
 * }</pre>
 *
 * @param netuid the subnet
 * @param endpoint the address, port and version to register
 * @param waitMode how long to wait after submitting (default finalization)
 * @param waitRateLimit when the serving rate limit has not passed, wait for the first allowed
 *     block instead of reporting it (default false)
 * @param force send even when the chain already holds exactly this endpoint (default false)
 * @param dryRun read the chain and report the call and the difference; sign and send nothing
 * @param timeout how long to wait for inclusion or finalization (default 2 minutes)
 * @param preflight check the subnet, the hotkey's registration, the address and the rate limit
 *     before sending, and send nothing doomed (default true); off, the chain decides and its own
 *     error comes back
 */
public record RegistrationRequest(int netuid, Endpoint endpoint, WaitMode waitMode, boolean waitRateLimit, boolean force,
    boolean dryRun, Duration timeout, boolean preflight) {

  public RegistrationRequest {
    if (netuid < 0 || netuid > 65535) {
      throw new IllegalArgumentException("netuid " + netuid + " is out of range; a netuid is from 0 to 65535");
    }
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(waitMode, "waitMode");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The defaults: wait for finalization, report a rate limit, no force, no dry run, 2 minutes, preflight on. */
  public static RegistrationRequest of(int netuid, Endpoint endpoint) {
    return new RegistrationRequest(netuid, endpoint, WaitMode.FINALIZATION, false, false, false, Duration.ofMinutes(2),
        true);
  }

  public RegistrationRequest withEndpoint(Endpoint e) {
    return new RegistrationRequest(netuid, e, waitMode, waitRateLimit, force, dryRun, timeout, preflight);
  }

  public RegistrationRequest withWait(WaitMode w) {
    return new RegistrationRequest(netuid, endpoint, w, waitRateLimit, force, dryRun, timeout, preflight);
  }

  public RegistrationRequest withWaitRateLimit(boolean w) {
    return new RegistrationRequest(netuid, endpoint, waitMode, w, force, dryRun, timeout, preflight);
  }

  public RegistrationRequest withForce(boolean f) {
    return new RegistrationRequest(netuid, endpoint, waitMode, waitRateLimit, f, dryRun, timeout, preflight);
  }

  public RegistrationRequest withDryRun(boolean d) {
    return new RegistrationRequest(netuid, endpoint, waitMode, waitRateLimit, force, d, timeout, preflight);
  }

  public RegistrationRequest withTimeout(Duration t) {
    return new RegistrationRequest(netuid, endpoint, waitMode, waitRateLimit, force, dryRun, t, preflight);
  }

  /** Off: no local checks; the chain decides, and its own error (pool or dispatch) comes back. */
  public RegistrationRequest withPreflight(boolean p) {
    return new RegistrationRequest(netuid, endpoint, waitMode, waitRateLimit, force, dryRun, timeout, p);
  }
}
