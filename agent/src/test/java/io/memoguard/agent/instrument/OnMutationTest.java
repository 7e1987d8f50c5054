package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.RuleConstant;
import io.memoguard.runtime.OnMutation;
import io.memoguard.runtime.Mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.MutationRejectedException;
import io.memoguard.runtime.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-entry on-mutation modes on rewritten classes: the mode of the entry's memoize rule wins over
 * the global one, and when entries of different modes hold the written object, fail wins over
 * invalidate over log.
 */
class OnMutationTest extends BarrierTestSupport {
  private static final String STRICT = "test.StrictRepository|load|()Ljava/lang/Object;";
  private static final String EAGER = "test.EagerRepository|load|()Ljava/lang/Object;";
  private static final String LENIENT = "test.LenientRepository|load|()Ljava/lang/Object;";
  private static final String PLAIN = "test.PlainRepository|load|()Ljava/lang/Object;";

  private TransformingClassLoader loader;

  @BeforeEach
  void createLoader() {
    loader = new TransformingClassLoader(List.of(DOMAIN), List.of(DOMAIN, WRITERS));
  }

  @Test
  void ruleInFailModeRejectsWhileTheGlobalModeInvalidates() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(STRICT, OnMutation.FAIL, account);

    assertThatThrownBy(() -> writer("PublicFieldWriter").accept(account))
        .isInstanceOf(MutationRejectedException.class)
        .hasMessageContaining(DOMAIN + ".Account.balance")
        .hasMessageContaining("test.StrictRepository.load");

    assertThat(account.getClass().getField("balance").getLong(account)).isZero();
    assertThat(cached(STRICT, OnMutation.FAIL)).isTrue();
    assertThat(onlyMutation().action()).isEqualTo(EventSink.REJECTED);
  }

  @Test
  void ruleInLogModeKeepsItsEntryWhileTheGlobalModeFails() throws Exception {
    configure(OnMutation.FAIL);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(LENIENT, OnMutation.LOG, account);

    writer("PublicFieldWriter").accept(account);

    assertThat(account.getClass().getField("balance").getLong(account)).isEqualTo(99L);
    assertThat(onlyMutation().action()).isEqualTo(EventSink.LOGGED);
    assertThat(cached(LENIENT, OnMutation.LOG)).isTrue();
  }

  @Test
  void ruleWithoutAModeFollowsTheGlobalModeInForceAtTheWrite() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(PLAIN, null, account);
    configure(OnMutation.LOG);

    writer("PublicFieldWriter").accept(account);

    assertThat(onlyMutation().action()).isEqualTo(EventSink.LOGGED);
    assertThat(cached(PLAIN, null)).isTrue();
  }

  @Test
  void sameMethodUnderDifferentModesIsTwoEntries() {
    Object a = new Object();
    Object b = new Object();
    cache(PLAIN, OnMutation.LOG, a);
    cache(PLAIN, OnMutation.FAIL, b);
    assertThat(Memoizer.value(Memoizer.hit(Calls.key(PLAIN, RuleConstant.of(OnMutation.LOG, 0), this, new Object[0])))).isSameAs(a);
    assertThat(Memoizer.value(Memoizer.hit(Calls.key(PLAIN, RuleConstant.of(OnMutation.FAIL, 0), this, new Object[0])))).isSameAs(b);
  }

  @Test
  void failWinsOverInvalidateAndLogAndNothingIsInvalidated() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(STRICT, OnMutation.FAIL, account);
    cache(EAGER, OnMutation.INVALIDATE, account);
    cache(LENIENT, OnMutation.LOG, account);

    assertThatThrownBy(() -> writer("PublicFieldWriter").accept(account))
        .isInstanceOf(MutationRejectedException.class)
        .hasMessageContaining("test.StrictRepository.load")
        .hasMessageNotContaining("EagerRepository");

    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.action()).isEqualTo(EventSink.REJECTED);
    assertThat(m.entries()).isEqualTo("test.StrictRepository.load");
    assertThat(cached(STRICT, OnMutation.FAIL)).isTrue();
    assertThat(cached(EAGER, OnMutation.INVALIDATE)).isTrue();
    assertThat(cached(LENIENT, OnMutation.LOG)).isTrue();
  }

  @Test
  void invalidateWinsOverLogOnlyForTheInvalidatingEntries() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(EAGER, OnMutation.INVALIDATE, account);
    cache(LENIENT, OnMutation.LOG, account);

    writer("PublicFieldWriter").accept(account);

    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.action()).isEqualTo(EventSink.INVALIDATED);
    assertThat(m.entries()).isEqualTo("test.EagerRepository.load; logged test.LenientRepository.load");
    assertThat(cached(EAGER, OnMutation.INVALIDATE)).isFalse();
    assertThat(cached(LENIENT, OnMutation.LOG)).isTrue();
  }

  @Test
  void lateDetectionInFailModeInvalidatesAndSaysTheWriteWasNotRejected() {
    List<String> tags = new ArrayList<>(List.of("a"));
    cache(STRICT, OnMutation.FAIL, tags);

    tags.add("b");

    assertThat(cached(STRICT, OnMutation.FAIL)).isFalse();
    assertThat(sink.late).singleElement().asString()
        .contains("test.StrictRepository.load")
        .endsWith("| 1 | " + EventSink.NOT_REJECTED);
  }

  @Test
  void lateDetectionFollowsTheRuleMode() {
    List<String> tags = new ArrayList<>(List.of("a"));
    cache(LENIENT, OnMutation.LOG, tags);
    tags.add("b");
    assertThat(cached(LENIENT, OnMutation.LOG)).isTrue();
    assertThat(sink.late).singleElement().asString().endsWith("| " + EventSink.LOGGED);
  }

  private void cache(String site, OnMutation mode, Object value) {
    Object key = Calls.key(site, RuleConstant.of(mode, 0), this, new Object[0]);
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
  }

  private boolean cached(String site, OnMutation mode) {
    return Memoizer.hit(Calls.key(site, RuleConstant.of(mode, 0), this, new Object[0])) != null;
  }

  private RecordingSink.Mutation onlyMutation() {
    assertThat(sink.mutations).hasSize(1);
    return sink.mutations.get(0);
  }

  @SuppressWarnings("unchecked")
  private Consumer<Object> writer(String name) throws ReflectiveOperationException {
    return (Consumer<Object>) loader.newInstance(WRITERS + "." + name);
  }

  @Test
  void verifyModeNeverRejectsAWriteItOnlyInvalidates() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    Object key = Calls.key(STRICT, RuleConstant.of(OnMutation.FAIL, 0), Mode.code(Mode.VERIFY), this, new Object[0]);
    Memoizer.store(key, account);

    writer("PublicFieldWriter").accept(account);

    assertThat(account.getClass().getField("balance").getLong(account)).isEqualTo(99L);
    assertThat(onlyMutation().action()).isEqualTo(EventSink.INVALIDATED);
  }
}
