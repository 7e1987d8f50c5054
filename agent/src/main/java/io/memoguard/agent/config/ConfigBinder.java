package io.memoguard.agent.config;

import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.Mode;
import io.memoguard.agent.config.InvalidateRule.Clears;
import io.memoguard.agent.config.YamlNodes.Entry;
import io.memoguard.agent.config.YamlNodes.Fields;
import io.memoguard.runtime.Settings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Binds a composed YAML document to an {@link AgentConfig}, validating it against the schema. */
final class ConfigBinder {
  // package-private: ConfigSchemaTest holds docs/memoguard.schema.json to these lists
  static final List<String> TOP_KEYS =
      List.of("memoize", "invalidate", "guard", "on-mutation", "mode", "requests", "jdbc", "log");
  static final List<String> SELECTOR_KEYS = List.of("class", "implements", "annotated");
  static final List<String> MEMO_KEYS =
      withSelectors("methods", "on-mutation", "mode", "park", "park-timeout-ms");
  static final List<String> INVALIDATE_KEYS = withSelectors("methods", "clears");
  static final List<String> ENTRY_POINT_KEYS = withSelectors("methods");
  static final List<String> GUARD_KEYS = List.of("packages", "max-graph-objects");
  static final List<String> REQUEST_KEYS = List.of("entry-points", "max-entries", "max-bytes",
      "max-total-bytes", "propagate");
  static final List<String> JDBC_KEYS = List.of("clear-on-write");
  static final List<String> LOG_KEYS = List.of("level", "file", "format", "summary-interval");
  static final List<String> LOG_FORMATS = List.of("text", "json");
  static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error");
  private static final String METHOD_GLOBS = "a non-empty list of method-name globs";

  private final Path source;
  private final YamlNodes nodes;
  private final ConfigScalars scalars;

  ConfigBinder(Path source) {
    this.source = source;
    this.nodes = new YamlNodes(source);
    this.scalars = new ConfigScalars(nodes);
  }

  /** Checked-exception variant of Function, for binding list items. */
  private interface Binder<T> {
    T bind(Node node) throws ConfigException;
  }

  AgentConfig bind(Node root) throws ConfigException {
    Fields top = nodes.fields(root, "the configuration", TOP_KEYS);
    List<MemoRule> memoize = rules(top.get("memoize"), "a list of rules", this::memoRule);
    List<InvalidateRule> invalidate =
        rules(top.get("invalidate"), "a list of rules", this::invalidateRule);

    List<String> guardPackages = List.of();
    int maxGraphObjects = Settings.DEFAULT_MAX_GRAPH_OBJECTS;
    Fields guard = section(top.get("guard"), GUARD_KEYS);
    if (guard != null) {
      guardPackages = packages(guard.get("packages"));
      maxGraphObjects = scalars.positiveInt(guard.get("max-graph-objects"), maxGraphObjects);
    }

    OnMutation onMutation =
        scalars.enumValue(top.get("on-mutation"), OnMutation.class, OnMutation.INVALIDATE);

    List<EntryPoint> entryPoints = List.of();
    int maxEntries = Settings.DEFAULT_MAX_ENTRIES;
    boolean propagate = true;
    long maxRequestBytes = Settings.DEFAULT_BYTES;
    long maxTotalBytes = Settings.DEFAULT_BYTES;
    Fields requests = section(top.get("requests"), REQUEST_KEYS);
    if (requests != null) {
      entryPoints = rules(requests.get("entry-points"), "a list of entry points", this::entryPoint);
      maxEntries = scalars.positiveInt(requests.get("max-entries"), maxEntries);
      maxRequestBytes = scalars.byteSize(requests.get("max-bytes"));
      maxTotalBytes = scalars.byteSize(requests.get("max-total-bytes"));
      propagate = scalars.bool(requests.get("propagate"), propagate);
    }

    Mode mode = scalars.enumValue(top.get("mode"), Mode.class, Mode.MEMOIZE);
    boolean clearOnJdbcWrite = true;
    Fields jdbc = section(top.get("jdbc"), JDBC_KEYS);
    if (jdbc != null) {
      clearOnJdbcWrite = scalars.bool(jdbc.get("clear-on-write"), true);
    }

    String logLevel = "info";
    String logFile = null;
    String logFormat = AgentConfig.DEFAULT_LOG_FORMAT;
    int summarySeconds = AgentConfig.DEFAULT_SUMMARY_SECONDS;
    Fields log = section(top.get("log"), LOG_KEYS);
    if (log != null) {
      logLevel = logLevel(log.get("level"));
      logFile = logFile(log.get("file"));
      logFormat = logFormat(log.get("format"));
      summarySeconds = scalars.seconds(log.get("summary-interval"), summarySeconds);
    }

    return new AgentConfig(source, memoize, invalidate, guardPackages, onMutation, entryPoints,
        maxEntries, maxGraphObjects, logLevel, logFile, mode, clearOnJdbcWrite, propagate,
        maxRequestBytes, maxTotalBytes, logFormat, summarySeconds);
  }

  // ---- sections ----

  /** A map-valued section; absent or empty ({@code guard:}) means "use the defaults". */
  private Fields section(Entry entry, List<String> keys) throws ConfigException {
    if (entry == null || entry.isNull()) {
      return null;
    }
    return nodes.fields(entry.value(), YamlNodes.quote(entry.name()), keys);
  }

  /** A list of rules; absent or empty ({@code memoize:} with its rules commented out) is none. */
  private <T> List<T> rules(Entry entry, String expected, Binder<T> binder)
      throws ConfigException {
    if (entry == null || entry.isNull()) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    for (Node item : nodes.items(entry, expected, false)) {
      out.add(binder.bind(item));
    }
    return List.copyOf(out);
  }

  private MemoRule memoRule(Node node) throws ConfigException {
    Fields rule = nodes.fields(node, "each 'memoize' rule", MEMO_KEYS);
    Selector selector = selector(rule);
    Entry methods = rule.get("methods");
    List<String> globs = methods == null ? AgentConfig.DEFAULT_READ_METHODS : methodGlobs(methods);
    // absent: the rule's entries follow the global on-mutation
    OnMutation onMutation = scalars.enumValue(rule.get("on-mutation"), OnMutation.class, null);
    Mode mode = scalars.enumValue(rule.get("mode"), Mode.class, null);
    return new MemoRule(selector, globs, onMutation, mode, parkMillis(rule));
  }

  /** 0 without {@code park: true}; a timeout given for a rule that does not park is a mistake. */
  private int parkMillis(Fields rule) throws ConfigException {
    Entry park = rule.get("park");
    Entry timeout = rule.get("park-timeout-ms");
    boolean parks = park != null && scalars.bool(park);
    if (!parks) {
      if (timeout != null) {
        throw nodes.error(timeout.key(), "'park-timeout-ms' needs 'park: true' in the same rule");
      }
      return 0;
    }
    int millis = scalars.positiveInt(timeout, Settings.DEFAULT_WAIT_MILLIS);
    if (millis > MemoRule.MAX_PARK_TIMEOUT_MS) {
      throw nodes.error(timeout.value(), "'park-timeout-ms' must be at most "
          + MemoRule.MAX_PARK_TIMEOUT_MS + " (10 minutes)");
    }
    return millis;
  }

  private InvalidateRule invalidateRule(Node node) throws ConfigException {
    Fields rule = nodes.fields(node, "each 'invalidate' rule", INVALIDATE_KEYS);
    Selector selector = selector(rule);
    List<String> methods = requiredMethods(rule, "an 'invalidate' rule");
    Clears clears = scalars.enumValue(rule.get("clears"), Clears.class, Clears.CLASS);
    return new InvalidateRule(selector, methods, clears);
  }

  private EntryPoint entryPoint(Node node) throws ConfigException {
    Fields rule = nodes.fields(node, "each entry point", ENTRY_POINT_KEYS);
    Selector selector = selector(rule);
    return new EntryPoint(selector, requiredMethods(rule, "an entry point"));
  }

  // ---- rule parts ----

  private Selector selector(Fields rule) throws ConfigException {
    List<Entry> given = new ArrayList<>(1);
    for (Entry e : rule.entries().values()) {
      if (SELECTOR_KEYS.contains(e.name())) {
        given.add(e);
      }
    }
    if (given.isEmpty()) {
      throw nodes.error(rule.node(),
          "rule has no selector (expected one of: " + String.join(", ", SELECTOR_KEYS) + ")");
    }
    if (given.size() > 1) {
      throw nodes.error(rule.node(), "rule has more than one selector ("
          + given.get(0).name() + ", " + given.get(1).name() + "); use exactly one of: "
          + String.join(", ", SELECTOR_KEYS));
    }
    Entry entry = given.get(0);
    Selector.Kind kind = Selector.Kind.valueOf(entry.name().toUpperCase(Locale.ROOT));
    String expected = kind == Selector.Kind.CLASS ? "a class-name pattern" : "a type name";
    if (entry.isNull() || isBlankString(entry.value())) {
      throw nodes.error(entry.where(),
          "empty selector: " + YamlNodes.quote(entry.name()) + " needs " + expected);
    }
    String pattern = nodes.string(entry, expected);
    checked(entry.value(), pattern, kind == Selector.Kind.CLASS
        ? JavaNames::classPatternProblem
        : JavaNames::typeNameProblem);
    int line = entry.key().getStartMark().map(m -> m.getLine() + 1).orElse(0);
    return new Selector(kind, pattern, line);
  }

  private List<String> requiredMethods(Fields rule, String ruleName) throws ConfigException {
    Entry methods = rule.get("methods");
    if (methods == null) {
      throw nodes.error(rule.node(), ruleName + " needs 'methods'");
    }
    return methodGlobs(methods);
  }

  private List<String> methodGlobs(Entry entry) throws ConfigException {
    List<Node> items = nodes.items(entry, METHOD_GLOBS, true);
    if (items.isEmpty()) {
      throw nodes.error(entry.value(), YamlNodes.quote(entry.name()) + " must not be empty");
    }
    List<String> out = new ArrayList<>(items.size());
    for (Node item : items) {
      out.add(checked(item, itemString(entry, item), JavaNames::methodPatternProblem));
    }
    return List.copyOf(out);
  }

  private List<String> packages(Entry entry) throws ConfigException {
    if (entry == null || entry.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : nodes.items(entry, "a list of package names", true)) {
      out.add(checked(item, itemString(entry, item), JavaNames::packageNameProblem));
    }
    return List.copyOf(out);
  }

  private String itemString(Entry entry, Node item) throws ConfigException {
    String subject = "entries of " + YamlNodes.quote(entry.name());
    String value = nodes.string(item, item, subject, "strings");
    if (value.isBlank()) {
      throw nodes.error(item, subject + " must not be empty");
    }
    return value;
  }

  private String checked(Node at, String text, Function<String, String> check)
      throws ConfigException {
    String problem = check.apply(text);
    if (problem != null) {
      throw nodes.error(at, problem);
    }
    return text;
  }

  // ---- log ----

  private String logLevel(Entry entry) throws ConfigException {
    if (entry == null) {
      return "info";
    }
    String expected = ConfigScalars.oneOf(LOG_LEVELS);
    String level = nodes.string(entry, expected).toLowerCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw nodes.error(entry.value(),
          YamlNodes.quote(entry.name()) + " must be " + expected + ", found an unknown value");
    }
    return level;
  }

  private String logFormat(Entry entry) throws ConfigException {
    if (entry == null) {
      return AgentConfig.DEFAULT_LOG_FORMAT;
    }
    String expected = ConfigScalars.oneOf(LOG_FORMATS);
    String format = nodes.string(entry, expected).toLowerCase(Locale.ROOT);
    if (!LOG_FORMATS.contains(format)) {
      throw nodes.error(entry.value(),
          YamlNodes.quote(entry.name()) + " must be " + expected + ", found an unknown value");
    }
    return format;
  }

  /** Null means standard error; a relative file is taken relative to the configuration file. */
  private String logFile(Entry entry) throws ConfigException {
    if (entry == null || entry.isNull()) {
      return null;
    }
    String text = nodes.string(entry, "a file path");
    if (text.isBlank()) {
      throw nodes.error(entry.value(),
          "'file' must not be empty (omit it to log to standard error)");
    }
    try {
      Path path = Path.of(text);
      if (!path.isAbsolute()) {
        Path dir = source.toAbsolutePath().getParent();
        path = dir == null ? path.toAbsolutePath() : dir.resolve(path);
      }
      path = path.normalize();
      String unwritable = LogFileCheck.whyUnwritable(path, source);
      if (unwritable != null) {
        throw nodes.error(entry.value(), "'file' " + path
            + " cannot be opened for appending: " + unwritable);
      }
      return path.toString();
    } catch (InvalidPathException e) {
      throw nodes.error(entry.value(), "'file' is not a valid path");
    }
  }

  private static boolean isBlankString(Node node) {
    return node instanceof ScalarNode s && Tag.STR.equals(s.getTag()) && s.getValue().isBlank();
  }

  private static List<String> withSelectors(String... more) {
    List<String> keys = new ArrayList<>(SELECTOR_KEYS);
    keys.addAll(List.of(more));
    return List.copyOf(keys);
  }
}
