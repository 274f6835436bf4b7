package io.taoprom.cli;

/** Entry point of the {@code taoprom} command; the subcommands arrive with the foundation issue. */
public final class TaoPromCli {
  private TaoPromCli() {}

  public static void main(String[] args) {
    System.out.println("taoprom: under construction");
  }
}
