package io.taoprom.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The committed vector files must be exactly what the pinned oracles produce today: regenerate
 * them with node and compare, so they can never drift from polkadot-js, @scure/sr25519 and
 * libsodium. To refresh them after an intended change, run the commands in each script's header.
 */
class InteropVectorsIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void vectorsJsonIsWhatPolkadotJsAndScureProduce() throws Exception {
    NodeOracle oracle = NodeOracle.require();
    JsonNode fresh = json.readTree(oracle.run("generate-vectors.mjs", "", 120));
    assertThat(fresh).isEqualTo(committed(Vectors.RESOURCE));
  }

  @Test
  void keyfilesJsonIsWhatLibsodiumProduces() throws Exception {
    NodeOracle oracle = NodeOracle.require();
    // Includes the file with Bittensor's real argon2i limits: about 20 s in libsodium's wasm build.
    JsonNode fresh = json.readTree(oracle.run("generate-keyfiles.mjs", "", 300));
    assertThat(fresh).isEqualTo(committed("/io/taoprom/core/interop/keyfiles.json"));
  }

  private JsonNode committed(String resource) throws Exception {
    try (InputStream in = InteropVectorsIT.class.getResourceAsStream(resource)) {
      return json.readTree(in);
    }
  }
}
