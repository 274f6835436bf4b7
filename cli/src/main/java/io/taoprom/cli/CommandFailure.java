package io.taoprom.cli;

/**
 * A command could not do its job for a reason the user can act on (port in use, address not
 * local, unreadable file). Printed as one line, {@code taoprom serve: MESSAGE}, without a stack
 * trace unless {@code --debug} is given.
 *
 * <pre>{@code
 * throw new CommandFailure("port 7091 on 0.0.0.0 is already in use; stop the other process or pick another --web.listen-address");
 * }</pre>
 */
public final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure with exit code 1. */
  public CommandFailure(String message) {
    super(message);
  }

  /** A failure with exit code 1, keeping the cause for {@code --debug}. */
  public CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
