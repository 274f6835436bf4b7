package io.taoprom.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import io.taoprom.core.crypto.KeySchemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Signatures are randomized, so fixed vectors cannot prove compatibility alone: signatures made
 * now in Java must verify in polkadot-js (and @scure/sr25519), and signatures made now by
 * polkadot-js must verify in Java; tampered ones must fail on both sides.
 */
class SignatureInteropIT {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void signaturesVerifyAcrossJavaAndPolkadotJs() throws Exception {
    NodeOracle oracle = NodeOracle.require();
    Random rnd = new Random();
    ObjectNode request = json.createObjectNode();
    ArrayNode verify = request.putArray("verify");
    ArrayNode sign = request.putArray("sign");
    List<Boolean> expectValid = new ArrayList<>();
    List<byte[]> messages = new ArrayList<>();
    List<String> schemes = new ArrayList<>();

    for (String schemeName : new String[] {"sr25519", "ed25519"}) {
      KeyScheme scheme = KeySchemes.named(schemeName);
      for (int i = 0; i < 8; i++) {
        byte[] seed = bytes(rnd, 32);
        byte[] message = bytes(rnd, rnd.nextInt(300));
        KeyPair pair = scheme.fromSeed(seed);
        byte[] sig = pair.sign(message);
        boolean tamper = i % 4 == 3;
        if (tamper) {
          sig[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
        }
        ObjectNode v = verify.addObject();
        v.put("scheme", schemeName).put("publicKey", Vectors.toHex(pair.publicKey()))
            .put("message", Vectors.toHex(message)).put("signature", Vectors.toHex(sig));
        expectValid.add(!tamper);

        sign.addObject().put("scheme", schemeName).put("seed", Vectors.toHex(seed)).put("message", Vectors.toHex(message));
        messages.add(message);
        schemes.add(schemeName);
      }
    }

    JsonNode response = json.readTree(oracle.run("exchange-signatures.mjs", json.writeValueAsString(request), 120));

    JsonNode verified = response.get("verified");
    for (int i = 0; i < expectValid.size(); i++) {
      JsonNode verdicts = verified.get(i);
      int oracles = 0;
      for (var it = verdicts.fields(); it.hasNext(); oracles++) {
        var verdict = it.next();
        assertThat(verdict.getValue().asBoolean()).as("%s verdict on Java %s signature %d", verdict.getKey(), schemes.get(i), i)
            .isEqualTo(expectValid.get(i));
      }
      assertThat(oracles).isGreaterThanOrEqualTo(2);
    }

    JsonNode signatures = response.get("signatures");
    for (int i = 0; i < messages.size(); i++) {
      KeyScheme scheme = KeySchemes.named(schemes.get(i));
      byte[] publicKey = Vectors.hex(signatures.get(i).get("publicKey"));
      for (String maker : new String[] {"utilCrypto", "wasm"}) {
        if (!signatures.get(i).has(maker)) {
          continue;
        }
        byte[] sig = Vectors.hex(signatures.get(i).get(maker));
        assertThat(scheme.verify(publicKey, messages.get(i), sig)).as("Java verdict on %s %s signature %d",
            maker, schemes.get(i), i).isTrue();
        sig[i % 64] ^= 0x04;
        assertThat(scheme.verify(publicKey, messages.get(i), sig)).as("tampered %s signature %d", maker, i).isFalse();
      }
    }
  }

  private static byte[] bytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }
}
