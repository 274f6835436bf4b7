package io.taoprom.metrics.textfile.format;

/**
 * A family as the parser knows it: its name, {@code # HELP} (null until given; it may come after
 * the samples) and {@code # TYPE} (untyped unless given, before any sample).
 */
final class FamilyHeader {
  final String name;
  String help;
  FamilyType type = FamilyType.UNTYPED;
  boolean typed;
  boolean sampled;

  FamilyHeader(String name) {
    this.name = name;
  }
}
