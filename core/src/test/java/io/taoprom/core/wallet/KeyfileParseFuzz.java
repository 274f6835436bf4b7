package io.taoprom.core.wallet;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.taoprom.untrusted.testing.AllocationBudget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A keyfile holding a known secret, mangled by the fuzzer (bytes inserted, replaced and cut
 * anywhere, including inside the secret, and sometimes a {@code $NACL} header put in front):
 * parsing it either succeeds or throws {@link KeyfileException}, and no message ever quotes the
 * secret — not the seed, not a word of the phrase, not the password — and its allocation stays
 * within a budget proportional to the file.
 */
class KeyfileParseFuzz {

  private static final String SEED_HEX = "8f3c5e6a9d2b4c7e1f0a3b5d7c9e2f4a6b8d0c1e3f5a7b9c2d4e6f8a0b1c3d5e";
  private static final String PHRASE = "tornado glimpse ribbon walnut meadow violin harvest oyster canyon blanket frozen quarter";
  private static final String PASSWORD = "hunter2-correct-horse";
  private static final String TEMPLATE = "{\"accountId\": \"0x" + "11".repeat(32) + "\", \"publicKey\": \"0x" + "11".repeat(32)
      + "\", \"secretPhrase\": \"" + PHRASE + "\", \"secretSeed\": \"0x" + SEED_HEX
      + "\", \"privateKey\": \"0x" + SEED_HEX + SEED_HEX + "\", \"ss58Address\": \"5C62Ck4UrFPiBtoCmeSrgF7x9yv9mn38446dhCpsi2mLHiFT\"}";
  private static final List<String> SECRETS = secrets();
  // Up to three key derivations (phrase, seed, private key) and argon2i's 8 KiB: about 240 KiB
  // each when measured plainly, several MiB under the fuzzer's instrumentation. A fixed 16 MiB
  // covers that; what it must catch is allocation in proportion to a length the file claims.
  private static final AllocationBudget BUDGET = AllocationBudget.perInputByte(256).plusFixed(16L << 20);

  static {
    // One-time costs (BouncyCastle's and elisabeth's classes and tables, the BIP39 word list) are
    // paid here, so that the budget measures what each input costs (32 MiB for the first keyfile in
    // a JVM, then about 240 KiB per key derivation).
    NaclKeyfileCipher cipher = NaclKeyfileCipher.withLimits(3, 8192);
    List<String> warmUps = List.of("{\"secretSeed\": \"0x" + SEED_HEX + "\"}",
        "{\"secretPhrase\": \"" + io.taoprom.core.keys.Keys.DEV_PHRASE + "\"}",
        "{\"privateKey\": \"0x" + SEED_HEX + SEED_HEX + "\"}", TEMPLATE);
    for (String warmUp : warmUps) {
      byte[] plain = warmUp.getBytes(StandardCharsets.UTF_8);
      for (byte[] file : List.of(plain, cipher.encrypt(plain, PASSWORD.getBytes(StandardCharsets.UTF_8)))) {
        try {
          Keyfile.parse(Path.of("hotkey"), file, PasswordSource.of(PASSWORD.toCharArray()), cipher);
        } catch (KeyfileException expected) {
          // TEMPLATE states a public key that is not its secret's: refused after the full parse
        }
      }
    }
  }

  @FuzzTest(maxDuration = "15s")
  void neverQuotesTheSecret(FuzzedDataProvider data) throws Exception {
    StringBuilder text = new StringBuilder(TEMPLATE);
    int edits = data.consumeInt(0, 4);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      int at = data.consumeInt(0, text.length() - 1);
      int cut = data.consumeInt(0, Math.min(8, text.length() - at));
      text.replace(at, at + cut, data.consumeString(12));
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (data.consumeBoolean()) {
      byte[] nacl = new byte[5 + bytes.length];
      System.arraycopy("$NACL".getBytes(StandardCharsets.US_ASCII), 0, nacl, 0, 5);
      System.arraycopy(bytes, 0, nacl, 5, bytes.length);
      bytes = nacl;
    }
    byte[] file = bytes;
    try {
      // argon2i's own 8 KiB (the cheap test limits) plus the parse: nothing in proportion to any
      // length the file claims.
      BUDGET.check(file.length, () -> Keyfile.parse(Path.of("hotkey"), file,
          PasswordSource.of(PASSWORD.toCharArray()), NaclKeyfileCipher.withLimits(3, 8192)));
    } catch (KeyfileException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        for (String secret : SECRETS) {
          if (message.contains(secret)) {
            throw new AssertionError("a keyfile error quotes part of the secret (" + secret.length() + " chars)");
          }
        }
      }
    }
  }

  /** The secret's words, password and every 12-character window of the seed hex. */
  private static List<String> secrets() {
    List<String> out = new java.util.ArrayList<>(List.of(PHRASE.split(" ")));
    out.add(PASSWORD);
    for (int i = 0; i + 12 <= SEED_HEX.length(); i++) {
      out.add(SEED_HEX.substring(i, i + 12));
    }
    return List.copyOf(out);
  }
}
