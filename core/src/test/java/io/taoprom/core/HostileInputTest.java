package io.taoprom.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.keys.KeyFormatException;
import io.taoprom.core.keys.Keys;
import io.taoprom.core.keys.Mnemonic;
import io.taoprom.core.keys.SecretUri;
import io.taoprom.core.keys.Ss58;
import io.taoprom.core.scale.ScaleCodecs;
import io.taoprom.core.scale.ScaleDecodeException;
import io.taoprom.core.wallet.Keyfile;
import io.taoprom.core.wallet.KeyfileException;
import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every text and byte parser in core, fed random and mutated input: each either succeeds or
 * throws its own typed exception with a message, never an index, null-pointer or memory error.
 */
class HostileInputTest {

  private static final long SEED = 0xBADC0DEL;
  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String PHRASE = "legal winner thank year wave sausage worth useful legal winner thank yellow";

  private static void check(String what, Object input, Runnable parse, List<Class<? extends RuntimeException>> allowed) {
    try {
      parse.run();
    } catch (RuntimeException e) {
      if (allowed.stream().noneMatch(c -> c.isInstance(e))) {
        fail(what + " threw " + e + " for input " + input, e);
      }
      assertThat(e.getMessage()).as("%s message", what).isNotBlank();
    } catch (StackOverflowError | OutOfMemoryError e) {
      fail(what + " threw " + e + " for input " + input);
    }
  }

  private static String randomText(Random r, String alphabet, int maxLength) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(maxLength + 1);
    for (int i = 0; i < n; i++) {
      sb.append(r.nextInt(10) == 0 ? (char) r.nextInt(0x3000) : alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String mutate(Random r, String s) {
    StringBuilder sb = new StringBuilder(s);
    int edits = 1 + r.nextInt(3);
    for (int i = 0; i < edits && sb.length() > 0; i++) {
      int at = r.nextInt(sb.length());
      switch (r.nextInt(3)) {
        case 0 -> sb.deleteCharAt(at);
        case 1 -> sb.insert(at, (char) (32 + r.nextInt(95)));
        default -> sb.setCharAt(at, (char) (32 + r.nextInt(95)));
      }
    }
    return sb.toString();
  }

  private static void forInputs(String seedText, String alphabet, int maxLength, Consumer<String> test) {
    Random r = new Random(SEED ^ seedText.hashCode());
    for (int i = 0; i < 400; i++) {
      test.accept(i % 2 == 0 ? randomText(r, alphabet, maxLength) : mutate(r, seedText));
    }
  }

  @Test
  void ss58() {
    forInputs(ALICE, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0OIl", 60,
        s -> check("Ss58.decode", s, () -> Ss58.decode(s), List.of(KeyFormatException.class)));
    check("Ss58.decode", null, () -> Ss58.decode(null), List.of(KeyFormatException.class));
  }

  @Test
  void secretUrisAndKeys() {
    forInputs("//Alice//stash/0///pw", "/abc 0x19", 30, s -> {
      check("SecretUri.parse", s, () -> SecretUri.parse(s), List.of(KeyFormatException.class));
      check("Keys.fromUri", s, () -> Keys.fromUri(s), List.of(KeyFormatException.class, KeyException.class));
      check("Keys.fromUri ed25519", s, () -> Keys.fromUri(s, "ed25519"), List.of(KeyFormatException.class, KeyException.class));
    });
    forInputs("0x" + "ab".repeat(32) + "//x", "0123456789abcdefxX/", 70,
        s -> check("Keys.fromUri", s, () -> Keys.fromUri(s), List.of(KeyFormatException.class, KeyException.class)));
    forInputs("x", "/ab1+", 8, s -> check("DeriveJunction.parse", s, () -> DeriveJunction.parse(s), List.of(KeyException.class)));
  }

  @Test
  void mnemonics() {
    forInputs(PHRASE, "abcdefghijklmnopqrstuvwxyz  ", 120,
        s -> check("Mnemonic.toEntropy", s, () -> Mnemonic.toEntropy(s), List.of(KeyFormatException.class)));
  }

  @Test
  void keyfiles() {
    String good = "{\"accountId\": \"0x" + "11".repeat(32) + "\", \"secretSeed\": \"0x" + "22".repeat(32)
        + "\", \"ss58Address\": \"" + ALICE + "\"}";
    forInputs(good, "{}[]\":,\\ux0aA 5", 120, s -> check("Keyfile.parse", s,
        () -> Keyfile.parse(Path.of("k"), s.getBytes(StandardCharsets.UTF_8), PasswordSource.none(), NaclKeyfileCipher.BITTENSOR),
        List.of(KeyfileException.class)));
    Random r = new Random(SEED);
    for (int i = 0; i < 200; i++) {
      byte[] b = new byte[r.nextInt(80)];
      r.nextBytes(b);
      if (i % 3 == 0 && b.length > 5) {
        System.arraycopy("$NACL".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 5);
      }
      check("Keyfile.parse bytes", b.length, () -> Keyfile.parse(Path.of("k"), b, PasswordSource.of("pw".toCharArray()),
          NaclKeyfileCipher.withLimits(3, 8192)), List.of(KeyfileException.class));
    }
  }

  @Test
  void scaleLengthsNeverAllocateBeyondTheInput() {
    Random r = new Random(SEED);
    for (int i = 0; i < 2000; i++) {
      byte[] b = new byte[r.nextInt(12)];
      r.nextBytes(b);
      if (b.length > 0) {
        b[0] |= 0b11; // big-integer compact lengths: the hostile case
      }
      check("Vec<Vec<u64>>", b.length, () -> ScaleCodecs.vec(ScaleCodecs.vec(ScaleCodecs.U64)).decodeAll(b),
          List.of(ScaleDecodeException.class));
      check("String", b.length, () -> ScaleCodecs.STRING.decodeAll(b), List.of(ScaleDecodeException.class));
    }
  }
}
