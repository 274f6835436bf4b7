package io.taoprom.metrics.host.hwmon;

import java.util.Set;

/**
 * An hwmon attribute file's name split the way node_exporter splits it with
 * {@code ^(?P<type>[^0-9]+)(?P<id>[0-9]*)?(_(?P<property>.+))?$}: {@code temp1_input} is type
 * {@code temp}, number 1, property {@code input}; {@code fan2} is {@code fan}, 2, no property;
 * {@code beep_enable} (no digits) is all type; {@code power_state} too, so it is no sensor.
 *
 * <p>Written out rather than matched: a scrape splits every name in every chip's directory and
 * its device's, a few hundred of them.
 *
 * @param type the sensor type, {@code temp}
 * @param number the sensor's number, 0 where the name has none
 * @param property what of the sensor the file holds, {@code input}; empty for the raw value
 */
record SensorName(String type, long number, String property) {

  /** The types node_exporter reads; files of any other type are not read at all. */
  static final Set<String> TYPES = Set.of(
      "vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm", "temp", "curr", "power",
      "energy", "humidity", "intrusion", "freq");

  /** The sensor a file belongs to, as node_exporter keys it: type and number, {@code temp1}. */
  String sensor() {
    return type + number;
  }

  /** The split of {@code name}, or null where the expression does not match it. */
  static SensorName parse(String name) {
    int typeEnd = 0;
    while (typeEnd < name.length() && !isDigit(name.charAt(typeEnd))) {
      typeEnd++;
    }
    if (typeEnd == 0) {
      return null; // starts with a digit: [^0-9]+ needs one character at least
    }
    if (typeEnd == name.length()) {
      return new SensorName(name, 0, ""); // no digits: the greedy type takes it all
    }
    int idEnd = typeEnd;
    while (idEnd < name.length() && isDigit(name.charAt(idEnd))) {
      idEnd++;
    }
    if (idEnd == name.length() || name.charAt(idEnd) == '_' && idEnd + 1 < name.length()) {
      long number = number(name.substring(typeEnd, idEnd));
      if (number < 0) {
        return null; // beyond Go's Atoi: node_exporter gives up on the file
      }
      return new SensorName(name.substring(0, typeEnd), number, idEnd == name.length() ? "" : name.substring(idEnd + 1));
    }
    // What the expression falls back to: a shorter type ending before an underscore, no number,
    // and the rest as property ("temp_1x" is type temp, property "1x"); the longest such type.
    int underscore = name.lastIndexOf('_', typeEnd - 1);
    if (underscore >= 1 && underscore + 1 < name.length()) {
      return new SensorName(name.substring(0, underscore), 0, name.substring(underscore + 1));
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Decimal digits as Go's Atoi reads them; -1 beyond a signed 64-bit integer. */
  private static long number(String digits) {
    long n = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (n > (Long.MAX_VALUE - d) / 10) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }
}
