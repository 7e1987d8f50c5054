package io.memoguard.corpus;

import io.memoguard.runtime.Calls;
import io.memoguard.runtime.OnMutation;
import io.memoguard.agent.instrument.RecordingSink;
import io.memoguard.agent.instrument.TransformingClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.snapshot.Snapshot;
import io.memoguard.runtime.snapshot.SnapshotTaker;
import io.memoguard.runtime.Memoizer;
import io.memoguard.runtime.RequestScope;
import io.memoguard.runtime.Settings;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.hibernate.collection.spi.PersistentBag;
import org.hibernate.proxy.LazyInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mutation corpus: every kind of change application code can make to a memoized value, run
 * through the public runtime API with real barrier bytecode, each asserting how it is detected
 * (at the write by a barrier, with field and source line, or at the next read by the snapshot, with
 * the path inside the value) and that the entry is invalidated before a later caller receives it.
 * Then the things that must not be reported. docs/MUTATIONS.md lists the kinds and these tests.
 */
class MutationCorpusTest {
  static final String PKG = "io.memoguard.corpus";
  static final String DOMAIN = PKG + ".domain";
  static final String CORPUS = PKG + ".scenarios.Corpus";
  static final String NO_CHANGE = PKG + ".scenarios.NoChange";
  static final String SITE = "test.Repository|load|()Ljava/lang/Object;";
  static final String OTHER_SITE = "test.Repository|find|()Ljava/lang/Object;";
  static final String ENTRY = "test.Repository.load";

  /** One loader for the whole class: the corpus is loaded, and rewritten, once. */
  static final TransformingClassLoader LOADER = new TransformingClassLoader(List.of(DOMAIN),
      List.of(DOMAIN, PKG + ".plain", PKG + ".scenarios"));

  private final RecordingSink sink = new RecordingSink();
  private boolean inRequest;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 1000, 100_000, new String[] {DOMAIN}, sink);
    inRequest = RequestScope.enter();
    assertThat(inRequest).isTrue();
  }

  @AfterEach
  void tearDown() {
    if (inRequest) {
      RequestScope.exit();
    }
    assertThat(sink.errors).isEmpty();
  }

  // ------------------------------------------------------------------ caught at the write

  static Stream<Arguments> barrierKinds() {
    String product = DOMAIN + ".Product";
    String corpus = CORPUS;
    return Stream.of(
        barrier("setter", "product", product + ".name",
            product + ".setName", "domain/Product.java", "@setter",
            corpus + ".setter", "setName(\"renamed\")"),
        barrier("publicFieldFromAnotherClass", "product", product + ".label",
            corpus + ".publicField", "scenarios/Corpus.java", "@publicField", null, null),
        barrier("inheritedFieldInSubclass", "borrower", DOMAIN + ".Borrower.city",
            DOMAIN + ".Borrower.moveTo", "domain/Borrower.java", "@inherited",
            corpus + ".inherited", "moveTo(\"Nantes\")"),
        barrier("lambda", "product", product + ".label",
            corpus + "." + lambdaNamed("lambda"), "scenarios/Corpus.java", "@lambda", null, null),
        barrier("anonymousInnerClass", "product", product + ".label",
            anonymousIn("anonymousInner") + ".run", "scenarios/Corpus.java", "@anonymousInner",
            null, null),
        barrier("anonymousInnerClassInGuardedClass", "product", product + ".name",
            product + "$1.run", "domain/Product.java", "@anonymous",
            corpus + ".anonymousInnerInGuardedClass", "renameInAnonymous(\"anonymous\")"),
        barrier("memberInnerClass", "product", product + ".name",
            product + "$Editor.rename", "domain/Product.java", "@memberInner",
            corpus + ".memberInner", "rename(\"edited\")"),
        barrier("longField", "product", product + ".amountCents",
            corpus + ".longField", "scenarios/Corpus.java", "@longField", null, null),
        barrier("doubleField", "product", product + ".rate",
            corpus + ".doubleField", "scenarios/Corpus.java", "@doubleField", null, null),
        barrier("booleanField", "product", product + ".active",
            corpus + ".booleanField", "scenarios/Corpus.java", "@booleanField", null, null),
        barrier("compoundAssignment", "product", product + ".amountCents",
            corpus + ".compoundAssignment", "scenarios/Corpus.java", "@compoundAssignment",
            null, null),
        barrier("increment", "product", product + ".version",
            corpus + ".increment", "scenarios/Corpus.java", "@increment", null, null),
        barrier("referenceField", "product", product + ".tags",
            corpus + ".referenceField", "scenarios/Corpus.java", "@referenceField", null, null),
        barrier("guardedCycleWrite", "guardedCycle", product + ".name",
            product + ".setName", "domain/Product.java", "@setter",
            corpus + ".guardedCycleWrite", "setName(\"b2\")"));
  }

  private static Arguments barrier(String kind, String load, String field, String siteMethod,
      String file, String marker, String viaMethod, String viaText) {
    return Arguments.of(kind, load, field, siteMethod, file, marker, viaMethod, viaText);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("barrierKinds")
  void caughtAtTheWriteByTheBarrier(String kind, String load, String field, String siteMethod,
      String file, String marker, String viaMethod, String viaText) throws Exception {
    String mutator = kind.equals("publicFieldFromAnotherClass") ? "publicField"
        : kind.equals("inheritedFieldInSubclass") ? "inherited"
        : kind.equals("anonymousInnerClass") ? "anonymousInner"
        : kind.equals("anonymousInnerClassInGuardedClass") ? "anonymousInnerInGuardedClass"
        : kind.equals("memberInnerClass") ? "memberInner" : kind;
    Object value = corpus(load);
    Object key = cache(value);
    assertServed(key, value);

    corpus(mutator, value);

    assertThat(sink.mutations).hasSize(1);
    RecordingSink.Mutation m = sink.mutations.get(0);
    assertThat(m.field()).isEqualTo(field);
    assertThat(m.site()).isEqualTo(frame(siteMethod, file, marker));
    assertThat(m.via()).isEqualTo(viaMethod == null ? null
        : frame(viaMethod, "scenarios/Corpus.java", viaText));
    assertThat(m.entries()).isEqualTo(ENTRY);
    assertThat(m.callers()).isEqualTo(2);
    assertThat(m.action()).isEqualTo("invalidated");
    assertNotServedAgain(key);
    assertThat(sink.late).isEmpty();
  }

  // ------------------------------------------------------------------ caught at the next read

  static Stream<Arguments> snapshotKinds() {
    List<String> shuffled = new ArrayList<>(List.of("b", "a", "c"));
    Collections.shuffle(shuffled, new Random(42));
    int firstMoved = 0;
    while (shuffled.get(firstMoved).equals(List.of("b", "a", "c").get(firstMoved))) {
      firstMoved++;
    }
    return Stream.of(
        late("arrayListAdd", "catalog", "Catalog.list (size 3 -> 4)"),
        late("arrayListAddAtIndex", "catalog", "Catalog.list (size 3 -> 4)"),
        late("arrayListRemove", "catalog", "Catalog.list (size 3 -> 2)"),
        late("arrayListSet", "catalog", "Catalog.list[1]"),
        late("arrayListClear", "catalog", "Catalog.list (size 3 -> 0)"),
        late("listSort", "catalog", "Catalog.list[0]"),
        late("collectionsSort", "catalog", "Catalog.list[0]"),
        late("collectionsReverse", "catalog", "Catalog.list[0]"),
        late("collectionsShuffle", "catalog", "Catalog.list[" + firstMoved + "]"),
        late("collectionsSwap", "catalog", "Catalog.list[0]"),
        late("iteratorRemove", "catalog", "Catalog.list (size 3 -> 2)"),
        late("listIteratorSet", "catalog", "Catalog.list[0]"),
        late("subListClear", "catalog", "Catalog.list (size 3 -> 1)"),
        late("subListSet", "catalog", "Catalog.list[2]"),
        late("removeIf", "catalog", "Catalog.list (size 3 -> 2)"),
        late("retainAll", "catalog", "Catalog.list (size 3 -> 2)"),
        late("listReplaceAll", "catalog", "Catalog.list[0]"),
        late("linkedListAddFirst", "catalog", "Catalog.linked (size 2 -> 3)"),
        late("linkedListPollLast", "catalog", "Catalog.linked (size 2 -> 1)"),
        late("hashMapPutNewKey", "catalog", "Catalog.map (size 2 -> 3)"),
        late("hashMapPutReplacingValue", "catalog", "Catalog.map[value#1 (String key)]"),
        late("hashMapPutAll", "catalog", "Catalog.map (size 2 -> 4)"),
        late("hashMapRemoveKey", "catalog", "Catalog.map (size 2 -> 1)"),
        late("hashMapComputeIfAbsent", "catalog", "Catalog.map (size 2 -> 3)"),
        late("hashMapMerge", "catalog", "Catalog.map[value#0 (String key)]"),
        late("hashMapReplaceAll", "catalog", "Catalog.map[value#1 (String key)]"),
        late("entrySetValue", "catalog", "Catalog.map[value#0 (String key)]"),
        late("keySetRemove", "catalog", "Catalog.map (size 2 -> 1)"),
        late("linkedHashMapPut", "catalog", "Catalog.linkedMap[value#1 (String key)]"),
        late("treeMapPut", "catalog", "Catalog.treeMap[value#1 (Integer key)]"),
        late("treeMapPollFirst", "catalog", "Catalog.treeMap (size 2 -> 1)"),
        late("hashSetAdd", "catalog", "Catalog.set (size 2 -> 3)"),
        late("hashSetRemove", "catalog", "Catalog.set (size 2 -> 1)"),
        late("treeSetAdd", "catalog", "Catalog.treeSet (size 2 -> 3)"),
        late("treeSetPollFirst", "catalog", "Catalog.treeSet (size 2 -> 1)"),
        late("arrayDequeAddFirst", "catalog", "Catalog.deque (size 2 -> 3)"),
        late("arrayDequePollLast", "catalog", "Catalog.deque (size 2 -> 1)"),
        late("priorityQueueAdd", "catalog", "Catalog.queue (size 3 -> 4)"),
        late("enumMapPut", "catalog", "Catalog.enumMap[value#0 (TimeUnit key)]"),
        late("identityHashMapPut", "catalog", "Catalog.identityMap (size 1 -> 2)"),
        late("concurrentHashMapPut", "catalog", "Catalog.concurrentMap[value#0 (String key)]"),
        late("copyOnWriteArrayListAdd", "catalog", "Catalog.copyOnWrite (size 1 -> 2)"),
        late("concurrentLinkedQueuePoll", "catalog", "Catalog.concurrentQueue (size 1 -> 0)"),
        late("objectArrayStore", "catalog", "Catalog.objects[1]"),
        late("intArrayStore", "catalog", "Catalog.ints[2]"),
        late("longArrayStore", "catalog", "Catalog.longs[1]"),
        late("doubleArrayStore", "catalog", "Catalog.doubles[0]"),
        late("byteArrayStore", "catalog", "Catalog.bytes[1]"),
        late("charArrayStore", "catalog", "Catalog.chars[0]"),
        late("arraysFill", "catalog", "Catalog.ints[0]"),
        late("systemArraycopyInto", "catalog", "Catalog.ints[1]"),
        late("arraysSort", "catalog", "Catalog.ints[0]"),
        late("dateSetTime", "catalog", "Catalog.date"),
        late("timestampSetNanos", "catalog", "Catalog.stamp"),
        late("calendarSet", "catalog", "Catalog.calendar"),
        late("stringBuilderAppend", "catalog", "Catalog.text (length 3 -> 4)"),
        late("stringBuilderSetCharAt", "catalog", "Catalog.text[1]"),
        late("atomicIntegerIncrement", "catalog", "Catalog.counter"),
        late("atomicReferenceSet", "catalog", "Catalog.current"),
        late("bitSetSet", "catalog", "Catalog.flags (bit 5)"),
        late("unguardedObjectField", "catalog", "Catalog.note.text"),
        late("unguardedRootField", "note", "Note.stars"),
        late("optionalContainingList", "optionalList", "Optional (size 2 -> 3)"),
        late("topLevelCollection", "list", "ArrayList[0]"),
        late("collectionInGuardedField", "product", "Product.tags (size 1 -> 2)"),
        late("deepChainElement", "deepChain", "ArrayList[0].extras[value#0 (String key)][1]"),
        late("plainCycleWrite", "plainCycle", "Note.next.text"));
  }

  private static Arguments late(String kind, String load, String path) {
    return Arguments.of(kind, load, path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snapshotKinds")
  void caughtAtTheNextReadBySnapshot(String kind, String load, String path) throws Exception {
    Object value = corpus(load);
    Object key = cache(value);
    assertServed(key, value);

    corpus(kind, value);

    assertThat(sink.mutations).as("no barrier on these objects").isEmpty();
    assertThat(sink.late).as("nothing is reported before the next read").isEmpty();
    assertDetectedAtNextRead(key, path);
  }

  // ------------------------------------------------------------------ situations

  @Test
  void objectSharedByTwoEntriesInvalidatesBoth() throws Exception {
    Object product = corpus("product");
    Object first = cache(List.of(product));
    Object second = cache(OTHER_SITE, product);

    corpus("setter", product);

    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).entries()).isEqualTo(ENTRY + ", test.Repository.find");
    assertNotServedAgain(first);
    assertNotServedAgain(second);
  }

  @Test
  void collectionSharedByTwoEntriesIsReportedForBoth() throws Exception {
    Object catalog = corpus("catalog");
    Object first = cache(catalog);
    Object second = cache(OTHER_SITE, List.of(catalog));

    corpus("arrayListAdd", catalog);

    assertThat(Memoizer.hit(first)).isNull();
    assertThat(Memoizer.hit(second)).isNull();
    assertThat(sink.late).extracting(RecordingSink.Late::path)
        .containsExactly("Catalog.list (size 3 -> 4)", "List12[0].list (size 3 -> 4)");
    assertThat(Memoizer.hit(first)).isNull();
    assertThat(Memoizer.hit(second)).isNull();
    assertThat(sink.late).hasSize(2);
  }

  @Test
  void guardedWriteFromAnotherThreadIsCaughtAndInvalidates() throws Exception {
    Object product = corpus("product");
    Object key = cache(product);
    Thread writer = new Thread(() -> corpusUnchecked("setter", product), "other-writer");
    writer.start();
    writer.join();

    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).site())
        .isEqualTo(frame(DOMAIN + ".Product.setName", "domain/Product.java", "@setter"));
    assertThat(sink.mutations.get(0).via())
        .isEqualTo(frame(CORPUS + ".setter", "scenarios/Corpus.java", "setName(\"renamed\")"));
    assertNotServedAgain(key);
  }

  @Test
  void collectionWriteFromAnotherThreadIsCaughtAtTheNextRead() throws Exception {
    Object catalog = corpus("catalog");
    Object key = cache(catalog);
    Thread writer = new Thread(() -> corpusUnchecked("hashMapPutNewKey", catalog), "other-writer");
    writer.start();
    writer.join();

    assertThat(sink.late).isEmpty();
    assertDetectedAtNextRead(key, "Catalog.map (size 2 -> 3)");
  }

  @Test
  void writesAfterTheRequestEndedAreSilentAndNothingStaleIsServed() throws Exception {
    Object product = corpus("product");
    Object catalog = corpus("catalog");
    cache(product);
    cache(OTHER_SITE, catalog);
    RequestScope.exit();
    inRequest = false;

    corpus("setter", product);
    corpus("arrayListAdd", catalog);

    assertThat(sink.mutations).isEmpty();
    assertThat(sink.late).isEmpty();
    assertThat(sink.errors).isEmpty();
    assertThat(RequestScope.enter()).isTrue();
    inRequest = true;
    assertThat(Memoizer.hit(Calls.key(SITE, this, new Object[0]))).isNull();
    assertThat(Memoizer.hit(Calls.key(OTHER_SITE, this, new Object[0]))).isNull();
    assertThat(sink.late).isEmpty();
  }

  @Test
  void lazyCollectionWrapperIsWalkedThroughItsFieldsWithoutCallingIt() throws Exception {
    Object product = corpus("product");
    PersistentBag bag = new PersistentBag(new ArrayList<>(List.of("lazy")));
    setItems(product, bag);
    int before = PersistentBag.CALLS.get();
    Object key = cache(product);
    assertServed(key, product);
    assertThat(PersistentBag.CALLS.get()).isEqualTo(before);

    bag.bag.add("loaded later");

    assertDetectedAtNextRead(key, "Product.items.bag (size 1 -> 2)");
    assertThat(PersistentBag.CALLS.get()).isEqualTo(before);
  }

  @Test
  void lazyProxyIsWalkedThroughItsFieldsWithoutCallingItAndKeepsItsBarriers() throws Exception {
    Class<?> proxyType = LOADER.loadClass(DOMAIN + ".Product$HibernateProxy$x7Q");
    Object proxy = proxyType.getConstructor(LazyInitializer.class)
        .newInstance(new LazyInitializer(DOMAIN + ".Product", 42L));
    int before = LazyInitializer.CALLS.get();
    Object key = cache(new ArrayList<>(List.of(proxy)));
    assertServed(key, null);
    assertThat(LazyInitializer.CALLS.get()).isEqualTo(before);

    corpus("longField", proxy);

    assertThat(sink.mutations).hasSize(1);
    assertThat(sink.mutations.get(0).field()).isEqualTo(DOMAIN + ".Product.amountCents");
    assertNotServedAgain(key);
    assertThat(LazyInitializer.CALLS.get()).isEqualTo(before);
  }

  @Test
  void unguardedClassesAreListedForTheOncePerClassNotice() throws Exception {
    Snapshot graph = SnapshotTaker.take(corpus("catalog"), 10_000);
    assertThat(graph).isNotNull();
    assertThat(graph.unguardedClasses()).containsExactly(LOADER.loadClass(PKG + ".plain.Note"));
    Object product = corpus("product");
    setItems(product, new PersistentBag(new ArrayList<>()));
    assertThat(SnapshotTaker.take(product, 10_000).unguardedClasses())
        .containsExactly(PersistentBag.class);
    assertThat(SnapshotTaker.take(corpus("deepChain"), 10_000).unguardedClasses()).isEmpty();
  }

  // ------------------------------------------------------------------ no false positives

  static Stream<String> noChangeKinds() {
    return Stream.of("newObjectsAreNotCached", "copiesOfCachedObjects", "reads",
        "equalsHashCodeToString", "sortACopy", "unmodifiableViewReads",
        "otherInstanceOfTheSameClass", "sameValueWrites");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noChangeKinds")
  void notReportedAndStillServed(String kind) throws Exception {
    Object value = call(NO_CHANGE, "catalogWithProduct");
    Object key = cache(value);
    assertServed(key, value);

    assertThat(call(NO_CHANGE, kind, value)).isNotNull();

    assertServed(key, value);
    assertServed(key, value);
    assertThat(sink.mutations).isEmpty();
    assertThat(sink.late).isEmpty();
  }

  /** Guards the guard: the no-change value is fully watched, so a real change there is found. */
  @Test
  void theNoChangeValueDoesReportARealChange() throws Exception {
    Object value = call(NO_CHANGE, "catalogWithProduct");
    Object key = cache(value);
    corpus("collectionsSwap", value);
    assertDetectedAtNextRead(key, "Catalog.list[0]");
  }

  // ------------------------------------------------------------------ helpers

  private Object cache(Object value) {
    return cache(SITE, value);
  }

  private Object cache(String site, Object value) {
    Object key = Calls.key(site, this, new Object[0]);
    assertThat(key).isNotNull();
    Memoizer.store(key, value);
    return key;
  }

  /** A hit that serves the very instance that was stored (value null: any). */
  private static void assertServed(Object key, Object value) {
    Object hit = Memoizer.hit(key);
    assertThat(hit).as("served").isNotNull();
    if (value != null) {
      assertThat(Memoizer.value(hit)).isSameAs(value);
    }
  }

  private void assertNotServedAgain(Object key) {
    assertThat(Memoizer.hit(key)).as("invalidated").isNull();
    assertThat(Memoizer.hit(key)).as("still invalidated").isNull();
  }

  private void assertDetectedAtNextRead(Object key, String path) {
    assertThat(Memoizer.hit(key)).as("not served after the change").isNull();
    assertThat(sink.late).hasSize(1);
    RecordingSink.Late late = sink.late.get(0);
    assertThat(late.path()).isEqualTo(path);
    assertThat(late.entry()).isEqualTo(ENTRY);
    assertThat(late.action()).isEqualTo("invalidated");
    assertThat(Memoizer.hit(key)).as("invalidated").isNull();
    assertThat(sink.late).as("reported once").hasSize(1);
    assertThat(sink.mutations).isEmpty();
  }

  private static Object corpus(String method, Object... args) throws Exception {
    return call(CORPUS, method, args);
  }

  private static void corpusUnchecked(String method, Object value) {
    try {
      corpus(method, value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Object call(String type, String method, Object... args) throws Exception {
    Class<?>[] parameters = new Class<?>[args.length];
    Arrays.fill(parameters, Object.class);
    Method m = LOADER.loadClass(type).getMethod(method, parameters);
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception) {
        throw (Exception) e.getCause();
      }
      throw (Error) e.getCause();
    }
  }

  private static void setItems(Object product, Object items) throws Exception {
    product.getClass().getField("items").set(product, items);
  }

  /** Class.method(File.java:line) of the line holding text in a corpus source file. */
  private static String frame(String method, String file, String text) {
    return method + "(" + file.substring(file.lastIndexOf('/') + 1) + ":" + lineOf(file, text) + ")";
  }

  private static int lineOf(String file, String text) {
    try {
      List<String> lines = Files.readAllLines(Path.of("src/test/java/io/memoguard/corpus", file));
      int found = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          assertThat(found).as(text + " occurs once in " + file).isEqualTo(-1);
          found = i + 1;
        }
      }
      assertThat(found).as(text + " in " + file).isPositive();
      return found;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The synthetic method javac made of the one lambda in a corpus method. */
  private static String lambdaNamed(String enclosing) {
    try {
      return Arrays.stream(LOADER.loadClass(CORPUS).getDeclaredMethods())
          .map(Method::getName)
          .filter(n -> n.startsWith("lambda$" + enclosing + "$"))
          .reduce((a, b) -> {
            throw new AssertionError("two lambdas in " + enclosing);
          })
          .orElseThrow();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The anonymous class javac made in a corpus method. */
  private static String anonymousIn(String enclosing) {
    try {
      for (int i = 1; ; i++) {
        Class<?> c = LOADER.loadClass(CORPUS + "$" + i);
        if (c.getEnclosingMethod() != null && c.getEnclosingMethod().getName().equals(enclosing)) {
          return c.getName();
        }
      }
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no anonymous class in " + enclosing, e);
    }
  }
}
