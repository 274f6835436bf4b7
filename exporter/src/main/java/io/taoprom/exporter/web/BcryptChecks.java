package io.taoprom.exporter.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Where bcrypt runs, shared by every configuration a server loads: at most {@link #CONCURRENT}
 * checks at once and {@link #WAITING} waiting (the rest are turned away at once), so that a flood
 * of wrong passwords costs one core and a few worker threads, never all of them; and a bounded
 * memory of credentials that passed, so that a Prometheus server that scrapes with the right
 * password every 15 s pays for bcrypt once. Requests with the same credentials while they are
 * being checked wait for that one check (at most {@link #MAX_WAIT} and a second) instead.
 *
 * <p>The memory holds no password: only an HMAC-SHA256, under a key made at random when the
 * process starts, of the user name, the hash it was checked against and the password. A changed
 * hash (a new password in the config) no longer matches what is remembered.
 */
final class BcryptChecks {

  static final int CONCURRENT = 1;
  static final int WAITING = 4;
  static final Duration MAX_WAIT = Duration.ofSeconds(2);
  static final int REMEMBERED = 64;

  /** What a check came to. */
  enum Result { MATCH, NO_MATCH, BUSY }

  private final Semaphore running = new Semaphore(CONCURRENT, true);
  // Checks under way, by the keyed hash of what they check: 64 scrapers starting at once with the
  // same password wait for one check rather than each taking (or being refused) a place.
  private final Map<String, java.util.concurrent.CompletableFuture<Boolean>> inFlight =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final SecretKeySpec macKey;
  private final Map<String, Boolean> remembered = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  };

  BcryptChecks() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.macKey = new SecretKeySpec(key, "HmacSHA256");
  }

  /**
   * Whether {@code password} matches {@code hash}: from memory when it matched before, else by
   * bcrypt under the bounds.
   *
   * @param user part of what is remembered, so one user's password never opens another's entry
   * @param remember whether a match may be remembered (false for the decoy of unknown users)
   */
  Result check(String user, String hash, byte[] password, boolean remember) {
    String mac = mac(user, hash, password);
    synchronized (remembered) {
      if (remembered.get(mac) != null) {
        return Result.MATCH;
      }
    }
    java.util.concurrent.CompletableFuture<Boolean> mine = new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Boolean> theirs = inFlight.putIfAbsent(mac, mine);
    if (theirs != null) {
      return awaitOther(theirs);
    }
    try {
      Result result = run(mac, hash, password, remember);
      mine.complete(result == Result.MATCH ? Boolean.TRUE : result == Result.NO_MATCH ? Boolean.FALSE : null);
      return result;
    } catch (RuntimeException | Error e) {
      mine.complete(null);
      throw e;
    } finally {
      inFlight.remove(mac, mine);
    }
  }

  private static Result awaitOther(java.util.concurrent.CompletableFuture<Boolean> other) {
    try {
      Boolean match = other.get(MAX_WAIT.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return match == null ? Result.BUSY : match ? Result.MATCH : Result.NO_MATCH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.BUSY;
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      return Result.BUSY;
    }
  }

  private Result run(String mac, String hash, byte[] password, boolean remember) {
    if (waiting.incrementAndGet() > CONCURRENT + WAITING) {
      waiting.decrementAndGet();
      return Result.BUSY;
    }
    try {
      if (!running.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return Result.BUSY;
      }
      try {
        boolean match = bcrypt(hash, password);
        if (match && remember) {
          synchronized (remembered) {
            remembered.put(mac, Boolean.TRUE);
          }
        }
        return match ? Result.MATCH : Result.NO_MATCH;
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Result.BUSY;
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static boolean bcrypt(String hash, byte[] password) {
    try {
      return OpenBSDBCrypt.checkPassword(hash, password);
    } catch (RuntimeException e) {
      return false; // a password bcrypt refuses (over 72 bytes): it matches nothing
    }
  }

  private String mac(String user, String hash, byte[] password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(macKey);
      mac.update(user.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      mac.update((byte) 0);
      mac.update(hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return Base64.getEncoder().encodeToString(mac.doFinal(password));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from the JVM", e);
    }
  }

  /** Forgets what passed (tests). */
  void forget() {
    synchronized (remembered) {
      remembered.clear();
    }
  }
}
