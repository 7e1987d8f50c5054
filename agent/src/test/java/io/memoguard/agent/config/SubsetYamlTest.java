package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The subset reader against SnakeYAML: on every configuration the project writes (its files, the
 * YAML blocks of its documentation, the text blocks of its tests) and on mutations of them, the
 * subset reader either gives up or composes exactly SnakeYAML's tree.
 *
 * <p>The environment variables {@code SUBSET_SEED} and {@code SUBSET_MUTATIONS} (per text, 60 by
 * default) run other and more mutations, e.g. 1,500 per text for a longer search.
 */
class SubsetYamlTest {
  private static final Path SOURCE = Path.of("memoguard.yaml");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String ALPHABET = " -:#'\"[],\n~1a*&!|>{}.%\t\\?";

  @Test
  void theDemoConfigurationsAreInTheSubset() throws Exception {
    for (String name : List.of("memoguard.yaml", "memoguard-verify.yaml")) {
      String text = Files.readString(ROOT.resolve("demo-service").resolve(name));
      assertThat(SubsetYaml.compose(text, SOURCE.toString())).as(name).isNotNull();
      assertSame(text);
    }
  }

  @Test
  void mostDocumentedConfigurationsAreInTheSubset() throws Exception {
    List<String> blocks = documentedBlocks();
    long inSubset = blocks.stream().filter(b -> SubsetYaml.compose(b, "x") != null).count();
    assertThat(blocks).hasSizeGreaterThan(5);
    assertThat(inSubset).as("documented blocks read without SnakeYAML's parser")
        .isGreaterThanOrEqualTo(blocks.size() * 8 / 10);
    for (String block : blocks) {
      assertSame(block);
    }
  }

  @Test
  void everyConfigurationTheTestsWriteComposesAsSnakeYamlDoes() throws Exception {
    List<String> corpus = corpus();
    assertThat(corpus).hasSizeGreaterThan(50);
    for (String text : corpus) {
      assertSame(text);
    }
  }

  @Test
  void mutatedConfigurationsComposeAsSnakeYamlDoesOrAreLeftToIt() throws Exception {
    List<String> corpus = corpus();
    Random random = new Random(Long.parseLong(System.getenv().getOrDefault("SUBSET_SEED",
        "20261206")));
    int mutations = Integer.parseInt(System.getenv().getOrDefault("SUBSET_MUTATIONS", "60"));
    int inSubset = 0;
    int total = 0;
    for (String text : corpus) {
      for (int i = 0; i < mutations; i++) {
        String mutated = mutate(text, random);
        total++;
        if (assertSame(mutated)) {
          inSubset++;
        }
      }
    }
    // the mutations must exercise both sides: a reader that always gave up would pass otherwise
    assertThat(inSubset).isGreaterThan(total / 10);
    assertThat(inSubset).isLessThan(total);
  }

  @Test
  void positionsOfEmptyValuesAndIndentlessListsMatch() throws Exception {
    assertThat(assertSame("a:\nb: 1\n")).isTrue();
    assertThat(assertSame("a:\n- x\n-\n- 'y'\nb:   # c\n  - [p, \"q\"]\n")).isTrue();
    assertThat(assertSame("- a: 1\n  b:\n-   c: ~\n    d: [ ]\n")).isTrue();
    assertThat(assertSame("  k: v #c\n  l: 'it''s' # c\n")).isTrue();
  }

  @Test
  void constructsOutsideTheSubsetAreLeftToSnakeYaml() {
    for (String text : List.of("a: &x 1\nb: *x\n", "a: |\n  text\n", "--- \na: 1\n",
        "a: {b: 1}\n", "a: \"\\u0041\"\n", "a: b\n  c\n", "? a\n: b\n", "a: !!str 1\n",
        "a:\tb\n", "a: é\n", "a: 1\r\nb: 2\r\n", "'a': 1\n", "a: [b,\n  c]\n")) {
      assertThat(SubsetYaml.compose(text, "x")).as(text).isNull();
    }
  }

  /** @return whether the subset reader composed the text itself */
  private static boolean assertSame(String text) {
    Optional<Node> subset = SubsetYaml.compose(text, SOURCE.toString());
    Optional<Node> full;
    try {
      full = ConfigLoader.composeFully(text, SOURCE);
    } catch (ConfigException rejected) {
      if (subset != null) {
        fail("SnakeYAML rejects what the subset reader composed: " + rejected.getMessage()
            + "\n---\n" + text);
      }
      return false;
    }
    if (subset == null) {
      return false;
    }
    assertThat(subset.isPresent()).as(text).isEqualTo(full.isPresent());
    if (full.isPresent()) {
      assertSameNode(subset.get(), full.get(), "root", text);
    }
    return true;
  }

  private static void assertSameNode(Node subset, Node full, String path, String text) {
    String at = path + " in\n" + text;
    assertThat(subset.getClass()).as(at).isEqualTo(full.getClass());
    assertThat(subset.getTag()).as(at).isEqualTo(full.getTag());
    Mark mine = subset.getStartMark().orElseThrow();
    Mark theirs = full.getStartMark().orElseThrow();
    assertThat(mine.getLine() + ":" + mine.getColumn()).as("start of " + at)
        .isEqualTo(theirs.getLine() + ":" + theirs.getColumn());
    assertThat(mine.getIndex()).as(at).isEqualTo(theirs.getIndex());
    assertThat(mine.getName()).as(at).isEqualTo(theirs.getName());
    if (full instanceof ScalarNode scalar) {
      ScalarNode mineScalar = (ScalarNode) subset;
      assertThat(mineScalar.getValue()).as(at).isEqualTo(scalar.getValue());
      assertThat(mineScalar.getScalarStyle()).as(at).isEqualTo(scalar.getScalarStyle());
    } else if (full instanceof SequenceNode sequence) {
      List<Node> items = ((SequenceNode) subset).getValue();
      assertThat(items).as(at).hasSameSizeAs(sequence.getValue());
      for (int i = 0; i < items.size(); i++) {
        assertSameNode(items.get(i), sequence.getValue().get(i), path + "[" + i + "]", text);
      }
    } else {
      List<NodeTuple> tuples = ((MappingNode) subset).getValue();
      List<NodeTuple> expected = ((MappingNode) full).getValue();
      assertThat(tuples).as(at).hasSameSizeAs(expected);
      for (int i = 0; i < tuples.size(); i++) {
        assertSameNode(tuples.get(i).getKeyNode(), expected.get(i).getKeyNode(),
            path + ".key" + i, text);
        assertSameNode(tuples.get(i).getValueNode(), expected.get(i).getValueNode(),
            path + ".value" + i, text);
      }
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length());
      switch (random.nextInt(5)) {
        case 0 -> {
          if (out.length() > 0) {
            out.deleteCharAt(at);
          }
        }
        case 1 -> out.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        case 2 -> {
          // shift a line's indentation, the mistake YAML files are most prone to
          int lineStart = out.lastIndexOf("\n", at) + 1;
          if (random.nextBoolean()) {
            out.insert(lineStart, random.nextBoolean() ? " " : "  ");
          } else if (out.length() > lineStart && out.charAt(lineStart) == ' ') {
            out.deleteCharAt(lineStart);
          }
        }
        case 3 -> {
          int lineStart = out.lastIndexOf("\n", at) + 1;
          int lineEnd = out.indexOf("\n", at);
          if (lineEnd > lineStart) {
            out.insert(lineStart, out.substring(lineStart, lineEnd + 1));
          }
        }
        default -> {
          int lineEnd = out.indexOf("\n", at);
          if (lineEnd >= 0) {
            out.insert(lineEnd, random.nextBoolean() ? " # note" : ":");
          }
        }
      }
    }
    return out.toString();
  }

  /** The text blocks of the project's tests that look like configurations, and its YAML files. */
  private static List<String> corpus() throws IOException {
    List<String> texts = new ArrayList<>(documentedBlocks());
    Pattern block = Pattern.compile("\"\"\"\\n(.*?)\"\"\"", Pattern.DOTALL);
    List<Path> sources = new ArrayList<>();
    for (String dir : List.of("agent/src/test/java", "integration-tests/src/test/java")) {
      Path base = ROOT.resolve(dir);
      if (Files.isDirectory(base)) {
        try (Stream<Path> files = Files.walk(base)) {
          files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    }
    for (Path source : sources) {
      Matcher m = block.matcher(Files.readString(source));
      while (m.find()) {
        String text = m.group(1).stripIndent();
        try {
          text = text.translateEscapes();
        } catch (IllegalArgumentException notJavaText) {
          continue;
        }
        if (text.contains(":")) {
          texts.add(text);
        }
      }
    }
    texts.add(Files.readString(ROOT.resolve("demo-service/memoguard.yaml")));
    texts.add(Files.readString(ROOT.resolve("demo-service/memoguard-verify.yaml")));
    return texts;
  }

  private static List<String> documentedBlocks() throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(ROOT.resolve("README.md"));
    try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    Pattern block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    List<String> blocks = new ArrayList<>();
    for (Path doc : docs) {
      Matcher m = block.matcher(Files.readString(doc));
      while (m.find()) {
        blocks.add(m.group(1));
      }
    }
    return blocks;
  }
}
