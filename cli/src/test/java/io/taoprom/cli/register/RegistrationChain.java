package io.taoprom.cli.register;

import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Values;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A fake chain on which netuid 1 exists, //Alice is registered (uid 0, nonce 5), and
 * {@code serve_prometheus} stores the endpoint and emits {@code PrometheusServed} as subtensor does.
 */
public final class RegistrationChain {

  private RegistrationChain() {}

  public static FakeChain start() {
    FakeChain chain = new FakeChain();
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "Uids", 0, 1, alice);
    chain.nonce(alice, 5);
    chain.onExtrinsic((xt, c) -> {
      EnumValue call = Values.enumValue(xt.call().value());
      Map<String, Object> a = call.fields();
      if (c.get("SubtensorModule", "Uids", a.get("netuid"), xt.signer()) == null) {
        return List.of(c.failed("SubtensorModule", "HotKeyNotRegisteredInNetwork"));
      }
      c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1,
          (Long) a.get("version"), ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"),
          (Integer) a.get("ip_type")), a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          c.success());
    });
    return chain;
  }
}
