package io.taoprom.metrics.push;

/**
 * A push that is not taken: the HTTP status to answer with (a 4xx, or 503 while the push collector
 * is not running) and one line that says why and what to do, with anything the client sent
 * escaped and cut short. Nothing of a refused push is kept.
 */
final class PushRefusal extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  PushRefusal(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status: 400, 403, 404, 413, 415 or 503. */
  int status() {
    return status;
  }
}
