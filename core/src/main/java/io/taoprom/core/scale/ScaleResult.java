package io.taoprom.core.scale;

/**
 * A SCALE {@code Result<T, E>}: either an ok value or an error value.
 *
 * <pre>{@code
 * ScaleResult<Long, String> r = reader.readResult(ScaleReader::readU32, ScaleReader::readString);
 * if (r.isOk()) { long v = r.ok(); }
 * }</pre>
 *
 * <p>A unit payload ({@code ()}, as in {@code DispatchResult = Result<(), DispatchError>}) is
 * {@code null}, as {@link ScaleCodecs#UNIT} decodes it; {@link #isOk()} alone tells the variants
 * apart.
 *
 * @param isOk whether this is the {@code Ok} variant
 * @param ok the ok value (null for an error, or for a unit ok)
 * @param error the error value (null for ok, or for a unit error)
 */
public record ScaleResult<T, E>(boolean isOk, T ok, E error) {

  /** {@code Ok(value)}; {@code null} for {@code Ok(())}. */
  public static <T, E> ScaleResult<T, E> ok(T value) {
    return new ScaleResult<>(true, value, null);
  }

  /** {@code Err(error)}; {@code null} for {@code Err(())}. */
  public static <T, E> ScaleResult<T, E> err(E error) {
    return new ScaleResult<>(false, null, error);
  }
}
