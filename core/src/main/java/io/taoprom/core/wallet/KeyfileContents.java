package io.taoprom.core.wallet;

import io.taoprom.core.crypto.KeyPair;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a keyfile holds, after the secret was checked against the stored public key.
 *
 * <pre>{@code
 * KeyfileContents hot = Keyfile.read(wallet.hotkeyFile("default"), PasswordSource.standard());
 * hot.warnings().forEach(System.err::println);
 * Signer signer = hot.keyPair().orElseThrow();
 * }</pre>
 *
 * @param path the file read
 * @param keyPair the key pair, when the file holds a secret (hotkeys, coldkeys; not {@code coldkeypub.txt})
 * @param publicKey the 32-byte public key (account id)
 * @param encrypted whether the file was {@code $NACL}-encrypted
 * @param warnings problems that did not stop reading, such as permissions that let others read a secret
 */
public record KeyfileContents(Path path, Optional<KeyPair> keyPair, byte[] publicKey, boolean encrypted, List<String> warnings) {

  public KeyfileContents {
    publicKey = publicKey.clone();
    warnings = List.copyOf(warnings);
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyfileContents k && k.path.equals(path) && Arrays.equals(k.publicKey, publicKey)
        && k.encrypted == encrypted && k.keyPair.isPresent() == keyPair.isPresent();
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "KeyfileContents[" + path + ", secret=" + keyPair.isPresent() + ", encrypted=" + encrypted + "]";
  }
}
