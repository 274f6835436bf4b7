package io.taoprom.chain.registration;

import java.util.Map;
import java.util.Objects;

/**
 * How messages name a {@link Parameter}. The SDK says {@code ip}, {@code hotkey}, {@code netuid};
 * the CLI says {@code --ip}, {@code --wallet.hotkey / --uri}, {@code --netuid} (or, in {@code
 * serve}, {@code --register.ip}), so that an error tells the user which flag to change without the
 * SDK knowing the flags.
 *
 * <pre>{@code
 * ParameterNames flags = p -> "--" + p.name().toLowerCase(Locale.ROOT).replace('_', '-');
 * // --ip 2001:db8::1 is an IPv6 address but --ip-type is 4; leave --ip-type out or use --ip-type 6
 * Endpoint.parseIp("2001:db8::1", 4, flags);
 * Registrar registrar = Registrar.over(subtensor).withNames(flags);
 * }</pre>
 */
@FunctionalInterface
public interface ParameterNames {

  /** The SDK's plain words ({@link Parameter#plain()}). */
  ParameterNames PLAIN = Parameter::plain;

  /** The name of {@code p} in messages. */
  String of(Parameter p);

  /** These names, and the plain words for the parameters they leave out. */
  static ParameterNames of(Map<Parameter, String> names) {
    Map<Parameter, String> copy = Map.copyOf(names);
    return p -> copy.getOrDefault(Objects.requireNonNull(p, "parameter"), p.plain());
  }
}
