package io.taoprom.metrics.host.netdev;

import io.taoprom.metrics.host.OshiHost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import oshi.hardware.NetworkIF;

/**
 * Interface counters from OSHI. OSHI has bytes, packets, errors, receive drops and collisions;
 * the other node_exporter statistics are left out on this path. The interface list is
 * re-enumerated once a minute (that is the slow part); in between, each scrape only refreshes the
 * counters of the known interfaces.
 */
final class OshiNetDevSource implements NetDevSource {

  private static final long REENUMERATE_NANOS = 60_000_000_000L;

  private final OshiHost oshi;
  private List<NetworkIF> interfaces;
  private long enumeratedAt;

  OshiNetDevSource(OshiHost oshi) {
    this.oshi = oshi;
  }

  @Override
  public synchronized List<NetDevice> read() {
    OshiHost.Warm warm = oshi.await();
    long now = System.nanoTime();
    if (interfaces == null) {
      interfaces = warm.networkIfs();
      enumeratedAt = now;
      interfaces.forEach(NetworkIF::updateAttributes);
    } else if (now - enumeratedAt > REENUMERATE_NANOS) {
      interfaces = warm.hardware().getNetworkIFs(true);
      enumeratedAt = now;
    } else {
      interfaces.forEach(NetworkIF::updateAttributes);
    }
    List<NetDevice> devices = new ArrayList<>(interfaces.size());
    for (NetworkIF nif : interfaces) {
      double[] values = new double[STATS.size()];
      Arrays.fill(values, Double.NaN);
      values[STATS.indexOf("receive_bytes")] = nif.getBytesRecv();
      values[STATS.indexOf("receive_packets")] = nif.getPacketsRecv();
      values[STATS.indexOf("receive_errs")] = nif.getInErrors();
      values[STATS.indexOf("receive_drop")] = nif.getInDrops();
      values[STATS.indexOf("transmit_bytes")] = nif.getBytesSent();
      values[STATS.indexOf("transmit_packets")] = nif.getPacketsSent();
      values[STATS.indexOf("transmit_errs")] = nif.getOutErrors();
      values[STATS.indexOf("transmit_colls")] = nif.getCollisions();
      devices.add(new NetDevice(nif.getName(), values));
    }
    return devices;
  }
}
