package io.taoprom.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.FakeChain;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The RPC client in a JVM with the launcher's 64 MiB heap ({@link SmallHeapClient}, with {@code
 * -XX:+ExitOnOutOfMemoryError}) against hostile nodes on loopback: a frame declaring 2^40 bytes
 * and streaming, messages of the worst shapes just under the 16 MiB cap (one huge string,
 * millions of tokens, deep nesting, a megabyte of two-byte strings), the same over HTTP — and the
 * real finney metadata, which must still load. Every message is parsed or refused with a typed
 * error in one line, the connection is dropped and the read retried per the policy (3 attempts),
 * and the process lives to say "done".
 */
class RpcSmallHeapIT {

  private static final int CAP = MessageLimits.DEFAULT_MAX_BYTES;
  private static final MessageLimits LIMITS = MessageLimits.forMaxBytes(CAP);

  @Test
  void everyHostileMessageIsParsedOrRefusedInA64MiBHeap() throws Exception {
    Map<String, HostileNode> nodes = new LinkedHashMap<>();
    List<AutoCloseable> open = new ArrayList<>();
    try (FakeChain chain = new FakeChain()) {
      // A frame that says it is 1 TiB long, then spaces (only the byte count can stop them) ...
      nodes.put("frame-2^40-spaces", HostileNode.start(NodeBehaviours.streamingFrame(1L << 40, NodeBehaviours.whitespace())));
      // ... or one string that never ends.
      nodes.put("frame-2^40-string", HostileNode.start(NodeBehaviours.streamingFrame(1L << 40,
          (off, buf, len) -> {
            java.util.Arrays.fill(buf, 0, len, (byte) 'a');
            if (off == 0) {
              buf[0] = '"';
            }
          })));
      // Just under the cap: one string of 16 Mi characters (over the string limit) ...
      nodes.put("string-16MiB", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.result("\"", NodeBehaviours.repeating('a'), "\"", CAP - 1))));
      // ... and one just under the string limit, which must parse.
      nodes.put("string-at-limit", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.result("\"", NodeBehaviours.repeating('a'), "\"", LIMITS.maxStringChars() - 1))));
      // Eight million tiny tokens, then as many as the limit allows (which must parse).
      nodes.put("tokens-16MiB", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.repeated("[", "0,", NodeBehaviours.unitsIn(CAP, "0,", 64), "0]"))));
      nodes.put("tokens-at-limit", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.repeated("[", "{},", LIMITS.maxTokens() / 2 - 20, "{}]"))));
      // A million opening brackets.
      nodes.put("nesting", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.result("", NodeBehaviours.repeating('['), "", 1 << 20))));
      // 16 MiB of strings that each hold one character outside Latin-1, so the JVM keeps them
      // as UTF-16: the most memory a message within every limit can make.
      String utf16 = "\"\u0100" + "x".repeat(996) + "\",";
      nodes.put("utf16-strings-16MiB", HostileNode.start(NodeBehaviours.answering(
          NodeBehaviours.repeated("[", utf16, NodeBehaviours.unitsIn(CAP, utf16, 64), "\"\"]"))));
      nodes.values().forEach(open::add);

      List<String> args = new ArrayList<>();
      nodes.forEach((name, node) -> args.add(name + "=" + node.wsUri()));
      args.add("http-content-length-2^40=" + httpNode(open, true).httpUri());
      args.add("http-chunked-endless=" + httpNode(open, false).httpUri());
      args.add("runtime:finney-metadata=" + chain.uri());

      String output = runChild(args);
      System.out.println(output.strip());

      assertThat(output).as("the child lived to the end").contains("done heap-max=");
      assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("Terminating due to java.lang.OutOfMemoryError");
      assertThat(line(output, "frame-2^40-spaces")).contains("RpcMessageTooLargeException").contains("exceeds 16 MiB")
          .contains("gave up after 3 attempts");
      assertThat(line(output, "frame-2^40-string")).contains("RpcMessageTooLargeException").contains("String value length");
      assertThat(line(output, "string-16MiB")).contains("RpcMessageTooLargeException");
      assertThat(line(output, "string-at-limit")).contains(" ok string of ");
      long parsed = Long.parseLong(line(output, "string-at-limit").replaceAll(".* ok string of (\\d+) chars.*", "$1"));
      assertThat(parsed).isBetween((long) LIMITS.maxStringChars() - 64, (long) LIMITS.maxStringChars());
      assertThat(line(output, "tokens-16MiB")).contains("RpcMessageTooLargeException").contains("tokens");
      assertThat(line(output, "tokens-at-limit")).contains(" ok array of ");
      assertThat(line(output, "nesting")).contains("RpcMessageTooLargeException").contains("nest");
      assertThat(line(output, "utf16-strings-16MiB")).contains(" ok array of ");
      assertThat(line(output, "http-content-length-2^40")).contains("RpcMessageTooLargeException")
          .contains("Content-Length 1099511627776");
      assertThat(line(output, "http-chunked-endless")).contains("RpcMessageTooLargeException").contains("exceeds 16 MiB");
      assertThat(line(output, "runtime:finney-metadata")).contains("ok node-subtensor/343").contains("metadata V15");
      // Each refusal dropped its connection and the read was retried on a new one: 3 attempts, 3 connections.
      for (String refused : List.of("frame-2^40-spaces", "frame-2^40-string", "string-16MiB", "tokens-16MiB", "nesting")) {
        assertThat(nodes.get(refused).connections()).as(refused + " connections").isEqualTo(3);
      }
      // And nothing near 2^40 was read: at most the cap, plus what was in flight, per attempt.
      assertThat(nodes.get("frame-2^40-spaces").bytesSent()).isLessThan(3L * (CAP + (16 << 20)));
    } finally {
      for (AutoCloseable c : open) {
        c.close();
      }
    }
  }

  /** An HTTP node answering with a Content-Length of 2^40, or a chunked body that never ends. */
  private static HostileNode httpNode(List<AutoCloseable> open, boolean declareLength) {
    HostileNode node = HostileNode.start(c -> c.httpAnswerStreaming(declareLength ? 1L << 40 : -1,
        NodeBehaviours.whitespace()));
    open.add(node);
    return node;
  }

  private static String line(String output, String name) {
    return output.lines().filter(l -> l.startsWith(name + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + name + " in:\n" + output));
  }

  private static String runChild(List<String> args) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), SmallHeapClient.class.getName()));
    command.addAll(args);
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = child.getInputStream().readAllBytes();
    assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(child.exitValue()).as(text).isZero();
    return text;
  }
}
