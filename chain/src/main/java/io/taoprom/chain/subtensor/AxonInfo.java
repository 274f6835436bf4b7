package io.taoprom.chain.subtensor;

import io.taoprom.chain.codec.Values;
import java.math.BigInteger;
import java.util.Map;

/**
 * A neuron's axon as stored in {@code SubtensorModule.Axons(netuid, hotkey)}.
 *
 * @param block the block at which it was last served
 * @param version the version the neuron reported
 * @param ip the address as a {@code u128}
 * @param port the port
 * @param ipType 4 or 6
 * @param protocol the protocol number
 * @param placeholder1 reserved
 * @param placeholder2 reserved
 */
public record AxonInfo(long block, long version, BigInteger ip, int port, int ipType, int protocol,
    int placeholder1, int placeholder2) {

  /** From the decoded storage value. */
  public static AxonInfo from(Object value) {
    Map<String, Object> m = Values.map(value);
    return new AxonInfo(Values.longValue(m.get("block")), Values.longValue(m.get("version")),
        Values.bigInteger(m.get("ip")), Values.intValue(m.get("port")), Values.intValue(m.get("ip_type")),
        Values.intValue(m.get("protocol")), Values.intValue(m.get("placeholder1")),
        Values.intValue(m.get("placeholder2")));
  }

  /** The address with its type. */
  public IpAddress address() {
    return new IpAddress(ip, ipType);
  }

  @Override
  public String toString() {
    return address() + ":" + port + " v" + version + " protocol " + protocol + " @block " + block;
  }
}
