package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigLocatorTest {
  private final Properties properties = new Properties();
  private final Map<String, String> env = new java.util.HashMap<>();
  private final ConfigLocator locator = new ConfigLocator(properties, env::get);

  @Test
  void agentArgumentWinsOverSystemPropertyAndEnvironment() throws Exception {
    properties.setProperty("memoguard.config", "/from/property.yaml");
    env.put("MEMOGUARD_CONFIG", "/from/env.yaml");

    assertThat(locator.locate("config=/from/arg.yaml")).contains(Path.of("/from/arg.yaml"));
  }

  @Test
  void systemPropertyWinsOverEnvironment() throws Exception {
    properties.setProperty("memoguard.config", "/from/property.yaml");
    env.put("MEMOGUARD_CONFIG", "/from/env.yaml");

    assertThat(locator.locate(null)).contains(Path.of("/from/property.yaml"));
  }

  @Test
  void environmentIsUsedWhenNothingElseIsGiven() throws Exception {
    env.put("MEMOGUARD_CONFIG", "/from/env.yaml");

    assertThat(locator.locate("")).contains(Path.of("/from/env.yaml"));
  }

  @Test
  void blankSystemPropertyCountsAsUnset() throws Exception {
    properties.setProperty("memoguard.config", "  ");
    env.put("MEMOGUARD_CONFIG", "/from/env.yaml");

    assertThat(locator.locate(null)).contains(Path.of("/from/env.yaml"));
  }

  @Test
  void noConfigurationAnywhereIsEmpty() throws Exception {
    assertThat(locator.locate(null)).isEmpty();
    assertThat(locator.locate("  ")).isEmpty();
  }

  @Test
  void relativePathsAreReturnedAsGiven() throws Exception {
    assertThat(locator.locate("config=conf/memoguard.yaml"))
        .contains(Path.of("conf/memoguard.yaml"));
  }

  @Test
  void whitespaceAndEmptyOptionsAreTolerated() throws Exception {
    assertThat(locator.locate(" config = /a.yaml ,")).contains(Path.of("/a.yaml"));
  }

  @Test
  void unknownAgentOptionIsAnError() {
    assertThatThrownBy(() -> locator.locate("config=/a.yaml,verbose=true"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("unknown agent option 'verbose' (expected one of: config)");
  }

  /** The form that survives jcmd JVMTI.agent_load unquoted. */
  @Test
  void optionWithoutEqualsSignIsThePathAlone() throws Exception {
    assertThat(locator.locate("/etc/memoguard, prod.yaml")).contains(Path.of("/etc/memoguard, prod.yaml"));
  }

  /** What jcmd JVMTI.agent_load JAR config=PATH delivers: the key without its value. */
  @Test
  void keyWithoutValueSaysJcmdDroppedTheValueAndHowToPassIt() {
    assertThatThrownBy(() -> locator.locate("config"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("arrived without its value")
        .hasMessageContaining("jcmd PID JVMTI.agent_load memoguard-agent.jar /path/memoguard.yaml")
        .hasMessageContaining("'\"config=/path/memoguard.yaml\"'");
  }

  @Test
  void agentOptionWithEmptyValueIsAnError() {
    assertThatThrownBy(() -> locator.locate("config="))
        .isInstanceOf(ConfigException.class)
        .hasMessage("agent option 'config' has an empty value");
  }

  @Test
  void agentOptionGivenTwiceIsAnError() {
    assertThatThrownBy(() -> locator.locate("config=/a.yaml,config=/b.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("agent option 'config' is given twice");
  }

  @Test
  void badAgentOptionFailsEvenWhenPropertyIsSet() {
    properties.setProperty("memoguard.config", "/from/property.yaml");

    assertThatThrownBy(() -> locator.locate("confg=/a.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("unknown agent option 'confg'");
  }

  @Test
  void invalidPathIsAnErrorNamingItsOrigin() {
    env.put("MEMOGUARD_CONFIG", "bad\0path");

    assertThatThrownBy(() -> locator.locate(null))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable 'MEMOGUARD_CONFIG' is not a valid path");
  }

  @Test
  void logLevelPropertyWinsOverVariableAndFile() throws Exception {
    properties.setProperty("memoguard.log.level", " DEBUG ");
    env.put("MEMOGUARD_LOG_LEVEL", "error");

    assertThat(locator.logLevel("info")).isEqualTo("debug");
  }

  @Test
  void logLevelVariableWinsOverFile() throws Exception {
    env.put("MEMOGUARD_LOG_LEVEL", "warn");

    assertThat(locator.logLevel("info")).isEqualTo("warn");
  }

  @Test
  void logLevelOfTheFileWhenNothingOverridesIt() throws Exception {
    properties.setProperty("memoguard.log.level", " ");

    assertThat(locator.logLevel("trace")).isEqualTo("trace");
  }

  @Test
  void logLevelThatIsNoLevelIsRejectedNamingWhereItCameFrom() {
    env.put("MEMOGUARD_LOG_LEVEL", "verbose");

    assertThatThrownBy(() -> locator.logLevel("info"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable 'MEMOGUARD_LOG_LEVEL' is not a log level")
        .hasMessageNotContaining("verbose");
  }
}
