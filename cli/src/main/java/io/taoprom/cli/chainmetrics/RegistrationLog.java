package io.taoprom.cli.chainmetrics;

import io.taoprom.chain.registration.RegistrationListener;
import io.taoprom.chain.registration.RegistrationOutcome;
import io.taoprom.chain.subtensor.IpAddress;
import io.taoprom.cli.ConsoleText;
import java.lang.System.Logger.Level;

/**
 * {@code serve --register}'s log: one line per change of the registration loop's outcome (a node
 * down for a day must not write 7000 lines), and one per change of address or version, through
 * the {@code io.taoprom.cli.register} logger.
 *
 * <pre>
 * registration: registered in block #4123456 (0x…), finalized; version 182 -> 183
 * registration: the version changed from 182 to 183; registering it
 * </pre>
 */
final class RegistrationLog implements RegistrationListener {

  private static final System.Logger LOG = System.getLogger("io.taoprom.cli.register");

  private String lastLogged; // only the loop's thread calls in

  @Override
  public void onRound(RegistrationOutcome outcome) {
    RegistrationOutcome said = outcome;
    if (outcome instanceof RegistrationOutcome.RateLimited r) {
      // serve does not need to be run again: the loop's next round is the first allowed block
      said = new RegistrationOutcome.RateLimited(r.servedAtBlock(), r.rateLimit(), r.currentBlock(), r.allowedAtBlock(),
          r.diff(), "Registering it then");
    }
    note(outcome.name(), said.describe(), outcome.isCurrent());
  }

  @Override
  public void onNoAddress(String reason) {
    note("no_address", reason, false);
  }

  @Override
  public void onNoVersion(String reason) {
    note("no_version", reason, false);
  }

  @Override
  public void onAddressChanged(IpAddress from, IpAddress to) {
    LOG.log(Level.INFO, "registration: the address changed from " + from + " to " + to + "; registering the new one");
  }

  @Override
  public void onVersionChanged(long from, long to) {
    LOG.log(Level.INFO, "registration: the version changed from " + from + " to " + to + "; registering it");
  }

  @Override
  public void onWarning(String message) {
    note("warning", message, false);
  }

  private void note(String outcome, String message, boolean current) {
    // A current outcome is logged once however its details change; a problem once per distinct message.
    String key = outcome + (current ? "" : message);
    if (!key.equals(lastLogged)) {
      LOG.log(current ? Level.INFO : Level.WARNING, "registration: " + ConsoleText.line(message));
      lastLogged = key;
    }
  }
}
