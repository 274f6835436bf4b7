package io.taoprom.cli.key;

import io.taoprom.core.wallet.NaclKeyfileCipher;
import io.taoprom.core.wallet.PasswordSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code taoprom key}: subkey-like key tools for Bittensor hotkeys and Substrate accounts.
 *
 * <pre>
 * $ taoprom key inspect //Alice
 * Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
 * Account ID:        0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
 * SS58 address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
 * Scheme:            sr25519
 * $ taoprom key generate --wallet.name miner --wallet.hotkey default
 * $ taoprom key sign --uri //Alice --message 0x1234
 * $ taoprom key verify --public 5Grw... --message 0x1234 --signature 0x...
 * </pre>
 *
 * <p>Secret URIs on a command line are visible to other users of the machine (ps, shell
 * history): pass {@code -} to read the URI from standard input instead, or use a keyfile.
 */
@Command(
    name = "key",
    mixinStandardHelpOptions = true,
    versionProvider = io.taoprom.cli.BuildVersion.class,
    description = "Inspect, generate, sign with and verify sr25519/ed25519 keys (subkey-like).",
    subcommands = {InspectCommand.class, GenerateCommand.class, SignCommand.class, VerifyCommand.class},
    footer = {"", "Run 'taoprom key COMMAND --help' for the options of a command."})
public final class KeyCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final PasswordSource passwords;
  private final NaclKeyfileCipher cipher;

  /** Built by picocli: passwords from TAOPROM_KEYFILE_PASSWORD or a prompt, Bittensor's $NACL limits. */
  public KeyCommand() {
    this(PasswordSource.standard(), NaclKeyfileCipher.BITTENSOR);
  }

  /** For tests: a fixed password source and cipher. */
  KeyCommand(PasswordSource passwords, NaclKeyfileCipher cipher) {
    this.passwords = passwords;
    this.cipher = cipher;
  }

  PasswordSource passwords() {
    return passwords;
  }

  NaclKeyfileCipher cipher() {
    return cipher;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
