package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Text a hostile node sends to reach a terminal, and the check that it did not. */
public final class HostileText {

  /** ESC [ 2 J (clear screen), an OSC title ending in BEL, a C1 CSI, a bidi override, and 100 KB. */
  public static final String TEXT = "\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e" + "x".repeat(100_000);

  /** How {@link #TEXT} starts once escaped. */
  public static final String ESCAPED_START = "\\x1b[2J\\x1b]0;owned\\x07\\x9b31m\\u202exxx";

  private HostileText() {}

  /** Nothing a terminal acts on: no C0 control but line ends, no C1 control, no bidi override. */
  public static void assertNoTerminalControls(String text) {
    assertThat(text.replace("\n", "").replace("\r", ""))
        .doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");
  }
}
