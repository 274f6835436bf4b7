package io.taoprom.exporter.web;

/**
 * The bounds on password checking that outlive a configuration: one per server, handed to every
 * {@link AccessPolicy} it builds, so that a reload does not reset how many bcrypt checks may run
 * or what passed before. At most one bcrypt check runs at a time and four wait; 64 credentials
 * that passed are remembered (as keyed hashes, never the passwords).
 */
public final class PasswordChecks {

  private BcryptChecks bcrypt;

  // Made on first use: its random key and HMAC cost start-up time a server without users need not pay.
  synchronized BcryptChecks bcrypt() {
    if (bcrypt == null) {
      bcrypt = new BcryptChecks();
    }
    return bcrypt;
  }
}
