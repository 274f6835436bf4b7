package io.taoprom.core.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Bittensor's {@code $NACL} keyfile encryption: the key is libsodium's {@code crypto_pwhash}
 * (argon2i v1.3, one lane) of the password with Bittensor's fixed salt, and the data is sealed
 * with {@code crypto_secretbox} (XSalsa20-Poly1305). The file is {@code "$NACL" || nonce (24) ||
 * tag (16) || ciphertext}.
 *
 * <pre>{@code
 * byte[] json = NaclKeyfileCipher.BITTENSOR.decrypt(fileBytes, password);
 * }</pre>
 *
 * <p>Bittensor uses libsodium's {@code OPSLIMIT_SENSITIVE} / {@code MEMLIMIT_SENSITIVE} for
 * argon2i: 8 passes over 512 MiB. Deriving that key needs about 600 MiB of Java heap and takes
 * seconds; {@link #withLimits} makes cheaper ciphers for tests.
 */
public final class NaclKeyfileCipher {

  /** The prefix of encrypted keyfiles. */
  public static final String PREFIX = "$NACL";

  /** Bittensor's fixed argon2i salt ({@code NACL_SALT} in bittensor-wallet). */
  private static final byte[] BITTENSOR_SALT = {
    0x13, 0x71, (byte) 0x83, (byte) 0xdf, (byte) 0xf1, 0x5a, 0x09, (byte) 0xbc,
    (byte) 0x9c, (byte) 0x90, (byte) 0xb5, 0x51, (byte) 0x87, 0x39, (byte) 0xe9, (byte) 0xb1,
  };

  /** libsodium {@code crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE}. */
  public static final int OPSLIMIT_SENSITIVE = 8;
  /** libsodium {@code crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE} (512 MiB). */
  public static final long MEMLIMIT_SENSITIVE = 536_870_912L;

  /** The cipher Bittensor wallets use. */
  public static final NaclKeyfileCipher BITTENSOR = new NaclKeyfileCipher(OPSLIMIT_SENSITIVE, MEMLIMIT_SENSITIVE);

  private static final int NONCE_BYTES = 24;
  private static final int TAG_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int opsLimit;
  private final long memLimitBytes;

  private NaclKeyfileCipher(int opsLimit, long memLimitBytes) {
    this.opsLimit = opsLimit;
    this.memLimitBytes = memLimitBytes;
  }

  /**
   * A cipher with other argon2i limits (libsodium's minimum for argon2i is 3 passes and 8 KiB),
   * for tests and for files made with non-standard limits.
   */
  public static NaclKeyfileCipher withLimits(int opsLimit, long memLimitBytes) {
    if (opsLimit < 3 || memLimitBytes < 8192 || memLimitBytes / 1024 > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("argon2i needs opslimit >= 3 and memlimit >= 8 KiB, got "
          + opsLimit + " and " + memLimitBytes);
    }
    return new NaclKeyfileCipher(opsLimit, memLimitBytes);
  }

  /** Whether the data starts with {@code $NACL}. */
  public static boolean isEncrypted(byte[] data) {
    return startsWith(data, PREFIX);
  }

  /**
   * Decrypts an encrypted keyfile.
   *
   * @throws KeyfileException for a wrong password (the tag does not verify), a truncated file,
   *     or too little heap for the key derivation
   */
  public byte[] decrypt(byte[] data, byte[] password) {
    int minimum = PREFIX.length() + NONCE_BYTES + TAG_BYTES;
    if (!isEncrypted(data) || data.length < minimum) {
      throw new KeyfileException("an encrypted keyfile of at least " + minimum + " bytes starting with $NACL, got "
          + data.length + " bytes");
    }
    byte[] nonce = Arrays.copyOfRange(data, PREFIX.length(), PREFIX.length() + NONCE_BYTES);
    byte[] tag = Arrays.copyOfRange(data, PREFIX.length() + NONCE_BYTES, minimum);
    byte[] ciphertext = Arrays.copyOfRange(data, minimum, data.length);
    byte[] key = deriveKey(password);
    try {
      XSalsa20Engine salsa = new XSalsa20Engine();
      salsa.init(false, new ParametersWithIV(new KeyParameter(key), nonce));
      byte[] macKey = new byte[32];
      salsa.processBytes(new byte[32], 0, 32, macKey, 0);
      byte[] expected = poly1305(macKey, ciphertext);
      Arrays.fill(macKey, (byte) 0);
      if (!MessageDigest.isEqual(expected, tag)) {
        throw new KeyfileException("wrong password: the encrypted keyfile does not open with it"
            + " (or the file was altered)");
      }
      byte[] plain = new byte[ciphertext.length];
      salsa.processBytes(ciphertext, 0, ciphertext.length, plain, 0);
      return plain;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Encrypts keyfile data with a fresh random nonce. */
  public byte[] encrypt(byte[] plain, byte[] password) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    return encrypt(plain, password, nonce);
  }

  /** Encrypts with a given nonce: only for reproducible test fixtures. */
  byte[] encrypt(byte[] plain, byte[] password, byte[] nonce) {
    byte[] key = deriveKey(password);
    try {
      XSalsa20Engine salsa = new XSalsa20Engine();
      salsa.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
      byte[] macKey = new byte[32];
      salsa.processBytes(new byte[32], 0, 32, macKey, 0);
      byte[] ciphertext = new byte[plain.length];
      salsa.processBytes(plain, 0, plain.length, ciphertext, 0);
      byte[] tag = poly1305(macKey, ciphertext);
      Arrays.fill(macKey, (byte) 0);
      byte[] out = new byte[PREFIX.length() + NONCE_BYTES + TAG_BYTES + ciphertext.length];
      byte[] prefix = PREFIX.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(prefix, 0, out, 0, prefix.length);
      System.arraycopy(nonce, 0, out, prefix.length, NONCE_BYTES);
      System.arraycopy(tag, 0, out, prefix.length + NONCE_BYTES, TAG_BYTES);
      System.arraycopy(ciphertext, 0, out, prefix.length + NONCE_BYTES + TAG_BYTES, ciphertext.length);
      return out;
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private byte[] deriveKey(byte[] password) {
    long heapNeeded = memLimitBytes + memLimitBytes / 8;
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (memLimitBytes > 64L << 20 && available < heapNeeded) {
      throw new KeyfileException(notEnoughHeap());
    }
    Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_i)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withIterations(opsLimit)
        .withMemoryAsKB((int) (memLimitBytes / 1024))
        .withParallelism(1)
        .withSalt(BITTENSOR_SALT)
        .build();
    Argon2BytesGenerator argon2 = new Argon2BytesGenerator();
    argon2.init(params);
    byte[] key = new byte[32];
    try {
      argon2.generateBytes(password, key);
    } catch (OutOfMemoryError e) {
      // The blocks allocated so far are garbage now; the process can go on and explain.
      throw new KeyfileException(notEnoughHeap());
    }
    return key;
  }

  private String notEnoughHeap() {
    long mib = memLimitBytes >> 20;
    return "decrypting a $NACL keyfile runs argon2i over " + mib + " MiB, which needs about "
        + (mib + mib / 4) + " MiB of Java heap; start Java with a larger heap (e.g. -Xmx1g)";
  }

  private static byte[] poly1305(byte[] key, byte[] message) {
    Poly1305 mac = new Poly1305();
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] out = new byte[TAG_BYTES];
    mac.doFinal(out, 0);
    return out;
  }

  static boolean startsWith(byte[] data, String prefix) {
    if (data.length < prefix.length()) {
      return false;
    }
    for (int i = 0; i < prefix.length(); i++) {
      if (data[i] != (byte) prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
