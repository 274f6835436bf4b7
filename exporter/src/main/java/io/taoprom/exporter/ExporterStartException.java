package io.taoprom.exporter;

/**
 * The exporter could not start: the port is taken, the address cannot be resolved or is not
 * on this machine, or listening there is not permitted. The message is one line that names
 * the address and what to do, fit for a command-line error.
 *
 * <pre>{@code
 * try {
 *   exporter = TaoPromExporter.builder().port(7091).buildAndStart();
 * } catch (ExporterStartException e) {
 *   System.err.println("taoprom: " + e.getMessage());   // port 7091 is already in use; ...
 * }
 * }</pre>
 */
public final class ExporterStartException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A start failure with its one-line message and the underlying error. */
  public ExporterStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
