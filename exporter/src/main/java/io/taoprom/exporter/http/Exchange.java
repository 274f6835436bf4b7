package io.taoprom.exporter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * One request and its answer, as the endpoints see them: the few things they read and write,
 * whichever server carries them ({@link JettyExchange} in production, a fake in tests).
 */
interface Exchange {

  /** The method, as sent ({@code GET}, {@code HEAD}, anything else). */
  String method();

  /** The normalised path ({@code /metrics}), dot segments resolved, still percent-encoded. */
  String path();

  /** The path as sent, still percent-encoded ({@code /metrics/job/a%20b}). */
  String rawPath();

  /** The address of the client at the other end of the connection, or null when unknown. */
  InetAddress remoteAddress();

  /**
   * The request body. Reading it is bounded in time: a body that has not arrived within the
   * read-header timeout of the first read closes the connection, and the read fails.
   */
  InputStream body() throws IOException;

  /** The query string as sent, still percent-encoded; null when there is none. */
  String rawQuery();

  /** Every value of header {@code name} (any case), in order; empty when absent. */
  List<String> headers(String name);

  /** The first value of header {@code name}, or null. */
  default String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every request header by lower-case name. */
  Map<String, List<String>> allHeaders();

  /** Sets a response header, replacing one of the same name. */
  void setHeader(String name, String value);

  /** Whether the status and headers have been sent. */
  boolean committed();

  /** Sends a whole answer with a {@code Content-Length}; HEAD gets the headers only. */
  void send(int status, String contentType, byte[] body) throws IOException;

  /** Sends the status and headers and no body (HEAD of a streamed answer). */
  void sendHeaders(int status) throws IOException;

  /**
   * Sends the status and headers and returns the body's stream (chunked); closing it completes the
   * answer.
   */
  OutputStream stream(int status) throws IOException;
}
