package io.taoprom.exporter.web;

import java.util.Map;

/**
 * What a web config asks of every request, in the order exporter-toolkit applies it: the rate
 * limit (429), the extra response headers (on every answer, 401 included), then basic auth (401
 * with {@code WWW-Authenticate: Basic}; 503 while too many bcrypt checks are under way). The
 * server holds one policy at a time and swaps it when the file changes.
 *
 * <pre>{@code
 * AccessPolicy policy = AccessPolicy.of(config, checks);
 * if (!policy.admit()) { ... 429 ... }
 * policy.headers().forEach(response::setHeader);
 * switch (policy.authenticate(request.header("Authorization"))) { ... }
 * }</pre>
 */
public final class AccessPolicy {

  /** What a request's credentials came to. */
  public enum Verdict {
    /** Basic auth is off, or the credentials are right. */
    ALLOWED,
    /** Answer 401 with {@code WWW-Authenticate: Basic}. */
    DENIED,
    /** Answer 503: too many password checks are under way. */
    BUSY
  }

  /** No limits, headers or users: serving without a web config. */
  public static final AccessPolicy OPEN = new AccessPolicy(Map.of(), null, null);

  private final Map<String, String> headers;
  private final RequestRateLimiter limiter;
  private final BasicAuth auth;

  private AccessPolicy(Map<String, String> headers, RequestRateLimiter limiter, BasicAuth auth) {
    this.headers = headers;
    this.limiter = limiter;
    this.auth = auth;
  }

  /** The policy of {@code config}; bcrypt runs under {@code checks}, shared across reloads. */
  public static AccessPolicy of(WebConfig config, PasswordChecks checks) {
    return new AccessPolicy(config.headers(), config.rateLimit().map(RequestRateLimiter::new).orElse(null),
        config.users().isEmpty() ? null : BasicAuth.of(config.users(), checks.bcrypt()));
  }

  /** The extra headers for every answer. */
  public Map<String, String> headers() {
    return headers;
  }

  /** Whether the rate limit lets this request in (always, without one). */
  public boolean admit() {
    return limiter == null || limiter.tryAcquire();
  }

  /** Whether basic auth is on. */
  public boolean requiresAuth() {
    return auth != null;
  }

  /** The verdict on a request's {@code Authorization} header (null when it has none). */
  public Verdict authenticate(String authorization) {
    if (auth == null) {
      return Verdict.ALLOWED;
    }
    return switch (auth.check(authorization)) {
      case ALLOWED -> Verdict.ALLOWED;
      case DENIED -> Verdict.DENIED;
      case BUSY -> Verdict.BUSY;
    };
  }
}
