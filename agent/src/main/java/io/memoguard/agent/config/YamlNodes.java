package io.memoguard.agent.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, position-aware access to a composed YAML node tree. Every failure becomes a
 * {@link ConfigException} pointing at the node concerned.
 */
final class YamlNodes {
  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  /** A key and its value in a mapping; {@code name} is the key text. */
  record Entry(String name, Node key, Node value) {
    boolean isNull() {
      return YamlNodes.isNull(value);
    }

    /**
     * Where to point for a problem with the value: an empty value has no useful position of its
     * own (snakeyaml marks the spot after the colon, possibly on the next line), so use the key.
     */
    Node where() {
      return isNull() ? key : value;
    }
  }

  /** The entries of a mapping, in file order, after unknown and duplicate keys were rejected. */
  record Fields(Node node, Map<String, Entry> entries) {
    Entry get(String name) {
      return entries.get(name);
    }
  }

  ConfigException error(Node at, String problem) {
    Mark mark = at.getStartMark().orElse(null);
    return mark == null
        ? ConfigException.inFile(file, problem)
        : new ConfigException(file, mark.getLine() + 1, mark.getColumn() + 1, problem);
  }

  /**
   * Reads a mapping whose keys must all be in {@code allowed}.
   *
   * @param subject how to name the mapping in a type error, e.g. {@code 'guard'}
   */
  Fields fields(Node node, String subject, List<String> allowed) throws ConfigException {
    if (!(node instanceof MappingNode map)) {
      throw error(node, subject + " must be a map, found " + typeName(node));
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      Node key = tuple.getKeyNode();
      if (!(key instanceof ScalarNode scalar)) {
        throw error(key, "keys must be names, found " + typeName(key));
      }
      String name = scalar.getValue();
      if (!allowed.contains(name)) {
        throw error(key, "unknown key " + quote(name) + " (expected one of: "
            + String.join(", ", allowed) + ")");
      }
      if (entries.containsKey(name)) {
        throw error(key, "duplicate key " + quote(name));
      }
      entries.put(name, new Entry(name, key, tuple.getValueNode()));
    }
    return new Fields(node, entries);
  }

  /**
   * The items of a list value. A single scalar counts as a one-element list when
   * {@code scalarAsList}, because {@code methods: run} is an obvious shorthand.
   *
   * @param expected what to call the list in a type error, e.g. {@code a list of rules}
   */
  List<Node> items(Entry entry, String expected, boolean scalarAsList) throws ConfigException {
    Node value = entry.value();
    if (value instanceof SequenceNode seq) {
      return seq.getValue();
    }
    if (scalarAsList && value instanceof ScalarNode && !isNull(value)) {
      List<Node> single = new ArrayList<>(1);
      single.add(value);
      return single;
    }
    throw error(entry.where(),
        quote(entry.name()) + " must be " + expected + ", found " + typeName(value));
  }

  /** A string scalar; other scalar types (numbers, booleans, null) are errors. */
  String string(Node value, Node where, String subject, String expected) throws ConfigException {
    if (value instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
      return scalar.getValue();
    }
    throw error(where, subject + " must be " + expected + ", found " + typeName(value));
  }

  String string(Entry entry, String expected) throws ConfigException {
    return string(entry.value(), entry.where(), quote(entry.name()), expected);
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** The YAML type of a node, as an English noun phrase for error messages. */
  static String typeName(Node node) {
    if (node instanceof MappingNode) {
      return "a map";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    Tag tag = node.getTag();
    if (Tag.STR.equals(tag)) {
      return "a string";
    } else if (Tag.INT.equals(tag)) {
      return "an integer";
    } else if (Tag.FLOAT.equals(tag)) {
      return "a floating-point number";
    } else if (Tag.BOOL.equals(tag)) {
      return "a boolean";
    } else if (Tag.NULL.equals(tag)) {
      return "null";
    }
    return "a value tagged " + quote(tag.getValue());
  }

  /** Quotes a key name for a message; long names are cut so the message stays readable. */
  static String quote(String name) {
    return "'" + (name.length() > 60 ? name.substring(0, 60) + "..." : name) + "'";
  }
}
