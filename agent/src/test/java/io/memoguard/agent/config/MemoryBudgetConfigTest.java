package io.memoguard.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.Settings;
import org.junit.jupiter.api.Test;

/** requests.max-bytes and requests.max-total-bytes: sizes in bytes, k/m/g, or a share of the heap. */
class MemoryBudgetConfigTest extends ConfigFileTestSupport {
  @Test
  void absentBudgetsAreLeftToTheRuntimeDefault() throws Exception {
    AgentConfig config = load("requests:\n  max-entries: 10\n");
    assertThat(config.maxRequestBytes()).isEqualTo(Settings.DEFAULT_BYTES);
    assertThat(config.maxTotalBytes()).isEqualTo(Settings.DEFAULT_BYTES);
  }

  @Test
  void sizesWithUnitsAndShares() throws Exception {
    AgentConfig config = load("requests:\n  max-bytes: 64m\n  max-total-bytes: 10%\n");
    assertThat(config.maxRequestBytes()).isEqualTo(64L << 20);
    assertThat(config.maxTotalBytes()).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.1));
    assertThat(load("requests:\n  max-bytes: 1500\n").maxRequestBytes()).isEqualTo(1500);
    assertThat(load("requests:\n  max-bytes: 2G\n").maxRequestBytes()).isEqualTo(2L << 30);
  }

  @Test
  void nonsenseIsAnErrorNamingTheKey() {
    for (String bad : new String[] {"lots", "0", "-5", "150%", "12q", "[1]"}) {
      assertThat(loadFails("requests:\n  max-bytes: " + bad + "\n").problem())
          .startsWith("'max-bytes' must be a positive size in bytes");
    }
  }
}
