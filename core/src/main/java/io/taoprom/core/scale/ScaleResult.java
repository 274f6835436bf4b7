package io.taoprom.core.scale;

import java.util.Objects;

/**
 * A SCALE {@code Result<T, E>}: either an ok value or an error value.
 *
 * <pre>{@code
 * ScaleResult<Long, String> r = reader.readResult(ScaleReader::readU32, ScaleReader::readString);
 * if (r.isOk()) { long v = r.ok(); }
 * }</pre>
 *
 * @param isOk whether this is the {@code Ok} variant
 * @param ok the ok value (null for an error)
 * @param error the error value (null for ok)
 */
public record ScaleResult<T, E>(boolean isOk, T ok, E error) {

  public static <T, E> ScaleResult<T, E> ok(T value) {
    return new ScaleResult<>(true, Objects.requireNonNull(value, "ok value"), null);
  }

  public static <T, E> ScaleResult<T, E> err(E error) {
    return new ScaleResult<>(false, null, Objects.requireNonNull(error, "error value"));
  }
}
