package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Stats;
import io.memoguard.testrepo.BoobyMapRepository;
import java.nio.file.Path;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verify mode, woven: comparing a would-be hit's fresh hash map of application keys and values
 * with the memoized one reads fields only; the keys' equals and hashCode never run.
 */
class VerifyNeverCallsApplicationMethodsTest {
  private final RecordingSink sink = new RecordingSink();
  private Object repo;
  private boolean inRequest;

  @BeforeEach
  void weave() throws Exception {
    BoobyMapRepository.Booby.CALLS.set(0);
    Settings.configure(OnMutation.INVALIDATE, 1000, 10_000, new String[0], sink);
    Settings.configureModes(Mode.VERIFY, true);
    MemoRule rule = new MemoRule(new Selector(Selector.Kind.CLASS, BoobyMapRepository.class.getName(), 1),
        List.of("find*"), null, Mode.VERIFY);
    AgentConfig config = new AgentConfig(Path.of("test.yaml"), List.of(rule), List.of(),
        List.of(), OnMutation.INVALIDATE, List.of(), 1000, 10_000, "info", null, Mode.VERIFY, true);
    TypePlanner planner = new TypePlanner(config, new RuleUsage(), message -> { });
    Class<?> woven = planner
        .apply(new ByteBuddy().redefine(BoobyMapRepository.class),
            TypeDescription.ForLoadedType.of(BoobyMapRepository.class), getClass().getClassLoader())
        .make()
        .load(new ClassLoader(getClass().getClassLoader()) {}, ClassLoadingStrategy.Default.CHILD_FIRST)
        .getLoaded();
    repo = woven.getConstructor().newInstance();
    inRequest = RequestScope.enter();
    BoobyMapRepository.Booby.armed = true;
  }

  @AfterEach
  void tearDown() {
    BoobyMapRepository.Booby.armed = false;
    if (inRequest) {
      RequestScope.exit();
    }
    Settings.configureModes(Mode.MEMOIZE, true);
    assertThat(BoobyMapRepository.Booby.CALLS.get()).as("application method calls").isZero();
    assertThat(sink.errors).isEmpty();
  }

  private Object call() throws Exception {
    return repo.getClass().getMethod("findMap", String.class).invoke(repo, "k");
  }

  @Test
  void equalMapsAreNoDifferenceAndNoKeyIsHashedOrCompared() throws Exception {
    long verified = Stats.wouldSave();
    call();
    call();
    call();
    assertThat(Stats.wouldSave() - verified).isEqualTo(2);
    assertThat(sink.differences).isEmpty();
  }

  @Test
  void aChangedValueInsideTheMapIsFoundWithoutCallingTheKeys() throws Exception {
    call();
    repo.getClass().getField("valueName").set(repo, "changed");
    call();
    assertThat(sink.differences).singleElement().asString()
        .matches(".*findMap at HashMap\\[value#\\d \\(Booby key\\)\\]\\.name")
        .doesNotContain("SECRET");
  }
}
