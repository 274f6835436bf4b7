package io.taoprom.metrics.host.timex;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * libc's {@code adjtimex(2)} through JNA, called with {@code modes = 0}: a read that changes
 * nothing and needs no privilege.
 *
 * <pre>{@code
 * Optional<Timex> timex = Adjtimex.load().read(); // empty where a sandbox forbids the call
 * }</pre>
 *
 * <p>Thread-safe: each call fills memory of its own.
 */
final class Adjtimex {

  /** {@code EPERM}: a seccomp profile (some container runtimes) refuses the call. */
  private static final int EPERM = 1;

  private final Function adjtimex;

  private Adjtimex(Function adjtimex) {
    this.adjtimex = adjtimex;
  }

  /**
   * Binds {@code adjtimex} in the C library.
   *
   * @throws IOException naming the reason in one line where JNA or the symbol cannot be loaded
   */
  static Adjtimex load() throws IOException {
    try {
      NativeLibrary libc = NativeLibrary.getInstance("c");
      return new Adjtimex(libc.getFunction("adjtimex", Function.THROW_LAST_ERROR));
    } catch (UnsatisfiedLinkError e) {
      throw new IOException("cannot bind adjtimex in the C library: " + firstLine(e.getMessage()), e);
    } catch (LinkageError | RuntimeException e) {
      throw new IOException("JNA cannot load native code here, so adjtimex cannot be called: "
          + firstLine(e.getMessage()), e);
    }
  }

  /**
   * One read of the kernel's clock state; empty when the call is refused with {@code EPERM}
   * (node_exporter serves nothing then either).
   *
   * @throws IOException for any other error, naming its errno
   */
  Optional<Timex> read() throws IOException {
    Memory struct = new Memory(Timex.STRUCT_SIZE);
    try {
      struct.clear(); // modes = 0: read only
      int state;
      try {
        state = adjtimex.invokeInt(new Object[] {struct});
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EPERM) {
          return Optional.empty();
        }
        throw new IOException("adjtimex(2) failed with errno " + e.getErrorCode(), e);
      }
      return Optional.of(Timex.decode(struct.getByteBuffer(0, Timex.STRUCT_SIZE).order(ByteOrder.nativeOrder()), state));
    } finally {
      struct.close();
    }
  }

  private static String firstLine(String text) {
    String t = String.valueOf(text);
    int newline = t.indexOf('\n');
    return (newline < 0 ? t : t.substring(0, newline)).strip();
  }
}
