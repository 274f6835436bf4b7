package io.taoprom.chain.subtensor;

import io.taoprom.chain.codec.Values;
import java.math.BigInteger;
import java.util.Map;

/**
 * A neuron's Prometheus endpoint as stored in {@code SubtensorModule.Prometheus(netuid, hotkey)}.
 *
 * @param block the block at which it was last served
 * @param version the version the neuron reported
 * @param ip the address as a {@code u128}
 * @param port the port
 * @param ipType 4 or 6
 */
public record PrometheusInfo(long block, long version, BigInteger ip, int port, int ipType) {

  /** From the decoded storage value. */
  public static PrometheusInfo from(Object value) {
    Map<String, Object> m = Values.map(value);
    return new PrometheusInfo(Values.longValue(m.get("block")), Values.longValue(m.get("version")),
        Values.bigInteger(m.get("ip")), Values.intValue(m.get("port")), Values.intValue(m.get("ip_type")));
  }

  /** The address with its type. */
  public IpAddress address() {
    return new IpAddress(ip, ipType);
  }

  /** Whether version, ip, port and ip type all equal these (the block is not compared). */
  public boolean sameEndpoint(long otherVersion, BigInteger otherIp, int otherPort, int otherIpType) {
    return version == otherVersion && ip.equals(otherIp) && port == otherPort && ipType == otherIpType;
  }

  @Override
  public String toString() {
    return address() + ":" + port + " v" + version + " @block " + block;
  }
}
