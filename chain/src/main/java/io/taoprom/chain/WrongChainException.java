package io.taoprom.chain;

import java.net.URI;

/**
 * The node serves another chain than the one asked for: its genesis hash differs. Sending a
 * transaction there would at best fail ({@code CheckGenesis}) and at worst mislead.
 */
public class WrongChainException extends ChainException {

  private static final long serialVersionUID = 1L;

  public WrongChainException(URI endpoint, String expectedGenesis, String actualGenesis) {
    super("the node at " + endpoint + " serves a chain with genesis " + actualGenesis + ", not the expected "
        + expectedGenesis + "; check the network or endpoint");
  }
}
