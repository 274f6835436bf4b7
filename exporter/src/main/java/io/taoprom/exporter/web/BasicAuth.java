package io.taoprom.exporter.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * {@code basic_auth_users}: checks an {@code Authorization: Basic} header against the bcrypt
 * hashes. An unknown user costs a bcrypt check against a decoy hash of the users' cost, so that
 * timing does not tell which names exist; bcrypt itself compares in constant time. The checks run
 * under {@link BcryptChecks}' bounds.
 *
 * <pre>{@code
 * BasicAuth auth = BasicAuth.of(config.users(), checks);
 * switch (auth.check(request.header("Authorization"))) { ... }
 * }</pre>
 */
final class BasicAuth {

  /** The most an unknown user's decoy check may cost: cost 12 is about 0.3-0.7 s here. */
  static final int MAX_DECOY_COST = 12;

  /** What a request's credentials came to. */
  enum Verdict {
    /** A known user with the right password. */
    ALLOWED,
    /** No credentials, a malformed header, an unknown user or a wrong password: 401. */
    DENIED,
    /** Too many checks under way: 503, try again. */
    BUSY
  }

  private final Map<String, String> users;
  private final String decoy;
  private final BcryptChecks checks;

  private BasicAuth(Map<String, String> users, String decoy, BcryptChecks checks) {
    this.users = users;
    this.decoy = decoy;
    this.checks = checks;
  }

  /** The users of a web config (name to bcrypt hash); at least one. */
  static BasicAuth of(Map<String, String> users, BcryptChecks checks) {
    int cost = users.values().stream().mapToInt(h -> Integer.parseInt(h.substring(4, 6))).max().orElse(10);
    byte[] salt = new byte[16];
    byte[] random = new byte[16];
    SecureRandom rng = new SecureRandom();
    rng.nextBytes(salt);
    rng.nextBytes(random);
    String decoy = OpenBSDBCrypt.generate("2y", Base64.getEncoder().encode(random), salt, Math.min(cost, MAX_DECOY_COST));
    return new BasicAuth(Map.copyOf(users), decoy, checks);
  }

  /** The verdict on an {@code Authorization} header (null when the request has none). */
  Verdict check(String authorization) {
    if (authorization == null || authorization.length() < 6
        || !authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
      return Verdict.DENIED;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return Verdict.DENIED;
    }
    int colon = indexOf(decoded, (byte) ':');
    if (colon < 0) {
      return Verdict.DENIED;
    }
    String user = new String(decoded, 0, colon, StandardCharsets.UTF_8);
    byte[] password = java.util.Arrays.copyOfRange(decoded, colon + 1, decoded.length);
    java.util.Arrays.fill(decoded, (byte) 0);
    String hash = users.get(user);
    boolean known = hash != null;
    BcryptChecks.Result result = checks.check(user, known ? hash : decoy, password, known);
    java.util.Arrays.fill(password, (byte) 0);
    if (result == BcryptChecks.Result.BUSY) {
      return Verdict.BUSY;
    }
    return known && result == BcryptChecks.Result.MATCH ? Verdict.ALLOWED : Verdict.DENIED;
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
