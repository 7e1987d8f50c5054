package io.memoguard.agent.instrument;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.OnMutation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.MutationRejectedException;
import io.memoguard.runtime.Settings;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs rewritten classes on the JVM: every kind of write to a guarded field must reach the barrier
 * with the right field name and source line, and must still perform the write.
 */
class BarrierBytecodeTest extends BarrierTestSupport {
  private static final String SITE = "test.Repository|load|()Ljava/lang/Object;";

  private TransformingClassLoader loader;

  @BeforeEach
  void createLoader() {
    loader = new TransformingClassLoader(List.of(DOMAIN), List.of(DOMAIN, WRITERS));
  }

  @Test
  void guardedClassGetsTrackerFieldAndInterface() throws Exception {
    Class<?> account = loader.loadClass(DOMAIN + ".Account");
    Field tracker = account.getDeclaredField(Guarded.TRACKER_FIELD);
    assertThat(Guarded.class).isAssignableFrom(account);
    assertThat(tracker.isSynthetic()).isTrue();
    assertThat(Modifier.isTransient(tracker.getModifiers())).isTrue();
  }

  @Test
  void subclassOfGuardedClassReusesTheInheritedTracker() throws Exception {
    Class<?> savings = loader.loadClass(DOMAIN + ".SavingsAccount");
    assertThat(List.of(savings.getDeclaredFields()).stream().map(Field::getName))
        .doesNotContain(Guarded.TRACKER_FIELD);
  }

  @Test
  void setterWriteIsReportedWithFieldSetterLineAndCaller() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);

    account.getClass().getMethod("setOwner", String.class).invoke(account, "bob");

    assertThat(read(account, "owner")).isEqualTo("bob");
    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.field()).isEqualTo(DOMAIN + ".Account.owner");
    assertThat(m.site()).isEqualTo(DOMAIN + ".Account.setOwner(Account.java:"
        + lineOf("testdomain/Account.java", "this.owner = owner;", 2) + ")");
    assertThat(m.via()).startsWith(getClass().getName() + ".setterWriteIsReportedWithFieldSetterLineAndCaller(");
    assertThat(m.entries()).isEqualTo("test.Repository.load");
    assertThat(m.action()).isEqualTo("invalidated");
    assertThat(isStillCached()).isFalse();
  }

  @Test
  void publicFieldWriteFromAnotherClassIsReported() throws Exception {
    assertWriterReported("PublicFieldWriter", "balance", "balance = 99;");
  }

  @Test
  void compoundAssignmentOnLongFieldIsReported() throws Exception {
    Object account = assertWriterReported("CompoundWriter", "balance", "balance += 5;");
    assertThat(read(account, "balance")).isEqualTo(5L);
  }

  @Test
  void doubleFieldWriteIsReported() throws Exception {
    Object account = assertWriterReported("DoubleWriter", "rate", "rate = 1.5;");
    assertThat(read(account, "rate")).isEqualTo(1.5);
  }

  @Test
  void referenceFieldWriteFromAnotherClassIsReported() throws Exception {
    assertWriterReported("ListWriter", "notes", "notes = new");
  }

  @Test
  void lambdaOutsideTheGuardedPackageIsReported() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account");
    cache(account);
    consumer("InnerClassWriter").accept(account);
    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.field()).isEqualTo(DOMAIN + ".Account.balance");
    assertThat(m.site()).matches(WRITERS.replace(".", "\\.") + "\\.InnerClassWriter\\.lambda\\$accept\\$0"
        + "\\(InnerClassWriter\\.java:\\d+\\)");
    assertThat(read(account, "balance")).isEqualTo(1L);
  }

  @Test
  void lambdaInsideTheGuardedClassIsReported() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    account.getClass().getMethod("renameInLambda", String.class).invoke(account, "lam");
    assertThat(onlyMutation().field()).isEqualTo(DOMAIN + ".Account.owner");
    assertThat(read(account, "owner")).isEqualTo("lam");
  }

  @Test
  void anonymousInnerClassWritingOuterPrivateFieldIsReported() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    account.getClass().getMethod("renameInInnerClass", String.class).invoke(account, "inner");
    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.field()).isEqualTo(DOMAIN + ".Account.owner");
    assertThat(m.site()).startsWith(DOMAIN + ".Account$1.rename(Account.java:");
    assertThat(read(account, "owner")).isEqualTo("inner");
  }

  @Test
  void memberInnerClassWritingOuterFieldIsReported() throws Exception {
    Object node = loader.newInstance(DOMAIN + ".Node", "a");
    cache(node);
    Class<?> editorType = loader.loadClass(DOMAIN + ".Node$Editor");
    Object editor = editorType.getConstructors()[0].newInstance(node);
    editorType.getMethod("relabel", String.class).invoke(editor, "b");
    assertThat(onlyMutation().field()).isEqualTo(DOMAIN + ".Node.label");
    assertThat(node.getClass().getMethod("label").invoke(node)).isEqualTo("b");
  }

  @Test
  void inheritedFieldWritesInSubclassAreReported() throws Exception {
    Object savings = loader.newInstance(DOMAIN + ".SavingsAccount");
    cache(savings);
    savings.getClass().getMethod("addInterest").invoke(savings);
    // the first write invalidates the entry; the later ones hit an object no longer cached
    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo(DOMAIN + ".SavingsAccount.balance");
    assertThat(read(savings, "balance")).isEqualTo(5L);
    assertThat(read(savings, "version")).isEqualTo(7);
  }

  @Test
  void incrementOfProtectedIntFieldIsReported() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account");
    cache(account);
    account.getClass().getMethod("bumpVersion").invoke(account);
    assertThat(onlyMutation().field()).isEqualTo(DOMAIN + ".Account.version");
    assertThat(read(account, "version")).isEqualTo(1);
  }

  @Test
  void writesToObjectsThatAreNotCachedAreSilent() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    account.getClass().getMethod("setOwner", String.class).invoke(account, "bob");
    consumer("CompoundWriter").accept(account);
    assertThat(sink.mutations).isEmpty();
    assertThat(read(account, "owner")).isEqualTo("bob");
    assertThat(read(account, "balance")).isEqualTo(5L);
  }

  @Test
  void writesAfterTheRequestEndedAreSilent() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    endRequest();
    consumer("PublicFieldWriter").accept(account);
    assertThat(sink.mutations).isEmpty();
    assertThat(((Guarded) account).$memoguard$getTracker()).isNull();
  }

  @Test
  void failModeRejectsTheWriteBeforeItHappens() throws Exception {
    configure(OnMutation.FAIL);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    assertThatThrownBy(() -> consumer("PublicFieldWriter").accept(account))
        .isInstanceOf(MutationRejectedException.class)
        .hasMessageContaining(DOMAIN + ".Account.balance")
        .hasMessageContaining("test.Repository.load");
    assertThat(read(account, "balance")).isEqualTo(0L);
    assertThat(isStillCached()).isTrue();
  }

  @Test
  void logModeReportsButKeepsTheEntry() throws Exception {
    configure(OnMutation.LOG);
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    consumer("PublicFieldWriter").accept(account);
    assertThat(onlyMutation().action()).isEqualTo("logged");
    assertThat(isStillCached()).isTrue();
  }

  @Test
  void callersCountGrowsWithHits() throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account", "ann");
    cache(account);
    assertThat(isStillCached()).isTrue();
    assertThat(isStillCached()).isTrue();
    consumer("PublicFieldWriter").accept(account);
    assertThat(onlyMutation().callers()).isEqualTo(3);
  }

  private Object assertWriterReported(String writer, String field, String statement) throws Exception {
    Object account = loader.newInstance(DOMAIN + ".Account");
    cache(account);
    consumer(writer).accept(account);
    RecordingSink.Mutation m = onlyMutation();
    assertThat(m.field()).isEqualTo(DOMAIN + ".Account." + field);
    assertThat(m.site()).isEqualTo(WRITERS + "." + writer + ".accept(" + writer + ".java:"
        + lineOf("testwriters/" + writer + ".java", statement, 1) + ")");
    assertThat(m.via()).isNull();
    assertThat(isStillCached()).isFalse();
    return account;
  }

  private void cache(Object value) {
    Object key = Calls.key(SITE, this, new Object[0]);
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
    assertThat(((Guarded) value).$memoguard$getTracker()).isNotNull();
  }

  private boolean isStillCached() {
    return Memoizer.hit(Calls.key(SITE, this, new Object[0])) != null;
  }

  private RecordingSink.Mutation onlyMutation() {
    assertThat(sink.mutations).hasSize(1);
    return sink.mutations.get(0);
  }

  @SuppressWarnings("unchecked")
  private Consumer<Object> consumer(String writer) throws ReflectiveOperationException {
    return (Consumer<Object>) loader.newInstance(WRITERS + "." + writer);
  }

  private static Object read(Object target, String field) throws ReflectiveOperationException {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field f = type.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException next) {
        // declared further up
      }
    }
    throw new NoSuchFieldException(field);
  }

  /** The 1-based line of the n-th occurrence of text in a test source file. */
  private static int lineOf(String source, String text, int occurrence) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/io/memoguard", source));
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text) && ++seen == occurrence) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + source);
  }
}
