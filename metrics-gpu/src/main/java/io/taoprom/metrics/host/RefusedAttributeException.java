package io.taoprom.metrics.host;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A sysfs attribute that opened but whose driver refused the read: {@code EINVAL} from a
 * power supply that is not charging, {@code ENODATA} from a thermal zone of a switched-off
 * device, {@code EIO} from a sensor behind a bus that timed out. The attribute exists; it has no
 * value now. Collectors skip such attributes the way node_exporter does.
 *
 * <pre>{@code
 * try {
 *   text = SysAttribute.read(file);
 * } catch (RefusedAttributeException noValueNow) {
 *   continue;
 * }
 * }</pre>
 */
public final class RefusedAttributeException extends IOException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** The read of {@code file} failed with {@code cause}. */
  public RefusedAttributeException(Path file, IOException cause) {
    super(file + ": the driver refused the read (" + cause.getMessage() + ")", cause);
    this.file = file;
  }

  /** The attribute file. */
  public Path file() {
    return file;
  }
}
