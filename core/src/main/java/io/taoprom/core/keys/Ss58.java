package io.taoprom.core.keys;

import io.taoprom.core.hash.Blake2b;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SS58 addresses: base58 of a network prefix (one byte for 0..63, two bytes for 64..16383), the
 * payload (a 32-byte account id, or a 1, 2, 4, 8 or 33-byte value) and a checksum taken from
 * {@code blake2b-512("SS58PRE" || prefix || payload)} (two bytes for 32- and 33-byte payloads,
 * one byte otherwise).
 *
 * <pre>{@code
 * String address = Ss58.encode(publicKey, Ss58.BITTENSOR);          // 5F...
 * byte[] accountId = Ss58.decodeAccountId("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
 * Ss58.Address any = Ss58.decode(address);                          // prefix and payload
 * }</pre>
 */
public final class Ss58 {

  /** The generic Substrate prefix, which Bittensor uses. */
  public static final int SUBSTRATE = 42;
  /** Bittensor's prefix (the same as {@link #SUBSTRATE}). */
  public static final int BITTENSOR = 42;
  /** Polkadot's prefix. */
  public static final int POLKADOT = 0;
  /** Kusama's prefix. */
  public static final int KUSAMA = 2;

  private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_PREFIX = 16383;

  private Ss58() {}

  /**
   * A decoded address.
   *
   * @param prefix the network prefix (0..16383)
   * @param payload the payload, usually a 32-byte account id
   */
  public record Address(int prefix, byte[] payload) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Address a && a.prefix == prefix && Arrays.equals(a.payload, payload);
    }

    @Override
    public int hashCode() {
      return prefix * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
      return encode(payload, prefix);
    }
  }

  /** The address of {@code payload} for the network {@code prefix}. */
  public static String encode(byte[] payload, int prefix) {
    checkPrefix(prefix);
    int checksumLength = checksumLength(payload.length);
    if (checksumLength < 0) {
      throw new IllegalArgumentException("an SS58 payload has 1, 2, 4, 8, 32 or 33 bytes, got " + payload.length);
    }
    byte[] prefixBytes = prefixBytes(prefix);
    byte[] body = new byte[prefixBytes.length + payload.length + checksumLength];
    System.arraycopy(prefixBytes, 0, body, 0, prefixBytes.length);
    System.arraycopy(payload, 0, body, prefixBytes.length, payload.length);
    byte[] hash = checksum(body, prefixBytes.length + payload.length);
    System.arraycopy(hash, 0, body, prefixBytes.length + payload.length, checksumLength);
    return Base58.encode(body);
  }

  /**
   * Decodes any SS58 address.
   *
   * @throws KeyFormatException naming the problem: a character outside base58, a length that
   *     fits no payload, a reserved prefix, or a checksum that does not match (a typo)
   */
  public static Address decode(String address) {
    if (address == null || address.isEmpty()) {
      throw new KeyFormatException("an SS58 address, got an empty string");
    }
    byte[] data = Base58.decode(address, 40);
    if (data.length < 2) {
      throw new KeyFormatException("an SS58 address of at least 3 bytes, got " + data.length);
    }
    int first = data[0] & 0xff;
    int prefixLength;
    int prefix;
    if (first < 64) {
      prefixLength = 1;
      prefix = first;
    } else if (first < 128) {
      prefixLength = 2;
      int lower = ((first << 2) | ((data[1] & 0xff) >>> 6)) & 0xff;
      int upper = data[1] & 0b0011_1111;
      prefix = lower | (upper << 8);
    } else {
      throw new KeyFormatException(0, "an SS58 prefix byte below 128, got " + first + " (the address is not SS58)");
    }
    int rest = data.length - prefixLength;
    int payloadLength;
    if (rest == 34 || rest == 35) {
      payloadLength = rest - 2;
    } else if (rest == 2 || rest == 3 || rest == 5 || rest == 9) {
      payloadLength = rest - 1;
    } else {
      throw new KeyFormatException("an SS58 address whose payload is 1, 2, 4, 8, 32 or 33 bytes, but it decodes to "
          + data.length + " bytes (" + prefixLength + "-byte prefix): is it truncated or does it have extra characters?");
    }
    if (prefix == 46 || prefix == 47) {
      throw new KeyFormatException("SS58 prefix " + prefix + " is reserved and not a valid network");
    }
    int bodyLength = prefixLength + payloadLength;
    byte[] hash = checksum(data, bodyLength);
    int checksumLength = data.length - bodyLength;
    if (!Arrays.equals(hash, 0, checksumLength, data, bodyLength, data.length)) {
      throw new KeyFormatException("the SS58 checksum does not match: the address is mistyped or was changed");
    }
    return new Address(prefix, Arrays.copyOfRange(data, prefixLength, bodyLength));
  }

  /**
   * Decodes an account address (a 32-byte payload) of any network.
   *
   * @throws KeyFormatException when the address is invalid or holds no 32-byte account id
   */
  public static byte[] decodeAccountId(String address) {
    Address a = decode(address);
    if (a.payload().length != 32) {
      throw new KeyFormatException("an SS58 account address (32-byte public key), but this one holds "
          + a.payload().length + " bytes");
    }
    return a.payload();
  }

  /**
   * Decodes an account address that must belong to the network {@code expectedPrefix}.
   *
   * @throws KeyFormatException also when the prefix differs, naming both
   */
  public static byte[] decodeAccountId(String address, int expectedPrefix) {
    Address a = decode(address);
    if (a.prefix() != expectedPrefix) {
      throw new KeyFormatException("an address for network prefix " + expectedPrefix + ", but this one has prefix "
          + a.prefix() + "; re-encode the account for the right network");
    }
    return decodeAccountId(address);
  }

  private static void checkPrefix(int prefix) {
    if (prefix < 0 || prefix > MAX_PREFIX) {
      throw new IllegalArgumentException("an SS58 prefix is in [0, 16383], got " + prefix);
    }
    if (prefix == 46 || prefix == 47) {
      throw new IllegalArgumentException("SS58 prefix " + prefix + " is reserved and not a valid network");
    }
  }

  private static byte[] prefixBytes(int prefix) {
    if (prefix < 64) {
      return new byte[] {(byte) prefix};
    }
    int first = ((prefix & 0b1111_1100) >>> 2) | 0b0100_0000;
    int second = (prefix >>> 8) | ((prefix & 0b11) << 6);
    return new byte[] {(byte) first, (byte) second};
  }

  private static int checksumLength(int payloadLength) {
    return switch (payloadLength) {
      case 1, 2, 4, 8 -> 1;
      case 32, 33 -> 2;
      default -> -1;
    };
  }

  private static byte[] checksum(byte[] data, int length) {
    byte[] in = new byte[CONTEXT.length + length];
    System.arraycopy(CONTEXT, 0, in, 0, CONTEXT.length);
    System.arraycopy(data, 0, in, CONTEXT.length, length);
    return Blake2b.hash512(in);
  }
}
