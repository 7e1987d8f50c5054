package io.memoguard.agent.config;

import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.memoguard.agent.config.InvalidateRule.Clears;
import io.memoguard.agent.config.Selector.Kind;
import io.memoguard.runtime.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loading valid files, defaults, and failures that are not schema violations. */
class ConfigLoaderTest extends ConfigFileTestSupport {

  private static final String FULL_EXAMPLE = """
      memoize:                      # list of rules
        - class: com.acme.mortgage.MortgageRepository
          methods: [get*, find*]
        - implements: com.acme.repo.Repository
        - annotated: org.springframework.stereotype.Repository
      invalidate:
        - class: com.acme.mortgage.MortgageRepository
          methods: [save*, update*, delete*]
          clears: class
      guard:
        packages: [com.acme.domain]
        max-graph-objects: 100000
      on-mutation: invalidate
      requests:
        entry-points:
          - class: com.acme.jobs.NightlyJob
            methods: [run]
        max-entries: 10000
      log:
        level: info
        file: memoguard.log
      """;

  @Test
  void fullExampleParsesToTheExpectedRecords() throws Exception {
    Path file = write(FULL_EXAMPLE);

    AgentConfig config = ConfigLoader.load(file);

    assertThat(config).isEqualTo(new AgentConfig(
        file,
        List.of(
            new MemoRule(new Selector(Kind.CLASS, "com.acme.mortgage.MortgageRepository", 2),
                List.of("get*", "find*")),
            new MemoRule(new Selector(Kind.IMPLEMENTS, "com.acme.repo.Repository", 4),
                AgentConfig.DEFAULT_READ_METHODS),
            new MemoRule(
                new Selector(Kind.ANNOTATED, "org.springframework.stereotype.Repository", 5),
                AgentConfig.DEFAULT_READ_METHODS)),
        List.of(new InvalidateRule(
            new Selector(Kind.CLASS, "com.acme.mortgage.MortgageRepository", 7),
            List.of("save*", "update*", "delete*"), Clears.CLASS)),
        List.of("com.acme.domain"),
        OnMutation.INVALIDATE,
        List.of(new EntryPoint(new Selector(Kind.CLASS, "com.acme.jobs.NightlyJob", 16),
            List.of("run"))),
        10_000,
        100_000,
        "info",
        dir.resolve("memoguard.log").toString()));
  }

  @Test
  void omittedSectionsGetTheDocumentedDefaults() throws Exception {
    AgentConfig config = load("""
        memoize:
          - class: com.acme.Foo
        invalidate:
          - class: com.acme.Foo
            methods: [save*]
        """);

    assertThat(config.memoize()).containsExactly(new MemoRule(
        new Selector(Kind.CLASS, "com.acme.Foo", 2), AgentConfig.DEFAULT_READ_METHODS));
    assertThat(config.invalidate().get(0).clears()).isEqualTo(Clears.CLASS);
    assertThat(config.guardPackages()).isEmpty();
    assertThat(config.onMutation()).isEqualTo(OnMutation.INVALIDATE);
    assertThat(config.entryPoints()).isEmpty();
    assertThat(config.maxEntries()).isEqualTo(Settings.DEFAULT_MAX_ENTRIES);
    assertThat(config.maxGraphObjects()).isEqualTo(Settings.DEFAULT_MAX_GRAPH_OBJECTS);
    assertThat(config.logLevel()).isEqualTo("info");
    assertThat(config.logFile()).isNull();
  }

  @Test
  void configWithoutMemoizeRulesIsValid() throws Exception {
    AgentConfig config = load("""
        guard:
          packages: com.acme.domain
        """);

    assertThat(config.memoize()).isEmpty();
    assertThat(config.guardPackages()).containsExactly("com.acme.domain");
  }

  @Test
  void emptySectionsCountAsAbsent() throws Exception {
    AgentConfig config = load("""
        memoize:
        invalidate: ~
        guard:
        requests:
          entry-points:
        log:
        """);

    assertThat(config.memoize()).isEmpty();
    assertThat(config.invalidate()).isEmpty();
    assertThat(config.entryPoints()).isEmpty();
    assertThat(config.logFile()).isNull();
  }

  @Test
  void nonDefaultValuesAreReadCaseInsensitivelyWhereEnumerated() throws Exception {
    Path logFile = dir.resolve("logs").resolve("mg.log").toAbsolutePath();
    AgentConfig config = load("""
        invalidate:
          - implements: com.acme.repo.Repository
            methods: delete*
            clears: Request
        on-mutation: FAIL
        guard:
          max-graph-objects: 0x10
        requests:
          max-entries: 500
        log:
          level: WARN
          file: %s
        """.formatted(logFile));

    assertThat(config.invalidate()).containsExactly(new InvalidateRule(
        new Selector(Kind.IMPLEMENTS, "com.acme.repo.Repository", 2), List.of("delete*"),
        Clears.REQUEST));
    assertThat(config.onMutation()).isEqualTo(OnMutation.FAIL);
    assertThat(config.maxGraphObjects()).isEqualTo(16);
    assertThat(config.maxEntries()).isEqualTo(500);
    assertThat(config.logLevel()).isEqualTo("warn");
    assertThat(config.logFile()).isEqualTo(logFile.toString());
  }

  @Test
  void relativeLogFileIsResolvedAgainstTheConfigFilesDirectory() throws Exception {
    AgentConfig config = load("""
        log:
          file: ../logs/./memoguard.log
        """);

    assertThat(config.logFile())
        .isEqualTo(dir.getParent().resolve("logs").resolve("memoguard.log").toString());
  }

  @Test
  void listsInTheResultAreImmutable() throws Exception {
    AgentConfig config = load("""
        memoize:
          - class: com.acme.Foo
            methods: [get*]
        """);

    assertThrows(UnsupportedOperationException.class, () -> config.memoize().clear());
    assertThrows(UnsupportedOperationException.class,
        () -> config.memoize().get(0).methods().add("x"));
  }

  @Test
  void byteOrderMarkIsIgnored() throws Exception {
    AgentConfig config = load("\uFEFFon-mutation: log\n");

    assertThat(config.onMutation()).isEqualTo(OnMutation.LOG);
  }

  @Test
  void missingFileIsReportedWithoutPosition() {
    Path missing = dir.resolve("absent.yaml");

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));

    assertThat(e.getMessage())
        .isEqualTo(missing + ": cannot read configuration file: no such file");
    assertThat(e.line()).isZero();
  }

  @Test
  void fileThatIsNotUtf8IsUnreadable() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'l', 'o', 'g', ':', ' ', (byte) 0xE9, '\n'});

    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));

    assertThat(e.getMessage()).isEqualTo(file + ":1:6: byte 0xE9 is not valid UTF-8 (the file must"
        + " be UTF-8 text; was it saved as Latin-1, or is it not text at all?)");
  }

  @Test
  void emptyFileIsAnError() {
    assertThat(loadFails("").getMessage())
        .isEqualTo(dir.resolve("memoguard.yaml") + ": configuration is empty");
  }

  @Test
  void fileWithOnlyCommentsIsEmpty() {
    assertThat(loadFails("# memoize:\n#   - class: x\n").problem())
        .isEqualTo("configuration is empty");
  }

  @Test
  void emptyDocumentIsEmpty() {
    assertThat(loadFails("---\n").problem()).isEqualTo("configuration is empty");
    assertThat(loadFails("~\n").problem()).isEqualTo("configuration is empty");
  }

  @Test
  void unclosedBracketReportsWhereTheParserGaveUpAndWhereTheListBegan() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            methods: [get*, find*
        log:
          level: info
        """, 4, 4,
        "expected ',' or ']', but got : (while parsing a flow sequence at 3:14)");
  }

  @Test
  void bracketStillOpenAtEndOfFile() {
    assertError("""
        memoize:
          - class: com.acme.Foo
            methods: [get*, find*
        """, 4, 1,
        "expected ',' or ']', but got <stream end> (while parsing a flow sequence at 3:14)");
  }

  @Test
  void badIndentationIsReportedAtTheMisplacedLine() {
    assertError("""
        guard:
          packages: [com.acme]
         max-graph-objects: 5
        """, 3, 2,
        "expected <block end>, but found '<block mapping start>' "
            + "(while parsing a block mapping at 1:1)");
  }

  @Test
  void tabIndentationIsReported() {
    assertError("guard:\n\tpackages: [com.acme]\n", 2, 1,
        "found character '\\t(TAB)' that cannot start any token. "
            + "(Do not use \\t(TAB) for indentation) "
            + "(while scanning for the next token)");
  }

  @Test
  void controlCharacterIsReportedAtItsPosition() {
    assertError("log:\n  level: in\u0001fo\n", 2, 12,
        "control character U+0001 is not allowed in YAML");
  }

  @Test
  void messageIsAlwaysOneLine() {
    ConfigException e = loadFails("memoize: [\n");

    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
  }
}
