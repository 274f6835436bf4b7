package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.AxonInfo;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the chain holds for one hotkey on one subnet, beside what this machine would register.
 *
 * <pre>{@code
 * RegistrationStatus s = registrar.status(hotkey, 27, 183L, IpAddress.parse("203.0.113.7"), 7091);
 * s.lines().forEach(System.out::println);
 * }</pre>
 *
 * @param hotkey the hotkey's SS58 address
 * @param netuid the subnet
 * @param subnetExists whether the subnet exists
 * @param uid the hotkey's uid, or null when it is not registered
 * @param prometheus the Prometheus entry, or null
 * @param axon the axon entry, or null
 * @param currentBlock the best block when read
 * @param rateLimit blocks between two serves on this subnet
 * @param blocksUntilAllowed blocks before another serve can be included (0: now)
 * @param wantedVersion this machine's version, or null when not given
 * @param wantedIp this machine's address, or null when not known
 * @param wantedPort this machine's port, or null when not given
 * @param diff the differences, or null when nothing to compare was given
 */
public record RegistrationStatus(String hotkey, int netuid, boolean subnetExists, Integer uid, PrometheusInfo prometheus,
    AxonInfo axon, long currentBlock, long rateLimit, long blocksUntilAllowed, Long wantedVersion, IpAddress wantedIp,
    Integer wantedPort, EndpointDiff diff) {

  /** Human-readable lines. */
  public List<String> lines() {
    return lines(ParameterNames.PLAIN);
  }

  /** Human-readable lines, naming the parameters to give as {@code names} do. */
  public List<String> lines(ParameterNames names) {
    List<String> out = new ArrayList<>();
    out.add("hotkey:            " + hotkey);
    out.add("netuid:            " + netuid + (subnetExists ? "" : " (does not exist on this network)"));
    out.add("uid:               " + (uid == null ? "not registered on this subnet" : uid));
    out.add("prometheus:        " + (prometheus == null ? "none" : endpoint(prometheus.address(), prometheus.port())
        + " version " + prometheus.version()));
    out.add("last serve block:  " + (prometheus == null ? "never" : "#" + prometheus.block()));
    out.add("axon:              " + (axon == null ? "none" : endpoint(axon.address(), axon.port()) + " version "
        + axon.version() + " protocol " + axon.protocol() + " (block #" + axon.block() + ")"));
    out.add("current block:     #" + currentBlock);
    out.add("rate limit:        " + rateLimit + " blocks; " + (blocksUntilAllowed == 0 ? "a serve is allowed now"
        : blocksUntilAllowed + " blocks until a serve is allowed (about " + Registrar.aboutBlocks(blocksUntilAllowed) + ")"));
    out.add("this machine:      " + (wantedIp == null ? "?" : wantedIp.type() == 6 ? "[" + wantedIp + "]" : wantedIp.toString())
        + ":" + (wantedPort == null ? "?" : wantedPort) + " version " + (wantedVersion == null ? "?" : wantedVersion));
    out.add("diff:              " + (diff == null ? "give " + names.of(Parameter.PORT) + " and "
        + names.of(Parameter.VERSION) + " (and " + names.of(Parameter.IP) + ") to compare"
        : diff.isEmpty() ? "none: up to date" : diff.describe()));
    return out;
  }

  private static String endpoint(IpAddress ip, int port) {
    return (ip.type() == 6 ? "[" + ip + "]" : ip.toString()) + ":" + port;
  }

  /** For {@code --json}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("hotkey", hotkey);
    m.put("netuid", netuid);
    m.put("subnetExists", subnetExists);
    m.put("uid", uid);
    m.put("prometheus", prometheus == null ? null : info(prometheus.block(), prometheus.version(), prometheus.address(),
        prometheus.port()));
    if (axon == null) {
      m.put("axon", null);
    } else {
      Map<String, Object> a = info(axon.block(), axon.version(), axon.address(), axon.port());
      a.put("protocol", axon.protocol());
      m.put("axon", a);
    }
    m.put("currentBlock", currentBlock);
    m.put("rateLimit", rateLimit);
    m.put("blocksUntilAllowed", blocksUntilAllowed);
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("version", wantedVersion);
    w.put("ip", wantedIp == null ? null : wantedIp.toString());
    w.put("ipType", wantedIp == null ? null : wantedIp.type());
    w.put("port", wantedPort);
    m.put("thisMachine", w);
    m.put("diff", diff == null ? null : diff.toMap());
    m.put("upToDate", diff != null && diff.isEmpty());
    return m;
  }

  private static Map<String, Object> info(long block, long version, IpAddress ip, int port) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("block", block);
    m.put("version", version);
    m.put("ip", ip.toString());
    m.put("ipType", ip.type());
    m.put("port", port);
    return m;
  }
}
