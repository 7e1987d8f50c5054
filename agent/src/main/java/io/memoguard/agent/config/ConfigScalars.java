package io.memoguard.agent.config;

import io.memoguard.agent.config.YamlNodes.Entry;
import io.memoguard.runtime.Settings;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * The scalar values of the configuration (enums, booleans, positive integers, byte sizes), each
 * checked against the YAML 1.2 core schema tag it must carry; errors point at the offending node.
 */
final class ConfigScalars {
  private final YamlNodes nodes;

  ConfigScalars(YamlNodes nodes) {
    this.nodes = nodes;
  }

  <E extends Enum<E>> E enumValue(Entry entry, Class<E> type, E absent)
      throws ConfigException {
    if (entry == null) {
      return absent;
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT));
    }
    String expected = oneOf(names);
    String text = nodes.string(entry, expected);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(text)) {
        return constant;
      }
    }
    throw nodes.error(entry.value(),
        YamlNodes.quote(entry.name()) + " must be " + expected + ", found an unknown value");
  }

  boolean bool(Entry entry) throws ConfigException {
    Node value = entry.value();
    if (value instanceof ScalarNode scalar && Tag.BOOL.equals(value.getTag())) {
      return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT));
    }
    throw nodes.error(entry.where(),
        YamlNodes.quote(entry.name()) + " must be true or false, found " + YamlNodes.typeName(value));
  }

  boolean bool(Entry entry, boolean absent) throws ConfigException {
    return entry == null ? absent : bool(entry);
  }

  long byteSize(Entry entry) throws ConfigException {
    if (entry == null) {
      return Settings.DEFAULT_BYTES;
    }
    Node value = entry.value();
    Long bytes = value instanceof ScalarNode scalar
        ? ByteSize.parse(scalar.getValue(), Runtime.getRuntime().maxMemory()) : null;
    if (bytes == null || bytes <= 0) {
      throw nodes.error(entry.where(), YamlNodes.quote(entry.name()) + " must be a positive size in"
          + " bytes, with k, m or g, or a percentage of the maximum heap (such as 64m or 5%)");
    }
    return bytes;
  }

  int positiveInt(Entry entry, int absent) throws ConfigException {
    if (entry == null) {
      return absent;
    }
    String subject = YamlNodes.quote(entry.name()) + " must be a positive integer, found ";
    Node value = entry.value();
    if (!(value instanceof ScalarNode scalar) || !Tag.INT.equals(value.getTag())) {
      throw nodes.error(entry.where(), subject + YamlNodes.typeName(value));
    }
    BigInteger n = parseInteger(scalar.getValue());
    if (n == null) {
      throw nodes.error(value, subject + "an integer in an unsupported notation");
    }
    if (n.signum() < 0) {
      throw nodes.error(value, subject + "a negative integer");
    }
    if (n.signum() == 0) {
      throw nodes.error(value, subject + "zero");
    }
    if (n.bitLength() > 31) {
      throw nodes.error(value, subject + "an integer larger than " + Integer.MAX_VALUE);
    }
    return n.intValue();
  }

  /**
   * A duration in whole seconds, zero allowed: an integer (seconds) or a number with the unit
   * {@code s}, {@code m} or {@code h}, such as {@code 30s} or {@code 5m}.
   */
  int seconds(Entry entry, int absent) throws ConfigException {
    if (entry == null) {
      return absent;
    }
    Node value = entry.value();
    String problem = YamlNodes.quote(entry.name()) + " must be a duration such as 60, 30s, 5m or 1h"
        + " (0 turns it off)";
    if (!(value instanceof ScalarNode scalar)) {
      throw nodes.error(entry.where(), problem);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})\\s*([smh]?)")
        .matcher(scalar.getValue().strip());
    if (!m.matches()) {
      throw nodes.error(value, problem);
    }
    long n = Long.parseLong(m.group(1));
    long factor = m.group(2).equals("m") ? 60 : m.group(2).equals("h") ? 3_600 : 1;
    if (n * factor > Integer.MAX_VALUE) {
      throw nodes.error(value, problem);
    }
    return (int) (n * factor);
  }

  /** The YAML 1.2 core schema integer notations: decimal with sign, 0o octal, 0x hex. */
  private static BigInteger parseInteger(String text) {
    String t = text;
    boolean negative = false;
    if (t.startsWith("-") || t.startsWith("+")) {
      negative = t.charAt(0) == '-';
      t = t.substring(1);
    }
    int radix = 10;
    if (t.startsWith("0x")) {
      radix = 16;
      t = t.substring(2);
    } else if (t.startsWith("0o")) {
      radix = 8;
      t = t.substring(2);
    }
    try {
      BigInteger n = new BigInteger(t, radix);
      return negative ? n.negate() : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String oneOf(List<String> names) {
    int last = names.size() - 1;
    return String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }
}
