package io.memoguard.agent.config;

import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads and validates the memoguard YAML configuration.
 *
 * <p>The file is composed into a node tree rather than loaded into plain maps so that every
 * validation error can name the exact line and column of the offending node.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  /**
   * Deeper than this is not a memoguard configuration (it needs four levels: memoize, the rule
   * list, a rule, its method list); the parser and binder recurse per level, so this bound is what
   * keeps a hostile file from ending in a StackOverflowError.
   */
  static final int MAX_DEPTH = 64;

  /**
   * Loads {@code file} (UTF-8, an optional byte order mark is ignored).
   *
   * @return the validated configuration with defaults applied
   * @throws ConfigException if the file cannot be read, is not well-formed YAML, is empty or does
   *     not follow the schema; the message is one line, {@code <file>:<line>:<column>: <problem>}
   */
  public static AgentConfig load(Path file) throws ConfigException {
    return parse(ConfigText.read(file), file);
  }

  /** Parses configuration text as if it had been read from {@code source}. */
  static AgentConfig parse(String text, Path source) throws ConfigException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      Optional<Node> root = compose(text, source);
      if (root.isEmpty() || YamlNodes.isNull(root.get())) {
        throw ConfigException.inFile(source, "configuration is empty");
      }
      return new ConfigBinder(source).bind(root.get());
    } catch (StackOverflowError e) {
      // the depth check should make this unreachable; a configuration never crashes the start
      throw ConfigException.inFile(source, "configuration is nested too deeply to read");
    }
  }

  private static Optional<Node> compose(String text, Path source) throws ConfigException {
    // the common subset without loading SnakeYAML's parser; everything else, errors included, is
    // SnakeYAML's to read
    Optional<Node> subset = SubsetYaml.compose(text, source.toString());
    return subset != null ? subset : composeFully(text, source);
  }

  /** SnakeYAML's tree of any YAML text, or its error as a configuration error. */
  static Optional<Node> composeFully(String text, Path source) throws ConfigException {
    // the core schema, unlike snakeyaml-engine's default JSON schema, reads ~ as null, as YAML
    // users expect
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source.toString())
        .setSchema(new CoreSchema())
        .setCodePointLimit(ConfigText.MAX_BYTES)
        .build();
    try {
      checkDepth(settings, text, source);
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      throw malformed(source, e);
    } catch (ReaderException e) {
      int[] lineColumn = lineColumn(text, e.getPosition());
      throw new ConfigException(source, lineColumn[0], lineColumn[1],
          String.format("control character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YamlEngineException e) {
      throw ConfigException.inFile(source, "malformed YAML: " + e.getMessage());
    }
  }

  /**
   * Walks the parser's events, which come from an explicit state stack rather than recursion,
   * before the composer builds the node tree recursively.
   */
  private static void checkDepth(LoadSettings settings, String text, Path source)
      throws ConfigException {
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      Event.ID id = event.getEventId();
      if (id == Event.ID.SequenceStart || id == Event.ID.MappingStart) {
        if (++depth > MAX_DEPTH) {
          Mark mark = event.getStartMark().orElse(null);
          String problem = "nested deeper than " + MAX_DEPTH
              + " levels; a memoguard configuration needs 4";
          throw mark == null ? ConfigException.inFile(source, problem)
              : new ConfigException(source, mark.getLine() + 1, mark.getColumn() + 1, problem);
        }
      } else if (id == Event.ID.SequenceEnd || id == Event.ID.MappingEnd) {
        depth--;
      }
    }
  }

  private static ConfigException malformed(Path source, MarkedYamlEngineException e) {
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    String problem = (e.getProblem() != null ? e.getProblem() : "malformed YAML")
        // the context ("while parsing a flow sequence") tells where the broken construct began,
        // which for an unclosed bracket is the useful half of the story
        + (e.getContext() == null ? "" : " (" + e.getContext()
            + contextMark.map(m -> " at " + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                .orElse("")
            + ")");
    Optional<Mark> mark = problemMark.isPresent() ? problemMark : contextMark;
    return mark
        .map(m -> new ConfigException(source, m.getLine() + 1, m.getColumn() + 1, problem))
        .orElseGet(() -> ConfigException.inFile(source, problem));
  }

  /** 1-based line and column of a code point offset, for reader errors that carry no mark. */
  private static int[] lineColumn(String text, int codePointOffset) {
    int end = text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
    return ConfigText.lineColumn(text, end);
  }
}
