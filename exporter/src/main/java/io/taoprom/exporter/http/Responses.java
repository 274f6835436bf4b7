package io.taoprom.exporter.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small complete answers: plain text and HTML, with a Content-Length, and none for HEAD. */
final class Responses {

  private Responses() {}

  /** A one-line plain-text answer; a newline is added so that {@code curl} output ends cleanly. */
  static void line(Exchange exchange, int status, String line) throws IOException {
    text(exchange, status, line + "\n");
  }

  /** A plain-text answer, exactly {@code body}. */
  static void text(Exchange exchange, int status, String body) throws IOException {
    exchange.send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void html(Exchange exchange, int status, String html) throws IOException {
    exchange.send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
