package io.taoprom.exporter.http;

import io.taoprom.untrusted.Excerpt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives by itself (a request it cannot parse, a request line or headers over
 * the limit): one plain-text line with the status and a short, escaped reason, instead of Jetty's
 * HTML page that echoes the request's URI.
 */
final class PlainErrorHandler extends ErrorHandler {

  private final int maxHeaderBytes;

  PlainErrorHandler(int maxHeaderBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
  }

  String line(int status, String message) {
    String text = status + " " + HttpStatus.getMessage(status);
    if (status == HttpStatus.URI_TOO_LONG_414 || status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431) {
      text += ": the request line and headers may hold at most " + maxHeaderBytes + " bytes";
    } else if (message != null && !message.isBlank() && !message.equals(HttpStatus.getMessage(status))) {
      text += ": " + Excerpt.of(message, 100);
    }
    return text + "\n";
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    byte[] body = line(code, message).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    return ByteBuffer.wrap(line(status, reason).getBytes(StandardCharsets.UTF_8));
  }
}
