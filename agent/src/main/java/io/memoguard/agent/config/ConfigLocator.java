package io.memoguard.agent.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Finds the configuration file. In order of precedence: the {@code config} option of the
 * {@code -javaagent} argument ({@code -javaagent:memoguard-agent.jar=config=/etc/memoguard.yaml}),
 * the system property {@value #SYSTEM_PROPERTY}, the environment variable {@value #ENV_VARIABLE}.
 * Blank property or variable values count as not set. The log level is found the same way
 * ({@value #LEVEL_PROPERTY}, then {@value #LEVEL_VARIABLE}, then the file's {@code log.level}), so
 * one JVM can log more or less without editing a file that many share.
 *
 * <p>Agent options are comma-separated {@code key=value} pairs; an unknown key is an error so that
 * a typo does not silently leave the agent unconfigured. Options without any {@code =} are the
 * configuration path alone: {@code jcmd PID JVMTI.agent_load JAR config=PATH} hands the agent only
 * {@code config} (the diagnostic command parser takes an unquoted {@code a=b} for a named argument
 * of its own and keeps only its name), while {@code jcmd PID JVMTI.agent_load JAR PATH} survives.
 */
public final class ConfigLocator {
  /** The agent option naming the configuration file. */
  public static final String AGENT_OPTION = "config";
  /** The system property naming the configuration file. */
  public static final String SYSTEM_PROPERTY = "memoguard.config";
  /** The environment variable naming the configuration file. */
  public static final String ENV_VARIABLE = "MEMOGUARD_CONFIG";

  /** The system property overriding the file's {@code log.level}. */
  public static final String LEVEL_PROPERTY = "memoguard.log.level";
  /** The environment variable overriding the file's {@code log.level}, below the property. */
  public static final String LEVEL_VARIABLE = "MEMOGUARD_LOG_LEVEL";

  private static final List<String> AGENT_OPTIONS = List.of(AGENT_OPTION);

  private final Properties systemProperties;
  private final Function<String, String> environment;

  /**
   * @param systemProperties where to look up {@value #SYSTEM_PROPERTY}
   * @param environment looks up an environment variable, null when unset
   */
  public ConfigLocator(Properties systemProperties, Function<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /** A locator reading the real system properties and environment of this JVM. */
  public static ConfigLocator ofSystem() {
    return new ConfigLocator(System.getProperties(), System::getenv);
  }

  /**
   * Resolves the configuration path.
   *
   * @param agentArgs the options string passed to {@code premain}/{@code agentmain}; may be null
   * @return the path as given (not checked for existence), or empty when no configuration was given
   * @throws ConfigException if the agent options are malformed or name an invalid path
   */
  public Optional<Path> locate(String agentArgs) throws ConfigException {
    String fromArgs = configOption(agentArgs);
    if (fromArgs != null) {
      return Optional.of(toPath(fromArgs, "agent option '" + AGENT_OPTION + "'"));
    }
    String fromProperty = systemProperties.getProperty(SYSTEM_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return Optional.of(toPath(fromProperty.strip(), "system property '" + SYSTEM_PROPERTY + "'"));
    }
    String fromEnv = environment.apply(ENV_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(toPath(fromEnv.strip(), "environment variable '" + ENV_VARIABLE + "'"));
    }
    return Optional.empty();
  }

  /**
   * The log level to use.
   *
   * @param configured the file's {@code log.level}
   * @throws ConfigException if the property or variable is set to something that is not a level
   */
  public String logLevel(String configured) throws ConfigException {
    String fromProperty = systemProperties.getProperty(LEVEL_PROPERTY);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return level(fromProperty, "system property '" + LEVEL_PROPERTY + "'");
    }
    String fromEnv = environment.apply(LEVEL_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return level(fromEnv, "environment variable '" + LEVEL_VARIABLE + "'");
    }
    return configured;
  }

  private static String level(String value, String origin) throws ConfigException {
    String level = value.strip().toLowerCase(Locale.ROOT);
    if (!ConfigBinder.LOG_LEVELS.contains(level)) {
      throw ConfigException.of(origin + " is not a log level (expected one of: "
          + String.join(", ", ConfigBinder.LOG_LEVELS) + ")");
    }
    return level;
  }

  /** The value of the config option, or null when the options do not contain it. */
  private static String configOption(String agentArgs) throws ConfigException {
    if (agentArgs == null || agentArgs.isBlank()) {
      return null;
    }
    if (agentArgs.indexOf('=') < 0) {
      return barePath(agentArgs.strip());
    }
    String config = null;
    for (String option : agentArgs.split(",")) {
      String trimmed = option.strip();
      if (trimmed.isEmpty()) {
        continue; // tolerate "config=x," and similar
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0) {
        throw ConfigException.of("agent option " + YamlNodes.quote(trimmed)
            + " must be written as key=value (known keys: " + String.join(", ", AGENT_OPTIONS)
            + ")");
      }
      String key = trimmed.substring(0, eq).strip();
      String value = trimmed.substring(eq + 1).strip();
      if (!AGENT_OPTIONS.contains(key)) {
        throw ConfigException.of("unknown agent option " + YamlNodes.quote(key)
            + " (expected one of: " + String.join(", ", AGENT_OPTIONS) + ")");
      }
      if (config != null) {
        throw ConfigException.of("agent option '" + key + "' is given twice");
      }
      if (value.isEmpty()) {
        throw ConfigException.of("agent option '" + key + "' has an empty value");
      }
      config = value;
    }
    return config;
  }

  private static String barePath(String option) throws ConfigException {
    if (AGENT_OPTIONS.contains(option)) {
      throw ConfigException.of("agent option '" + option + "' arrived without its value: jcmd's"
          + " JVMTI.agent_load drops what follows '=' in an unquoted option. Pass the path alone"
          + " (jcmd PID JVMTI.agent_load memoguard-agent.jar /path/memoguard.yaml) or quote it"
          + " (jcmd PID JVMTI.agent_load memoguard-agent.jar '\"config=/path/memoguard.yaml\"')");
    }
    return option;
  }

  private static Path toPath(String value, String origin) throws ConfigException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw ConfigException.of(origin + " is not a valid path");
    }
  }
}
