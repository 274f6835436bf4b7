package io.taoprom.core.hash;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.core.interop.Vectors;
import org.junit.jupiter.api.Test;

class HashTest {

  private static String hex(byte[] b) {
    return Vectors.toHex(b);
  }

  @Test
  void knownAnswers() {
    // Storage prefixes every Substrate chain shares.
    assertThat(hex(Twox.hash128("System".getBytes(UTF_8)))).isEqualTo("0x26aa394eea5630e07c48ae0c9558cef7");
    assertThat(hex(Twox.hash128("Account".getBytes(UTF_8)))).isEqualTo("0xb99d880ec681799c0cf30e8886371da9");
    assertThat(hex(Twox.hash128("Number".getBytes(UTF_8)))).isEqualTo("0x02a5c1b19ab7a04f536c519aca4983ac");
    assertThat(hex(Blake2b.hash256(new byte[0])))
        .isEqualTo("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    assertThat(hex(Keccak256.hash(new byte[0])))
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  }

  @Test
  void everyHasherMatchesPolkadotJs() {
    int checked = 0;
    for (JsonNode v : Vectors.section("hashes")) {
      byte[] in = Vectors.hex(v.get("input"));
      assertThat(hex(Blake2b.hash128(in))).isEqualTo(v.get("blake2_128").asText());
      assertThat(hex(Blake2b.hash256(in))).isEqualTo(v.get("blake2_256").asText());
      assertThat(hex(Blake2b.hash512(in))).isEqualTo(v.get("blake2_512").asText());
      assertThat(hex(Twox.hash64(in))).isEqualTo(v.get("twox_64").asText());
      assertThat(hex(Twox.hash128(in))).isEqualTo(v.get("twox_128").asText());
      assertThat(hex(Twox.hash256(in))).isEqualTo(v.get("twox_256").asText());
      assertThat(hex(Keccak256.hash(in))).isEqualTo(v.get("keccak_256").asText());
      assertThat(hex(StorageHasher.BLAKE2_128_CONCAT.hash(in))).isEqualTo(v.get("blake2_128_concat").asText());
      assertThat(hex(StorageHasher.TWOX_64_CONCAT.hash(in))).isEqualTo(v.get("twox_64_concat").asText());
      assertThat(hex(StorageHasher.IDENTITY.hash(in))).isEqualTo(v.get("input").asText());
      assertThat(hex(StorageHasher.BLAKE2_128.hash(in))).isEqualTo(v.get("blake2_128").asText());
      assertThat(hex(StorageHasher.BLAKE2_256.hash(in))).isEqualTo(v.get("blake2_256").asText());
      assertThat(hex(StorageHasher.TWOX_128.hash(in))).isEqualTo(v.get("twox_128").asText());
      assertThat(hex(StorageHasher.TWOX_256.hash(in))).isEqualTo(v.get("twox_256").asText());
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(8);
  }

  @Test
  void storageHashersFollowTheMetadataEnumOrderAndKnowTheirPrefixes() {
    assertThat(StorageHasher.values()).containsExactly(StorageHasher.BLAKE2_128, StorageHasher.BLAKE2_256,
        StorageHasher.BLAKE2_128_CONCAT, StorageHasher.TWOX_128, StorageHasher.TWOX_256,
        StorageHasher.TWOX_64_CONCAT, StorageHasher.IDENTITY);
    assertThat(StorageHasher.BLAKE2_128_CONCAT.prefixLength()).isEqualTo(16);
    assertThat(StorageHasher.TWOX_64_CONCAT.prefixLength()).isEqualTo(8);
    assertThat(StorageHasher.IDENTITY.prefixLength()).isZero();
    assertThat(StorageHasher.TWOX_128.prefixLength()).isEqualTo(-1);
    byte[] key = {1, 2, 3};
    byte[] hashed = StorageHasher.IDENTITY.hash(key);
    hashed[0] = 9;
    assertThat(key[0]).as("IDENTITY returns a copy").isEqualTo((byte) 1);
  }
}
