package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import io.memoguard.runtime.snapshot.Guarded;
import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Application objects as arguments (records, criteria, page requests): keyed by their class and
 * the value of every field at call time, never by identity and never through their methods.
 */
class ValueObjectKeysTest {
  private static final String SITE = "com.acme.Repo|find|(Ljava/lang/Object;)Ljava/lang/Object;";
  private static volatile boolean armed;

  private final RecordingSink sink = new RecordingSink();

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], sink);
    assertThat(RequestScope.enter()).isTrue();
  }

  @AfterEach
  void tearDown() {
    armed = false;
    RequestScope.exit();
    assertThat(sink.errors).isEmpty();
  }

  /** One call as the advice makes it: the value served, or null after storing {@code computed}. */
  private static Object call(Object arg, Object computed) {
    Object key = Calls.key(SITE, null, new Object[] {arg});
    assertThat(key).as("memoizable").isNotNull();
    Object hit = Memoizer.hit(key);
    if (hit != null) {
      return Memoizer.value(hit);
    }
    Memoizer.store(key, computed);
    Memoizer.release(key);
    return null;
  }

  private static Object[] key(Object... args) {
    return ArgumentKeys.normalizeArguments(args.clone());
  }

  private static boolean sameKey(Object a, Object b) {
    Object[] x = key(a);
    Object[] y = key(b);
    return x != ArgumentKeys.NOT_MEMOIZABLE && y != ArgumentKeys.NOT_MEMOIZABLE
        && Arrays.hashCode(x) == Arrays.hashCode(y) && Arrays.equals(x, y);
  }

  private static boolean passesThrough(Object arg) {
    return key(arg) == ArgumentKeys.NOT_MEMOIZABLE;
  }

  @Test
  void equalInValueHitsAlsoForAnotherInstance() {
    assertThat(call(new Criteria("x"), "r1")).isNull();
    assertThat(call(new Criteria("x"), "r2")).isEqualTo("r1");
    assertThat(call(new Point(1, 2), "p1")).isNull();
    assertThat(call(new Point(1, 2), "p2")).isEqualTo("p1");
    assertThat(call(PageRequest.of(0, 4, "name"), "page")).isNull();
    assertThat(call(PageRequest.of(0, 4, "name"), "again")).isEqualTo("page");
    assertThat(call(List.of(new Point(1, 2), Optional.of(new Criteria("x"))), "list")).isNull();
    assertThat(call(List.of(new Point(1, 2), Optional.of(new Criteria("x"))), "again"))
        .isEqualTo("list");
    assertThat(call(new Point[] {new Point(3, 4)}, "array")).isNull();
    assertThat(call(new Point[] {new Point(3, 4)}, "again")).isEqualTo("array");
  }

  @Test
  void anArgumentChangedAfterTheCallNeverBringsBackTheResultOfItsOldState() {
    Criteria c = new Criteria("x");
    assertThat(call(c, "for x")).isNull();
    assertThat(call(c, "not run")).isEqualTo("for x");
    c.setName("y");
    assertThat(call(c, "for y")).as("the third call runs for y").isNull();
    assertThat(call(c, "not run")).isEqualTo("for y");
    c.setName("x");
    assertThat(call(c, "not run")).isEqualTo("for x");
    // deep in the argument: a list of a nested object, and a primitive field of a record's object
    PageRequest page = PageRequest.of(0, 4, "name");
    assertThat(call(page, "by name")).isNull();
    page.sort.orders.add(new Order("id", Direction.DESC));
    assertThat(call(page, "by name, id")).isNull();
    page.sort.orders.get(1).direction = Direction.ASC;
    assertThat(call(page, "by name, id asc")).isNull();
    page.size = 5;
    assertThat(call(page, "five")).isNull();
    assertThat(call(PageRequest.of(0, 4, "name"), "not run")).isEqualTo("by name");
  }

  @Test
  void everyDifferenceInStateOrClassMakesADifferentKey() {
    assertThat(sameKey(new Criteria("x"), new Criteria("y"))).isFalse();
    assertThat(sameKey(new Criteria("x"), new Criteria(null))).isFalse();
    assertThat(sameKey(new Criteria("x"), new Filter("x"))).as("same shape, other class").isFalse();
    assertThat(sameKey(new Criteria("x"), new SubCriteria("x"))).isFalse();
    assertThat(sameKey(new Amount(0.0), new Amount(-0.0))).isFalse();
    assertThat(sameKey(new Amount(Double.NaN), new Amount(Double.NaN))).isTrue();
    assertThat(sameKey(new Point(1, 2), new Point(2, 1))).isFalse();
    assertThat(sameKey(new SubCriteria("x"), new SubCriteria("x"))).isTrue();
    SubCriteria limited = new SubCriteria("x");
    limited.limit = 3;
    assertThat(sameKey(limited, new SubCriteria("x"))).as("a superclass's field").isFalse();
  }

  @Test
  void cyclesAreKeyedByTheirShapeAndValues() {
    Node a = Node.ring("a", "b");
    assertThat(passesThrough(a)).isFalse();
    assertThat(sameKey(a, Node.ring("a", "b"))).isTrue();
    assertThat(sameKey(a, Node.ring("a", "c"))).isFalse();
    assertThat(sameKey(a, Node.ring("a", "b", "a", "b"))).as("a longer ring").isFalse();
    Node self = new Node("s");
    self.next = self;
    assertThat(sameKey(self, a)).isFalse();
    Node selfToo = new Node("s");
    selfToo.next = selfToo;
    assertThat(sameKey(self, selfToo)).isTrue();
    Object[] before = key(a);
    a.next.label = "changed";
    assertThat(Arrays.equals(before, key(a))).isFalse();
  }

  @Test
  void graphsDeeperOrLargerThanTheBoundsPassThroughAndSayWhy() {
    Node deep = new Node("0");
    Node last = deep;
    for (int i = 1; i < 100; i++) {
      last.next = new Node(String.valueOf(i));
      last = last.next;
    }
    assertThat(passesThrough(deep)).isTrue();
    assertThat(ArgumentKeys.firstUnsupportedType(new Object[] {deep})).contains("nesting");
    List<Point> wide = new ArrayList<>();
    for (int i = 0; i <= ArgumentKeys.MAX_OBJECTS; i++) {
      wide.add(new Point(i, i));
    }
    assertThat(passesThrough(wide)).isTrue();
    assertThat(ArgumentKeys.firstUnsupportedType(new Object[] {wide}))
        .isEqualTo("more than " + ArgumentKeys.MAX_OBJECTS + " application objects");
    assertThat(passesThrough(wide.subList(0, ArgumentKeys.MAX_OBJECTS))).isFalse();
  }

  @Test
  void lambdasProxiesResourcesAndApplicationCollectionsPassThrough() {
    Supplier<String> lambda = () -> "x";
    assertThat(passesThrough(lambda)).isTrue();
    assertThat(passesThrough(new Holder(lambda))).as("a lambda in a field").isTrue();
    Object proxy = Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Runnable.class}, (p, m, a) -> null);
    assertThat(passesThrough(proxy)).isTrue();
    assertThat(passesThrough(new Resource())).isTrue();
    assertThat(passesThrough(new Holder(new Resource()))).isTrue();
    assertThat(passesThrough(new Holder(new java.io.ByteArrayInputStream(new byte[1])))).isTrue();
    assertThat(passesThrough(new AppList())).as("state in JDK superclass fields").isTrue();
    assertThat(passesThrough(new Holder(new StringBuilder("x")))).isTrue();
    assertThat(ArgumentKeys.firstUnsupportedType(new Object[] {new Holder(new Resource())}))
        .isEqualTo("type " + Resource.class.getName());
  }

  @Test
  void noMethodOfAnArgumentRunsWhileItsKeyIsBuiltOrCompared() {
    Booby one = new Booby(1);
    Booby other = new Booby(1);
    Map<Booby, Booby> map = Map.of(one, one);
    Map<Booby, Booby> otherMap = Map.of(other, other);
    armed = true;
    assertThat(sameKey(one, other)).isTrue();
    assertThat(sameKey(List.of(one), List.of(other))).isTrue();
    assertThat(sameKey(map, otherMap)).isTrue();
    assertThat(sameKey(one, new Booby(2))).isFalse();
    armed = false;
  }

  @Test
  void theTrackerTheAgentAddsIsNotState() {
    TrackedCriteria a = new TrackedCriteria("x");
    Object[] before = key(a);
    a.$memoguard$setTracker(new Object());
    assertThat(Arrays.equals(before, key(a))).isTrue();
  }

  @Test
  void frameworkFieldsAreStateAndASessionPassesThrough() {
    // two lazy proxies whose entity fields are all null differ only in their interceptor
    assertThat(sameKey(new LazyProxy(7L), new LazyProxy(8L))).isFalse();
    assertThat(sameKey(new LazyProxy(7L), new LazyProxy(7L))).isTrue();
    LazyProxy attached = new LazyProxy(7L);
    attached.$$_hibernate_interceptor.session = new Resource();
    assertThat(passesThrough(attached)).isTrue();
  }

  @Test
  void oneClassNameInTwoLoadersMakesTwoKeys() throws Exception {
    URL classes = Criteria.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, null)) {
      Class<?> copy = isolated.loadClass(Criteria.class.getName());
      assertThat(copy).isNotSameAs(Criteria.class);
      Object foreign = copy.getConstructor(String.class).newInstance("x");
      assertThat(passesThrough(foreign)).isFalse();
      assertThat(sameKey(foreign, new Criteria("x"))).isFalse();
      assertThat(sameKey(foreign, copy.getConstructor(String.class).newInstance("x"))).isTrue();
    }
  }

  public static class Criteria {
    private String name;

    public Criteria(String name) {
      this.name = name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public static class SubCriteria extends Criteria {
    int limit;

    public SubCriteria(String name) {
      super(name);
    }
  }

  static final class Filter {
    private final String name;

    Filter(String name) {
      this.name = name;
    }
  }

  record Point(int x, int y) {}

  record Amount(double value) {}

  enum Direction { ASC, DESC }

  static final class Order {
    final String property;
    Direction direction;

    Order(String property, Direction direction) {
      this.property = property;
      this.direction = direction;
    }
  }

  static final class Sort {
    final List<Order> orders = new ArrayList<>();
  }

  /** Shaped like Spring Data's: page and size in a superclass, a Sort of orders. */
  abstract static class AbstractPageRequest {
    int page;
    int size;
  }

  static final class PageRequest extends AbstractPageRequest {
    final Sort sort = new Sort();

    static PageRequest of(int page, int size, String property) {
      PageRequest p = new PageRequest();
      p.page = page;
      p.size = size;
      p.sort.orders.add(new Order(property, Direction.ASC));
      return p;
    }
  }

  static final class Node {
    String label;
    Node next;

    Node(String label) {
      this.label = label;
    }

    static Node ring(String... labels) {
      Node first = new Node(labels[0]);
      Node last = first;
      for (int i = 1; i < labels.length; i++) {
        last.next = new Node(labels[i]);
        last = last.next;
      }
      last.next = first;
      return first;
    }
  }

  static final class Holder {
    final Object held;

    Holder(Object held) {
      this.held = held;
    }
  }

  static final class Resource implements Closeable {
    @Override
    public void close() {}
  }

  static final class AppList extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
  }

  static final class Booby {
    final int id;

    Booby(int id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object o) {
      throw new AssertionError("equals ran");
    }

    @Override
    public int hashCode() {
      if (armed) {
        throw new AssertionError("hashCode ran");
      }
      return id;
    }

    @Override
    public String toString() {
      throw new AssertionError("toString ran");
    }
  }

  /** As the barrier transformer leaves a guarded class: the tracker field and its accessors. */
  static final class TrackedCriteria implements Guarded {
    private final String name;
    private Object $memoguard$tracker;

    TrackedCriteria(String name) {
      this.name = name;
    }

    @Override
    public Object $memoguard$getTracker() {
      return $memoguard$tracker;
    }

    @Override
    public void $memoguard$setTracker(Object tracker) {
      this.$memoguard$tracker = tracker;
    }
  }

  static class Entity {
    Long id;
    String name;
  }

  static final class Interceptor {
    final Long id;
    transient Object session;

    Interceptor(Long id) {
      this.id = id;
    }
  }

  /** A lazy proxy: the entity's own fields stay null, the id is in the interceptor. */
  static final class LazyProxy extends Entity {
    final Interceptor $$_hibernate_interceptor;

    LazyProxy(Long id) {
      this.$$_hibernate_interceptor = new Interceptor(id);
    }
  }
}
