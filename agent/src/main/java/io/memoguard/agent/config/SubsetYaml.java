package io.memoguard.agent.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Composes the subset of YAML that configurations are written in, without SnakeYAML's scanner,
 * parser and composer: those are about 200 classes, and loading them was the largest part of the
 * agent's start-up before {@code main}.
 *
 * <p>The subset: printable ASCII, block mappings with plain keys, block sequences (also indentless
 * under a key), plain and single-line quoted scalars, one-line flow sequences of such scalars,
 * comments. Anything else, including every malformed input, makes {@link #compose} return null and
 * the caller hands the text to SnakeYAML, which composes it or reports the error with its position.
 * So this class never decides what YAML means outside the subset, and never reports an error.
 *
 * <p>Inside the subset it must build exactly the tree SnakeYAML builds: same node kinds, tags
 * (plain scalars are resolved by SnakeYAML's own core-schema resolver), values, styles and start
 * positions. {@code SubsetYamlTest} checks that against SnakeYAML on the project's configurations
 * and on thousands of mutations of them.
 */
final class SubsetYaml {
  /** Deeper nesting is left to SnakeYAML, whose depth check then reports it. */
  private static final int MAX_DEPTH = 16;
  /** SnakeYAML limits a simple key to 1024 characters; long keys are left to it. */
  private static final int MAX_KEY = 200;
  private static final ScalarResolver RESOLVER = new CoreScalarResolver();

  /** Thrown to give up on the subset; carries no stack, it is control flow. */
  private static final class Outside extends Exception {
    Outside() {
      super(null, null, false, false);
    }
  }

  private static final Outside OUTSIDE = new Outside();

  private final String label;
  private final String[] lines;
  private final int[] starts;
  private int[] codePoints;

  private SubsetYaml(String label, String[] lines, int[] starts) {
    this.label = label;
    this.lines = lines;
    this.starts = starts;
  }

  /**
   * @param text the configuration, without a byte order mark
   * @param label the file name the marks carry
   * @return the root node, empty for a document without content, or null when the text leaves the
   *     subset (then only SnakeYAML may read it)
   */
  static Optional<Node> compose(String text, String label) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 || c > 0x7e) && c != '\n') {
        return null;
      }
    }
    List<String> lines = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int from = 0;
    while (from <= text.length()) {
      int end = text.indexOf('\n', from);
      if (end < 0) {
        end = text.length();
      }
      lines.add(text.substring(from, end));
      starts.add(from);
      from = end + 1;
    }
    int[] startArray = new int[starts.size()];
    for (int i = 0; i < startArray.length; i++) {
      startArray[i] = starts.get(i);
    }
    SubsetYaml reader = new SubsetYaml(label, lines.toArray(new String[0]), startArray);
    // all ASCII: one code point per char, as SnakeYAML's marks count them
    reader.codePoints = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      reader.codePoints[i] = text.charAt(i);
    }
    try {
      return reader.document();
    } catch (Outside | RuntimeException e) {
      return null;
    }
  }

  private Optional<Node> document() throws Outside {
    int row = nextContent(0);
    if (row < 0) {
      return Optional.empty();
    }
    String line = lines[row];
    if (line.startsWith("---") || line.startsWith("...") || line.startsWith("%")) {
      throw OUTSIDE;
    }
    int[] cursor = {row};
    Node root = block(cursor, row, indent(row), 0, false);
    if (nextContent(cursor[0]) >= 0) {
      throw OUTSIDE;
    }
    return Optional.of(root);
  }

  /**
   * A block collection whose first entry starts at {@code col} of {@code row}; on return
   * {@code cursor[0]} is the first row after it.
   *
   * @param indentless a sequence directly under a key, at the key's own indentation
   */
  private Node block(int[] cursor, int row, int col, int depth, boolean indentless)
      throws Outside {
    if (depth > MAX_DEPTH) {
      throw OUTSIDE;
    }
    if (isEntry(lines[row], col)) {
      return sequence(cursor, row, col, depth, indentless);
    }
    if (keyColon(lines[row], col) > 0) {
      return mapping(cursor, row, col, depth);
    }
    throw OUTSIDE;
  }

  private Node sequence(int[] cursor, int row, int col, int depth, boolean indentless)
      throws Outside {
    List<Node> items = new ArrayList<>();
    Mark start = mark(row, col);
    while (true) {
      String line = lines[row];
      int after = skipSpaces(line, col + 1);
      if (isEnd(line, after)) {
        int next = nextContent(row + 1);
        if (next >= 0 && indent(next) > col) {
          cursor[0] = next;
          items.add(block(cursor, next, indent(next), depth + 1, false));
        } else {
          items.add(empty(row, col + 1));
          cursor[0] = row + 1;
        }
      } else if (isEntry(line, after)) {
        throw OUTSIDE;
      } else if (keyColon(line, after) > 0) {
        items.add(mapping(cursor, row, after, depth + 1));
      } else {
        items.add(scalarOrFlow(row, after));
        cursor[0] = row + 1;
      }
      row = nextContent(cursor[0]);
      if (row < 0 || indent(row) < col) {
        break;
      }
      if (indent(row) > col) {
        throw OUTSIDE;
      }
      if (!isEntry(lines[row], col)) {
        if (indentless) {
          break;
        }
        throw OUTSIDE;
      }
    }
    return new SequenceNode(Tag.SEQ, true, items, FlowStyle.BLOCK, Optional.of(start),
        Optional.empty());
  }

  private Node mapping(int[] cursor, int row, int col, int depth) throws Outside {
    if (depth > MAX_DEPTH) {
      throw OUTSIDE;
    }
    List<NodeTuple> tuples = new ArrayList<>();
    Mark start = mark(row, col);
    while (true) {
      String line = lines[row];
      int colon = keyColon(line, col);
      if (colon < 0) {
        throw OUTSIDE;
      }
      String keyText = line.substring(col, colon).stripTrailing();
      Node key = new ScalarNode(resolve(keyText), true, keyText, ScalarStyle.PLAIN,
          Optional.of(mark(row, col)), Optional.empty());
      Node value;
      int after = skipSpaces(line, colon + 1);
      if (isEnd(line, after)) {
        int next = nextContent(row + 1);
        if (next >= 0 && indent(next) > col) {
          cursor[0] = next;
          value = block(cursor, next, indent(next), depth + 1, false);
        } else if (next >= 0 && indent(next) == col && isEntry(lines[next], col)) {
          cursor[0] = next;
          value = block(cursor, next, col, depth + 1, true);
        } else {
          value = empty(row, colon + 1);
          cursor[0] = row + 1;
        }
      } else if (isEntry(line, after) || keyColon(line, after) > 0) {
        throw OUTSIDE;
      } else {
        value = scalarOrFlow(row, after);
        cursor[0] = row + 1;
      }
      tuples.add(new NodeTuple(key, value));
      row = nextContent(cursor[0]);
      if (row < 0 || indent(row) < col) {
        break;
      }
      if (indent(row) > col) {
        throw OUTSIDE;
      }
    }
    return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, Optional.of(start),
        Optional.empty());
  }

  /** A scalar or flow sequence filling the rest of {@code row} from {@code col}. */
  private Node scalarOrFlow(int row, int col) throws Outside {
    String line = lines[row];
    char first = line.charAt(col);
    int end;
    Node node;
    if (first == '[') {
      List<Node> items = new ArrayList<>();
      int at = skipSpaces(line, col + 1);
      if (at < line.length() && line.charAt(at) == ']') {
        end = at + 1;
      } else {
        while (true) {
          int[] itemEnd = new int[1];
          items.add(flowItem(row, at, itemEnd));
          at = skipSpaces(line, itemEnd[0]);
          if (at >= line.length()) {
            throw OUTSIDE;
          }
          if (line.charAt(at) == ']') {
            end = at + 1;
            break;
          }
          if (line.charAt(at) != ',') {
            throw OUTSIDE;
          }
          at = skipSpaces(line, at + 1);
        }
      }
      node = new SequenceNode(Tag.SEQ, true, items, FlowStyle.FLOW, Optional.of(mark(row, col)),
          Optional.empty());
    } else if (first == '\'' || first == '"') {
      int[] quotedEnd = new int[1];
      node = quoted(row, col, quotedEnd);
      end = quotedEnd[0];
    } else {
      checkPlainStart(line, col);
      int stop = line.indexOf(" #", col);
      String text = (stop < 0 ? line.substring(col) : line.substring(col, stop)).stripTrailing();
      if (text.contains(": ") || text.endsWith(":") || hasFlowIndicator(text)) {
        throw OUTSIDE;
      }
      return new ScalarNode(resolve(text), true, text, ScalarStyle.PLAIN,
          Optional.of(mark(row, col)), Optional.empty());
    }
    int rest = skipSpaces(line, end);
    if (rest < line.length() && !(rest > end && line.charAt(rest) == '#')) {
      throw OUTSIDE;
    }
    return node;
  }

  private Node flowItem(int row, int col, int[] end) throws Outside {
    String line = lines[row];
    if (col >= line.length()) {
      throw OUTSIDE;
    }
    char first = line.charAt(col);
    if (first == '\'' || first == '"') {
      return quoted(row, col, end);
    }
    checkPlainStart(line, col);
    if ("-?:".indexOf(first) >= 0 && !Character.isLetterOrDigit(line.charAt(col + 1))) {
      // in a flow, these start a plain scalar only before a character that is not a flow
      // indicator either; the plainest case is all the subset needs
      throw OUTSIDE;
    }
    int at = col;
    while (at < line.length() && ",]".indexOf(line.charAt(at)) < 0) {
      if ("[{}#:'\"".indexOf(line.charAt(at)) >= 0) {
        throw OUTSIDE;
      }
      at++;
    }
    String text = line.substring(col, at).stripTrailing();
    end[0] = at;
    return new ScalarNode(resolve(text), true, text, ScalarStyle.PLAIN,
        Optional.of(mark(row, col)), Optional.empty());
  }

  /** A quoted scalar closed on its own line; escapes in double quotes are left to SnakeYAML. */
  private Node quoted(int row, int col, int[] end) throws Outside {
    String line = lines[row];
    char quote = line.charAt(col);
    StringBuilder value = new StringBuilder();
    int at = col + 1;
    while (true) {
      if (at >= line.length()) {
        throw OUTSIDE;
      }
      char c = line.charAt(at);
      if (c == quote) {
        if (quote == '\'' && at + 1 < line.length() && line.charAt(at + 1) == '\'') {
          value.append('\'');
          at += 2;
          continue;
        }
        break;
      }
      if (c == '\\' && quote == '"') {
        throw OUTSIDE;
      }
      value.append(c);
      at++;
    }
    end[0] = at + 1;
    return new ScalarNode(Tag.STR, true, value.toString(),
        quote == '"' ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.SINGLE_QUOTED,
        Optional.of(mark(row, col)), Optional.empty());
  }

  /** A plain scalar may not start with an indicator; '-', '?' and ':' only before a non-space. */
  private static void checkPlainStart(String line, int col) throws Outside {
    char c = line.charAt(col);
    if ("-?:".indexOf(c) >= 0) {
      if (col + 1 >= line.length() || line.charAt(col + 1) == ' ') {
        throw OUTSIDE;
      }
    } else if (",[]{}#&*!|>'\"%@`".indexOf(c) >= 0) {
      throw OUTSIDE;
    }
  }

  private static boolean hasFlowIndicator(String text) {
    for (int i = 0; i < text.length(); i++) {
      if ("[]{},".indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The column of the colon ending a plain key that starts at {@code col}, or -1 when the line
   * there is not {@code key:} or {@code key: value}.
   */
  private static int keyColon(String line, int col) throws Outside {
    if (col >= line.length()) {
      return -1;
    }
    char first = line.charAt(col);
    if (first == '\'' || first == '"' || first == '[' || first == '{') {
      // a quoted key, or a flow collection as key or value: left to SnakeYAML
      if (line.indexOf(':', col) >= 0) {
        throw OUTSIDE;
      }
      return -1;
    }
    int comment = line.indexOf(" #", col);
    int limit = comment < 0 ? line.length() : comment;
    for (int at = col; at < limit; at++) {
      if (line.charAt(at) == ':' && (at + 1 == line.length() || line.charAt(at + 1) == ' ')) {
        if (at == col || at - col > MAX_KEY) {
          throw OUTSIDE;
        }
        checkPlainStart(line, col);
        if (hasFlowIndicator(line.substring(col, at))) {
          throw OUTSIDE;
        }
        return at;
      }
    }
    return -1;
  }

  /** Whether a block sequence entry ({@code -} then a space or the line's end) is at col. */
  private static boolean isEntry(String line, int col) {
    return col < line.length() && line.charAt(col) == '-'
        && (col + 1 == line.length() || line.charAt(col + 1) == ' ');
  }

  /** Whether nothing but spaces and a comment is left from col. */
  private static boolean isEnd(String line, int col) {
    return col >= line.length() || (line.charAt(col) == '#' && line.charAt(col - 1) == ' ');
  }

  private static int skipSpaces(String line, int col) {
    while (col < line.length() && line.charAt(col) == ' ') {
      col++;
    }
    return col;
  }

  /** The first row from {@code row} with content, or -1. */
  private int nextContent(int row) {
    for (; row < lines.length; row++) {
      int at = skipSpaces(lines[row], 0);
      if (at < lines[row].length() && lines[row].charAt(at) != '#') {
        return row;
      }
    }
    return -1;
  }

  private int indent(int row) {
    return skipSpaces(lines[row], 0);
  }

  /** What SnakeYAML composes for a missing value: an empty plain scalar at the indicator's end. */
  private Node empty(int row, int col) {
    return new ScalarNode(resolve(""), true, "", ScalarStyle.PLAIN, Optional.of(mark(row, col)),
        Optional.empty());
  }

  private static Tag resolve(String plain) {
    return RESOLVER.resolve(plain, Boolean.TRUE);
  }

  private Mark mark(int row, int col) {
    int index = starts[row] + col;
    return new Mark(label, index, row, col, codePoints, index);
  }
}
