package io.taoprom.chain.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what an {@link RpcClient} reports, for assertions. */
final class RecordingListener implements RpcListener {

  record Attempt(String method, RequestOutcome outcome, Duration took, int attempt) {}

  record Retry(String method, int nextAttempt, Duration delay, Exception cause) {}

  final List<Attempt> attempts = new CopyOnWriteArrayList<>();
  final List<Retry> retries = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  final List<String> unexpected = new CopyOnWriteArrayList<>();

  @Override
  public void onRequest(String method, RequestOutcome outcome, Duration took, int attempt) {
    attempts.add(new Attempt(method, outcome, took, attempt));
  }

  @Override
  public void onRetry(String method, int nextAttempt, Duration delay, Exception cause) {
    retries.add(new Retry(method, nextAttempt, delay, cause));
  }

  @Override
  public void onConnected(URI endpoint) {
    events.add("connected");
  }

  @Override
  public void onDisconnected(URI endpoint, Throwable cause) {
    events.add("disconnected");
  }

  @Override
  public void onResubscribed(String method) {
    events.add("resubscribed " + method);
  }

  @Override
  public void onUnexpectedMessage(URI endpoint, String summary) {
    unexpected.add(summary);
  }
}
