package io.memoguard.agent.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
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
   * Loads {@code file} (UTF-8, an optional byte order mark is ignored).
   *
   * @return the validated configuration with defaults applied
   * @throws ConfigException if the file cannot be read, is not well-formed YAML, is empty or does
   *     not follow the schema; the message is one line, {@code <file>:<line>:<column>: <problem>}
   */
  public static AgentConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException | SecurityException e) {
      throw ConfigException.inFile(file,
          "cannot read configuration file (" + e.getClass().getSimpleName() + ")");
    }
    return parse(text, file);
  }

  /** Parses configuration text as if it had been read from {@code source}. */
  static AgentConfig parse(String text, Path source) throws ConfigException {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    Optional<Node> root = compose(text, source);
    if (root.isEmpty() || YamlNodes.isNull(root.get())) {
      throw ConfigException.inFile(source, "configuration is empty");
    }
    return new ConfigBinder(source).bind(root.get());
  }

  private static Optional<Node> compose(String text, Path source) throws ConfigException {
    // the core schema, unlike snakeyaml-engine's default JSON schema, reads ~ as null, as YAML
    // users expect
    LoadSettings settings = LoadSettings.builder()
        .setLabel(source.toString())
        .setSchema(new CoreSchema())
        .build();
    try {
      return new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      throw malformed(source, e);
    } catch (ReaderException e) {
      int[] lineColumn = lineColumn(text, e.getPosition());
      throw new ConfigException(source, lineColumn[0], lineColumn[1],
          "special characters are not allowed in YAML");
    } catch (YamlEngineException e) {
      throw ConfigException.inFile(source, "malformed YAML: " + e.getMessage());
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
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < codePointOffset; seen++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
