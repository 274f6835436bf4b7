package io.taoprom.exporter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * An {@link Exchange} over Jetty's core request and response. Writes block the worker thread; the
 * first one starts the write deadline, after which the connection is closed (so that the blocked
 * write fails and the thread is free) unless {@link #finish()} came first. Reading the body starts
 * a deadline of its own in the same way: a client that sends a body slowly holds the thread no
 * longer than that.
 */
final class JettyExchange implements Exchange {

  private final Request request;
  private final Response response;
  private final Scheduler scheduler;
  private final long writeTimeoutMillis;
  private final long bodyTimeoutMillis;
  private Scheduler.Task writeDeadline;
  private Scheduler.Task bodyDeadline;
  private InputStream body;

  JettyExchange(Request request, Response response, Scheduler scheduler, long writeTimeoutMillis, long bodyTimeoutMillis) {
    this.request = request;
    this.response = response;
    this.scheduler = scheduler;
    this.writeTimeoutMillis = writeTimeoutMillis;
    this.bodyTimeoutMillis = bodyTimeoutMillis;
  }

  private void writing() {
    if (bodyDeadline != null) {
      bodyDeadline.cancel(); // the body has been read, or never will be: answering is timed now
    }
    if (writeDeadline == null) {
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      writeDeadline = scheduler.schedule(endPoint::close, writeTimeoutMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** The answer is sent (or abandoned): the deadlines no longer apply. */
  void finish() {
    if (bodyDeadline != null) {
      bodyDeadline.cancel();
    }
    if (writeDeadline != null) {
      writeDeadline.cancel();
    }
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String path() {
    return Request.getPathInContext(request);
  }

  @Override
  public String rawPath() {
    return request.getHttpURI().getPath();
  }

  @Override
  public InetAddress remoteAddress() {
    SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }

  @Override
  public InputStream body() {
    if (body == null) {
      EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
      bodyDeadline = scheduler.schedule(endPoint::close, bodyTimeoutMillis, TimeUnit.MILLISECONDS);
      body = Content.Source.asInputStream(request);
    }
    return body;
  }

  @Override
  public String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  @Override
  public List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  @Override
  public Map<String, List<String>> allHeaders() {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      all.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(field.getValue());
    }
    return all;
  }

  @Override
  public void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  @Override
  public boolean committed() {
    return response.isCommitted();
  }

  @Override
  public void send(int status, String contentType, byte[] body) throws IOException {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    boolean head = "HEAD".equals(request.getMethod());
    writing();
    Content.Sink.write(response, true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body));
  }

  @Override
  public void sendHeaders(int status) throws IOException {
    response.setStatus(status);
    writing();
    Content.Sink.write(response, true, BufferUtil.EMPTY_BUFFER);
  }

  @Override
  public OutputStream stream(int status) {
    response.setStatus(status);
    writing();
    return Response.asBufferedOutputStream(request, response);
  }
}
