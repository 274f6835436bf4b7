package io.taoprom.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.spi.Availability;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outside text on the landing page (descriptions, failure reasons): escaped, on one line, cut short. */
class LandingPageTest {

  @Test
  void pluginTextCannotInjectMarkupOrFillThePage() {
    String script = "<script>alert(1)</script>\u001b[2J\nnext line";
    String huge = "y".repeat(100_000);
    CollectorStatus failing = new CollectorStatus("evil", script, true, Availability.AVAILABLE,
        Optional.empty(), Optional.empty(), Optional.of("parse error in /var/lib/x.prom: " + huge));
    CollectorStatus unavailable = new CollectorStatus("gone", "\"quoted\" & <b>bold</b>", true,
        Availability.unavailable(script), Optional.empty(), Optional.empty(), Optional.empty());
    String html = LandingPage.render(BuildInfo.load(), List.of(failing, unavailable), List.of(script + huge), true);
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>bold")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;\\x1b[2J\\nnext line")
        .contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;")
        .doesNotContain("\u001b").doesNotContain("yyyyyyyyyy".repeat(40));
    assertThat(html.length()).isLessThan(10_000);
  }
}
