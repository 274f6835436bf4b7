package io.taoprom.chain.registration;

import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.chain.subtensor.PrometheusInfo;
import java.util.List;

/**
 * What a {@link RegistrationLoop} tells its embedder: each round's outcome, what the chain holds
 * afterwards, the blocks it sees, and why a round could not run. Every method has an empty default,
 * so a listener implements only what it needs; calls come from the loop's thread, one at a time,
 * and must return quickly. The CLI maps them to {@code taoprom_chain_*} series and log lines; a
 * Java neuron can log them, alert on them, or ignore them.
 *
 * <pre>{@code
 * RegistrationListener log = new RegistrationListener() {
 *   public void onRound(RegistrationOutcome outcome) {
 *     System.err.println("registration: " + outcome.describe());
 *   }
 * };
 * RegistrationLoop.builder(registrar, hotkey, template).listener(RegistrationListener.all(metrics, log)).build();
 * }</pre>
 */
public interface RegistrationListener {

  /** Ignores everything. */
  RegistrationListener NONE = new RegistrationListener() {};

  /** The best block the loop read. */
  default void onBlock(long number) {}

  /**
   * What the chain holds for the hotkey after a round, read before {@link #onRound} is called, so
   * that whoever sees an outcome has already seen what it left on chain.
   *
   * @param info the hotkey's {@code Prometheus} entry, or null when the chain holds none
   */
  default void onChainHolds(int netuid, String hotkeySs58, PrometheusInfo info) {}

  /** A round ended with this outcome ({@link RegistrationOutcome#isCurrent()}: the chain holds it). */
  default void onRound(RegistrationOutcome outcome) {}

  /** A round was due, and no address to register is known yet (discovery failed); it is asked again. */
  default void onNoAddress(String reason) {}

  /** A round was due, and no version to register is known yet (its source failed); it is asked again. */
  default void onNoVersion(String reason) {}

  /** The address differs from the one last registered; a round follows at once. */
  default void onAddressChanged(IpAddress from, IpAddress to) {}

  /** The version's source gave a new version; a round follows at once (or at the first allowed block). */
  default void onVersionChanged(long from, long to) {}

  /** Something the loop worked around, such as a version source that failed while an older version is known. */
  default void onWarning(String message) {}

  /** One listener that passes every call to each of {@code listeners}, in order. */
  static RegistrationListener all(RegistrationListener... listeners) {
    List<RegistrationListener> each = List.of(listeners);
    return new RegistrationListener() {
      @Override
      public void onBlock(long number) {
        each.forEach(l -> l.onBlock(number));
      }

      @Override
      public void onChainHolds(int netuid, String hotkeySs58, PrometheusInfo info) {
        each.forEach(l -> l.onChainHolds(netuid, hotkeySs58, info));
      }

      @Override
      public void onRound(RegistrationOutcome outcome) {
        each.forEach(l -> l.onRound(outcome));
      }

      @Override
      public void onNoAddress(String reason) {
        each.forEach(l -> l.onNoAddress(reason));
      }

      @Override
      public void onNoVersion(String reason) {
        each.forEach(l -> l.onNoVersion(reason));
      }

      @Override
      public void onAddressChanged(IpAddress from, IpAddress to) {
        each.forEach(l -> l.onAddressChanged(from, to));
      }

      @Override
      public void onVersionChanged(long from, long to) {
        each.forEach(l -> l.onVersionChanged(from, to));
      }

      @Override
      public void onWarning(String message) {
        each.forEach(l -> l.onWarning(message));
      }
    };
  }
}
