package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import org.junit.jupiter.api.Test;

class InvalidTransactionTest {

  private static final URI NODE = URI.create("ws://127.0.0.1:9944");

  private static InvalidTransaction substrate(String data) {
    return new RpcException(NODE, "author_submitExtrinsic", 1010, "Invalid Transaction", TextNode.valueOf(data))
        .invalidTransaction().orElseThrow();
  }

  private static InvalidTransaction chopsticks(String message) {
    return new RpcException(NODE, "author_submitExtrinsic", 1010, message, null)
        .invalidTransaction().orElseThrow();
  }

  @Test
  void substrateTextReasonsAreDecoded() {
    assertThat(substrate("Transaction is outdated").kind()).isEqualTo(InvalidTransaction.Kind.STALE);
    assertThat(substrate("Transaction has a bad signature").kind()).isEqualTo(InvalidTransaction.Kind.BAD_PROOF);
    assertThat(substrate("Transaction will be valid in the future").kind()).isEqualTo(InvalidTransaction.Kind.FUTURE);
    assertThat(substrate("Inability to pay some fees (e.g. account balance too low)").kind())
        .isEqualTo(InvalidTransaction.Kind.PAYMENT);
    InvalidTransaction custom = substrate("Custom error: 10");
    assertThat(custom.kind()).isEqualTo(InvalidTransaction.Kind.CUSTOM);
    assertThat(custom.customCode()).hasValue(10);
    assertThat(custom.describe(code -> code == 10 ? "HotKeyNotRegisteredInNetwork" : null))
        .isEqualTo("custom(10) HotKeyNotRegisteredInNetwork");
    assertThat(substrate("Transaction is outdated").describe()).isEqualTo("stale");
  }

  @Test
  void chopsticksJsonReasonsAreDecoded() {
    assertThat(chopsticks("{\"invalid\":{\"stale\":null}}").kind()).isEqualTo(InvalidTransaction.Kind.STALE);
    assertThat(chopsticks("{\"invalid\":{\"badProof\":null}}").kind()).isEqualTo(InvalidTransaction.Kind.BAD_PROOF);
    assertThat(chopsticks("{\"invalid\":{\"custom\":12}}").customCode()).hasValue(12);
    assertThat(chopsticks("{\"invalid\":\"payment\"}").kind()).isEqualTo(InvalidTransaction.Kind.PAYMENT);
  }

  @Test
  void unknownReasonsAndOtherCodes() {
    InvalidTransaction odd = substrate("Something new");
    assertThat(odd.kind()).isEqualTo(InvalidTransaction.Kind.UNKNOWN);
    assertThat(odd.describe()).contains("Something new");
    assertThat(new RpcException(NODE, "x", 1011, "Unknown Transaction Validity", null).invalidTransaction()).isEmpty();
  }
}
