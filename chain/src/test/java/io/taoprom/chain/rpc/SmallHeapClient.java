package io.taoprom.chain.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.ChainRuntime;
import java.time.Duration;

/**
 * The client in a JVM of its own (started by {@link RpcSmallHeapIT} with {@code -Xmx64m
 * -XX:+ExitOnOutOfMemoryError}): one request per argument, one line of outcome each, then
 * {@code done heap-used-max=…}. Arguments are {@code NAME=URI} (a request) or {@code
 * runtime:NAME=URI} (load the chain's metadata).
 */
public final class SmallHeapClient {

  private SmallHeapClient() {}

  public static void main(String[] args) {
    for (String arg : args) {
      String name = arg.substring(0, arg.indexOf('='));
      String uri = arg.substring(arg.indexOf('=') + 1);
      RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(50), 2.0, Duration.ofMillis(200), 0);
      try (RpcClient rpc = RpcClient.builder(uri).retryPolicy(policy).requestTimeout(Duration.ofSeconds(30))
          .connectTimeout(Duration.ofSeconds(5)).build()) {
        if (name.startsWith("runtime:")) {
          try (ChainClient chain = ChainClient.builder(rpc).closeRpcOnClose(false).build()) {
            ChainRuntime rt = chain.runtime();
            System.out.println(name + " ok " + rt + " pallets=" + rt.metadata().pallets().size());
          }
        } else {
          JsonNode result = rpc.request("system_health");
          System.out.println(name + " ok " + describe(result));
        }
      } catch (RuntimeException e) {
        System.out.println(name + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    System.out.println("done heap-max=" + (max >> 20) + "MiB");
  }

  private static String describe(JsonNode result) {
    if (result.isTextual()) {
      return "string of " + result.asText().length() + " chars";
    }
    if (result.isArray()) {
      long chars = 0;
      for (JsonNode n : result) {
        chars += n.isTextual() ? n.asText().length() : 0;
      }
      return "array of " + result.size() + " elements, " + chars + " chars of strings";
    }
    return result.getNodeType() + " " + result.size();
  }
}
