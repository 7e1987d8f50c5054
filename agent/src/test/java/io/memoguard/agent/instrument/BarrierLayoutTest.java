package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every field of every object in a cached value is barriered or checked on read, and a tracker
 * counts only for its own object (issue 9, causes 6, 8 and 10), on rewritten bytecode.
 */
class BarrierLayoutTest {
  private static final String SITE = "test.Repository|load|()Ljava/lang/Object;";
  private final RecordingSink sink = new RecordingSink();
  private boolean inRequest;

  private void start(OnMutation mode) {
    Settings.configure(mode, 1000, 10_000,
        new String[] {"io.memoguard.testdomain", "io.memoguard.testchain.domain"}, sink);
    inRequest = RequestScope.enter();
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  private static TransformingClassLoader domainLoader() {
    return new TransformingClassLoader(List.of("io.memoguard.testdomain"),
        List.of("io.memoguard.testdomain", "io.memoguard.testsub"));
  }

  private void cache(Object value) {
    Memoizer.store(Calls.key(SITE, this, new Object[0]), value);
  }

  /** The value served for the cached call; null when it is not served. */
  private Object served() {
    Object hit = Memoizer.hit(Calls.key(SITE, this, new Object[0]));
    return hit == null ? null : Memoizer.value(hit);
  }

  private static void call(Object target, String method, Object arg) throws Exception {
    for (var m : target.getClass().getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == 1) {
        m.invoke(target, arg);
        return;
      }
    }
    throw new NoSuchMethodException(method);
  }

  private static Object call(Object target, String method) throws Exception {
    return target.getClass().getMethod(method).invoke(target);
  }

  @Test
  void writeToACloneIsNotAMutationInFailMode() throws Exception {
    start(OnMutation.FAIL);
    Object tag = domainLoader().newInstance("io.memoguard.testdomain.Tag", "t");
    cache(tag);
    Object copy = call(tag, "copy");
    call(copy, "setName", "copy");
    assertThat(call(copy, "getName")).isEqualTo("copy");
    assertThat(((Guarded) copy).$memoguard$getTracker()).as("the copy's tracker is cleared").isNull();
    assertThat(sink.mutations).isEmpty();
    assertThat(served()).isSameAs(tag);
    // the original is still guarded
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> call(tag, "setName", "x"))
        .hasCauseInstanceOf(io.memoguard.runtime.MutationRejectedException.class);
  }

  @Test
  void writeToACloneLogsNothingAndTheEntryIsStillServed() throws Exception {
    start(OnMutation.INVALIDATE);
    Object tag = domainLoader().newInstance("io.memoguard.testdomain.Tag", "t");
    cache(tag);
    Object copy = call(tag, "copy");
    call(copy, "setName", "copy");
    assertThat(sink.mutations).isEmpty();
    assertThat(served()).isSameAs(tag);
  }

  @Test
  void copiesByReflectionAndSerializationAreNotPartOfTheValue() throws Exception {
    start(OnMutation.INVALIDATE);
    TransformingClassLoader loader = domainLoader();
    Object tag = loader.newInstance("io.memoguard.testdomain.Tag", "t");
    cache(tag);
    // a field-by-field copier that also copies the synthetic tracker field
    Object copied = loader.newInstance("io.memoguard.testdomain.Tag", "u");
    Field tracker = tag.getClass().getDeclaredField(Guarded.TRACKER_FIELD);
    tracker.set(copied, tracker.get(tag));
    call(copied, "setName", "copied");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(tag);
    }
    Object deserialized;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws ClassNotFoundException {
        return loader.loadClass(desc.getName());
      }
    }) {
      deserialized = in.readObject();
    }
    call(deserialized, "setName", "deserialized");
    assertThat(sink.mutations).isEmpty();
    assertThat(served()).isSameAs(tag);
    // caching the copy later gives it a tracker of its own
    Memoizer.store(Calls.key(SITE, this, new Object[] {"copy"}), copied);
    call(copied, "setName", "again");
    assertThat(sink.mutations).hasSize(1);
    assertThat(served()).isSameAs(tag);
  }

  @Test
  void fieldsOfASubclassOutsideTheGuardedPackagesAreCheckedOnRead() throws Exception {
    start(OnMutation.INVALIDATE);
    Object row = domainLoader().newInstance("io.memoguard.testsub.JdbcAccount", "ann");
    cache(row);
    call(row, "setTypeId", 9);
    assertThat(served()).as("own field of the unguarded subclass").isNull();
    assertThat(sink.late).hasSize(1);
    assertThat(sink.late.get(0).path()).isEqualTo("JdbcAccount.typeId");

    cache(row);
    call(row, "setBalanceHere", 7L);
    assertThat(served()).as("inherited field written through the subclass's name").isNull();
    assertThat(sink.late).hasSize(2);
    assertThat(sink.late.get(1).path()).isEqualTo("JdbcAccount.balance");
    assertThat(sink.mutations).isEmpty();
  }

  @Test
  void guardedSubclassOfAnUnguardedSubclassOfAGuardedClassInALoaderWithoutResources()
      throws Exception {
    start(OnMutation.INVALIDATE);
    NoResourceLoader loader = new NoResourceLoader();
    Object b = loader.loadClass("io.memoguard.testchain.domain.B").getConstructor().newInstance();
    assertThat(b).isInstanceOf(Guarded.class); // through A's tracker members
    cache(b);
    call(b, "setB", "b2");
    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo("io.memoguard.testchain.domain.B.b");

    cache(b);
    call(b, "setM", "m2");
    assertThat(served()).as("M is not guarded: checked on read").isNull();
    assertThat(sink.late).hasSize(1);
  }

  /** Defines rewritten classes but answers no resource look-up, like some frameworks' loaders. */
  private static final class NoResourceLoader extends RewritingClassLoader {
    private final FieldBarrierTransformer transformer = new FieldBarrierTransformer(
        List.of("io.memoguard.testchain.domain"), (type, error) -> {
          throw new AssertionError("transform failed for " + type, error);
        });

    NoResourceLoader() {
      super(List.of("io.memoguard.testchain"));
    }

    @Override
    protected byte[] rewrite(String internalName, byte[] original) {
      return transformer.rewrite(this, internalName, original);
    }

    @Override
    public URL getResource(String name) {
      return null;
    }
  }
}
