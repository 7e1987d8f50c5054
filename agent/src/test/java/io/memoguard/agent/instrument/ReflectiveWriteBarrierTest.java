package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.runtime.Barrier;
import io.memoguard.runtime.EventSink;
import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.MutationRejectedException;
import io.memoguard.runtime.Settings;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Barrier.reflectiveWrite}, the call that the retransformed {@code Field} setters make before
 * writing: called here the way the woven code calls it, followed by the real {@code Field.set}.
 * (A real JVM with the woven {@code Field} is covered by ReflectiveWriteIT.)
 */
class ReflectiveWriteBarrierTest extends BarrierTestSupport {
  private static final String SITE = "test.Repository|load|()Ljava/lang/Object;";

  private TransformingClassLoader loader;
  private static String plainStatic;

  @BeforeEach
  void createLoader() {
    loader = new TransformingClassLoader(List.of(DOMAIN), List.of(DOMAIN));
  }

  /** What {@code Field.set...} does once woven: the barrier first, then the write. */
  private static void set(Field field, Object target, Object value) throws IllegalAccessException {
    Barrier.reflectiveWrite(target, field);
    field.set(target, value);
  }

  private static void setLong(Field field, Object target, long value) throws IllegalAccessException {
    Barrier.reflectiveWrite(target, field);
    field.setLong(target, value);
  }

  @Test
  void writeToACachedObjectIsReportedWithTheCallerAndInvalidates() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);

    set(field(account, "owner"), account, "eve");

    assertThat(field(account, "owner").get(account)).isEqualTo("eve");
    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.field()).isEqualTo(DOMAIN + ".Account.owner");
    assertThat(m.site()).startsWith(getClass().getName() + ".set(ReflectiveWriteBarrierTest.java:");
    assertThat(m.via()).isNull();
    assertThat(m.entries()).isEqualTo("test.Repository.load");
    assertThat(m.action()).isEqualTo(EventSink.INVALIDATED);
    assertThat(isStillCached()).isFalse();
  }

  @Test
  void inheritedFieldIsNamedByItsDeclaringClass() throws Exception {
    Object savings = loader.newInstance(DOMAIN + ".SavingsAccount");
    cache(savings);
    Field balance = savings.getClass().getSuperclass().getDeclaredField("balance");

    setLong(balance, savings, 7L);

    assertThat(onlyMutation().field()).isEqualTo(DOMAIN + ".Account.balance");
    assertThat(balance.getLong(savings)).isEqualTo(7L);
  }

  @Test
  void failModeThrowsBeforeTheWrite() throws Exception {
    configure(OnMutation.FAIL);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    Field owner = field(account, "owner");

    assertThatThrownBy(() -> set(owner, account, "eve"))
        .isInstanceOf(MutationRejectedException.class)
        .hasMessageContaining(DOMAIN + ".Account.owner")
        .hasMessageContaining("test.Repository.load");

    assertThat(owner.get(account)).isEqualTo("ann");
    assertThat(onlyMutation().action()).isEqualTo(EventSink.REJECTED);
    assertThat(isStillCached()).isTrue();
  }

  @Test
  void objectsThatAreNotCachedAreSilentInFailModeToo() throws Exception {
    configure(OnMutation.FAIL);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    set(field(account, "owner"), account, "eve");
    assertThat(field(account, "owner").get(account)).isEqualTo("eve");
    assertThat(sink.mutations).isEmpty();
  }

  @Test
  void unguardedTargetsAndStaticFieldsAreIgnored() throws Exception {
    configure(OnMutation.FAIL);
    cache(new StringBuilder("x"));
    Holder holder = new Holder();
    set(Holder.class.getDeclaredField("value"), holder, "changed");
    set(ReflectiveWriteBarrierTest.class.getDeclaredField("plainStatic"), null, "static");
    Barrier.reflectiveWrite(null, null);
    assertThat(holder.value).isEqualTo("changed");
    assertThat(plainStatic).isEqualTo("static");
    assertThat(sink.mutations).isEmpty();
  }

  @Test
  void settingTheTrackerFieldItselfIsNotAMutation() throws Exception {
    configure(OnMutation.FAIL);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    Field tracker = account.getClass().getDeclaredField(Guarded.TRACKER_FIELD);
    Barrier.reflectiveWrite(account, tracker);
    assertThat(sink.mutations).isEmpty();
    assertThat(isStillCached()).isTrue();
  }

  static final class Holder {
    String value = "initial";
  }

  private void cache(Object value) {
    Object key = Calls.key(SITE, this, new Object[0]);
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
  }

  private boolean isStillCached() {
    return Memoizer.hit(Calls.key(SITE, this, new Object[0])) != null;
  }

  private RecordingSink.Mutation onlyMutation() {
    assertThat(sink.mutations).hasSize(1);
    return sink.mutations.get(0);
  }

  private static Field field(Object target, String name) throws NoSuchFieldException {
    Field f = target.getClass().getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }
}
