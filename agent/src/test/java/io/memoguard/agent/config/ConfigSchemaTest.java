package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * docs/memoguard.schema.json is what editors check a configuration against: it must accept every
 * configuration the repository ships or shows, know exactly the keys the agent knows, and reject
 * what the agent rejects.
 */
class ConfigSchemaTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCHEMA_FILE = ROOT.resolve("docs/memoguard.schema.json");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(Files.readString(SCHEMA_FILE), InputFormat.JSON);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyConfigurationFileOfTheRepositoryIsValidAndNamesTheSchema() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(ROOT)) {
      files = all.filter(p -> p.toString().matches(".*\\.ya?ml$"))
          .filter(p -> !ROOT.relativize(p).toString().matches("(.*/)?(target|node_modules|\\..*)/.*"))
          .toList();
    }
    assertThat(files).as("configurations found under %s", ROOT).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file);
      assertThat(errors(text)).as("%s", file).isEmpty();
      assertThat(text).as("%s names the schema for editors", file)
          .contains("# yaml-language-server: $schema=");
    }
  }

  @Test
  void everyConfigurationShownInTheDocsIsValid() throws IOException {
    int checked = 0;
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    for (Path page : pages) {
      Matcher block = YAML_BLOCK.matcher(Files.readString(page));
      while (block.find()) {
        String yaml = block.group(1);
        if (startsWithTopLevelKey(yaml)) {
          assertThat(errors(yaml)).as("%s:\n%s", page, yaml).isEmpty();
          checked++;
        }
      }
    }
    assertThat(checked).as("configurations shown in README.md and docs/").isGreaterThan(2);
  }

  @Test
  void theSchemaKnowsExactlyTheKeysTheAgentKnows() throws IOException {
    JsonNode top = new ObjectMapper().readTree(SCHEMA_FILE.toFile()).get("properties");
    assertThat(names(top)).containsExactlyInAnyOrderElementsOf(ConfigBinder.TOP_KEYS);
    assertThat(names(top.at("/guard/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.GUARD_KEYS);
    assertThat(names(top.at("/requests/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.REQUEST_KEYS);
    assertThat(names(top.at("/jdbc/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.JDBC_KEYS);
    assertThat(names(top.at("/log/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.LOG_KEYS);
    JsonNode selector = new ObjectMapper().readTree(SCHEMA_FILE.toFile()).at("/$defs/selector/properties");
    assertThat(names(selector)).containsExactlyInAnyOrderElementsOf(ConfigBinder.SELECTOR_KEYS);
    assertThat(union(selector, top.at("/memoize/items/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.MEMO_KEYS);
    assertThat(union(selector, top.at("/invalidate/items/properties"))).containsExactlyInAnyOrderElementsOf(ConfigBinder.INVALIDATE_KEYS);
    assertThat(union(selector, top.at("/requests/properties/entry-points/items/properties")))
        .containsExactlyInAnyOrderElementsOf(ConfigBinder.ENTRY_POINT_KEYS);
    assertThat(enumValues(top.at("/log/properties/format"))).containsExactlyElementsOf(ConfigBinder.LOG_FORMATS);
    assertThat(enumValues(top.at("/log/properties/level"))).containsExactlyElementsOf(ConfigBinder.LOG_LEVELS);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "memoize:\n  - class: a.B\n    method: [get*]\n",
      "memoize:\n  - class: a.B\n    implements: a.C\n",
      "memoize:\n  - methods: [get*]\n",
      "memoize:\n  - class: a.B\n    park-timeout-ms: 100\n",
      "memoize:\n  - class: a.B\n    methods: []\n",
      "invalidate:\n  - class: a.B\n",
      "invalidate:\n  - class: a.B\n    methods: [save*]\n    clears: everything\n",
      "on-mutation: explode\n",
      "mode: observe-everything\n",
      "guard:\n  max-graph-objects: 0\n",
      "requests:\n  max-entries: many\n",
      "requests:\n  max-bytes: 5 apples\n",
      "requests:\n  propagate: 1\n",
      "jdbc:\n  clear-on-write: sometimes\n",
      "log:\n  format: xml\n",
      "log:\n  summary-interval: 5 minutes\n",
      "logging:\n  level: info\n",
  })
  void whatTheAgentRejectsTheSchemaRejects(String yaml, @TempDir Path dir) throws IOException {
    assertThat(errors(yaml)).as(yaml).isNotEmpty();
    Path file = dir.resolve("memoguard.yaml");
    Files.writeString(file, yaml);
    assertThatThrownBy(() -> ConfigLoader.load(file)).as(yaml).isInstanceOf(ConfigException.class);
  }

  private static boolean startsWithTopLevelKey(String yaml) {
    for (String line : yaml.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      return colon > 0 && ConfigBinder.TOP_KEYS.contains(line.substring(0, colon));
    }
    return false;
  }

  private static List<String> errors(String yaml) {
    List<String> out = new ArrayList<>();
    for (Error error : SCHEMA.validate(yaml, InputFormat.YAML)) {
      out.add(error.toString());
    }
    return out;
  }

  private static TreeSet<String> names(JsonNode object) {
    TreeSet<String> out = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
      out.add(it.next().getKey());
    }
    return out;
  }

  private static TreeSet<String> union(JsonNode a, JsonNode b) {
    TreeSet<String> out = names(a);
    out.addAll(names(b));
    return out;
  }

  private static List<String> enumValues(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.get("enum").forEach(v -> out.add(v.asString()));
    return out;
  }
}
