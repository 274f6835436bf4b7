package io.taoprom.exporter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** bcrypt basic auth: htpasswd's hashes, unknown users, malformed headers, the memory of good credentials, and the bounds. */
class BasicAuthTest {

  private static String header(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void htpasswdHashesCheckAndEverythingElseIsDenied() {
    BasicAuth auth = BasicAuth.of(Map.of("alice", WebConfigParserTest.ALICE_HASH), new BcryptChecks());
    assertThat(auth.check(header("alice", "secret"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
    assertThat(auth.check("bAsIc " + Base64.getEncoder().encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8))))
        .as("the scheme in any case").isEqualTo(BasicAuth.Verdict.ALLOWED);
    for (String bad : new String[] {null, "", "Basic", "Bearer abc", "Basic !!!", header("alice", "Secret"), header("alice", ""),
        header("bob", "secret"), "Basic " + Base64.getEncoder().encodeToString("alicesecret".getBytes(StandardCharsets.UTF_8)),
        header("alice", "secret" + "x".repeat(100))}) {
      assertThat(auth.check(bad)).as(String.valueOf(bad)).isEqualTo(BasicAuth.Verdict.DENIED);
    }
  }

  @Test
  void aPasswordThatPassedIsRememberedAsAKeyedHashAndAChangedHashForgetsIt() throws Exception {
    BcryptChecks checks = new BcryptChecks();
    BasicAuth auth = BasicAuth.of(Map.of("alice", WebConfigParserTest.ALICE_HASH), checks);
    assertThat(auth.check(header("alice", "secret"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
    long start = System.nanoTime();
    for (int i = 0; i < 200; i++) {
      assertThat(auth.check(header("alice", "secret"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
    }
    // 200 bcrypt checks at cost 5 take seconds; from memory they take milliseconds.
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.0);
    // Another hash for alice (her password changed): what passed before no longer does.
    String other = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", "new".toCharArray(), new byte[16], 4);
    BasicAuth changed = BasicAuth.of(Map.of("alice", other), checks);
    assertThat(changed.check(header("alice", "secret"))).isEqualTo(BasicAuth.Verdict.DENIED);
    assertThat(changed.check(header("alice", "new"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
  }

  @Test
  void aFloodOfWrongPasswordsRunsOneBcryptAtATimeAndTurnsTheRestAway() throws Exception {
    BcryptChecks checks = new BcryptChecks();
    // cost 10: a check takes long enough here for the flood to pile up behind it
    String hash = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", "right".toCharArray(), new byte[16], 10);
    BasicAuth auth = BasicAuth.of(Map.of("alice", hash), checks);
    assertThat(auth.check(header("alice", "right"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService flood = Executors.newFixedThreadPool(32);
    try {
      List<Future<BasicAuth.Verdict>> verdicts = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        verdicts.add(flood.submit(() -> {
          int now = running.incrementAndGet();
          most.accumulateAndGet(now, Math::max);
          try {
            return auth.check(header(n % 2 == 0 ? "alice" : "mallory" + n, "wrong" + n));
          } finally {
            running.decrementAndGet();
          }
        }));
      }
      // Meanwhile the right password, remembered, is let in at once.
      long start = System.nanoTime();
      assertThat(auth.check(header("alice", "right"))).isEqualTo(BasicAuth.Verdict.ALLOWED);
      assertThat((System.nanoTime() - start) / 1e6).isLessThan(200.0);
      int busy = 0;
      for (Future<BasicAuth.Verdict> v : verdicts) {
        BasicAuth.Verdict verdict = v.get();
        assertThat(verdict).isIn(BasicAuth.Verdict.DENIED, BasicAuth.Verdict.BUSY);
        busy += verdict == BasicAuth.Verdict.BUSY ? 1 : 0;
      }
      assertThat(most.get()).isGreaterThan(BcryptChecks.CONCURRENT + BcryptChecks.WAITING);
      assertThat(busy).as("requests beyond %d checking or waiting are turned away", BcryptChecks.CONCURRENT + BcryptChecks.WAITING)
          .isGreaterThan(0);
    } finally {
      flood.shutdownNow();
    }
  }

  @Test
  void manyRequestsWithTheSameNewCredentialsWaitForOneCheckInsteadOfBeingTurnedAway() throws Exception {
    String hash = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", "right".toCharArray(), new byte[16], 10);
    BasicAuth auth = BasicAuth.of(Map.of("alice", hash), new BcryptChecks());
    ExecutorService scrapers = Executors.newFixedThreadPool(32);
    try {
      List<Future<BasicAuth.Verdict>> verdicts = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        verdicts.add(scrapers.submit(() -> auth.check(header("alice", "right"))));
      }
      for (Future<BasicAuth.Verdict> v : verdicts) {
        assertThat(v.get()).isEqualTo(BasicAuth.Verdict.ALLOWED);
      }
    } finally {
      scrapers.shutdownNow();
    }
  }

  @Test
  void anUnknownUserCostsABcryptCheckLikeAKnownOne() {
    BcryptChecks checks = new BcryptChecks();
    String hash = org.bouncycastle.crypto.generators.OpenBSDBCrypt.generate("2y", "right".toCharArray(), new byte[16], 8);
    BasicAuth auth = BasicAuth.of(Map.of("alice", hash), checks);
    auth.check(header("alice", "warm-up"));
    long known = timed(() -> auth.check(header("alice", "wrong")));
    long unknown = timed(() -> auth.check(header("nobody", "wrong")));
    // Same cost (8): within a factor of three of each other, and neither a shortcut of a few microseconds.
    assertThat(unknown).isGreaterThan(known / 3).isLessThan(known * 3);
    assertThat(unknown).isGreaterThan(1_000_000L);
  }

  private static long timed(Runnable r) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      r.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }
}
