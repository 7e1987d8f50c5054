package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.agent.instrument.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new persistence context drops exactly the entries whose values hold objects of one (entities,
 * Hibernate proxies, enhanced entities, lazy collections), wherever they are in the value, and
 * keeps the entries of plain values.
 */
class PersistenceContextTest {
  private final RecordingSink sink = new RecordingSink();
  private int site;

  @BeforeEach
  void setUp() {
    Settings.configure(OnMutation.INVALIDATE, 100, 1000, new String[0], sink);
    assertThat(RequestScope.enter()).isTrue();
  }

  @AfterEach
  void tearDown() {
    RequestScope.exit();
    assertThat(sink.errors).isEmpty();
  }

  /** Stores the value under a key of its own and returns the key. */
  private Object stored(Object value) {
    Object key = Calls.key("com.acme.Repo|find" + (site++) + "|()Ljava/lang/Object;", null,
        new Object[] {1L});
    assertThat(Memoizer.hit(key)).isNull();
    Memoizer.store(key, value);
    Memoizer.release(key);
    assertThat(Memoizer.hit(key)).as("stored").isNotNull();
    return key;
  }

  private static boolean served(Object key) {
    return Memoizer.hit(key) != null;
  }

  @Test
  void aNewPersistenceContextDropsOnlyEntriesHoldingItsObjects() {
    Map<String, Object> managed = Map.of(
        "entity", new Owner("o"),
        "javax entity", new LegacyOwner(),
        "entity subclass", new Dog(),
        "optional entity", Optional.of(new Owner("o")),
        "list of entities", new ArrayList<>(List.of(new Owner("a"), new Owner("b"))),
        "dto holding an entity", new OwnerView(new Owner("o")),
        "proxy", new OwnerProxy(),
        "enhanced entity", new Enhanced(),
        "lazy collection", new Bag(),
        "map of dto with a bag", Map.of("k", new OwnerView(new Bag())));
    Map<String, Object> plain = Map.of(
        "jdbc row", new OwnerRow(1L, "o"),
        "jdk value", "title",
        "list of rows", new ArrayList<>(List.of(new OwnerRow(1L, "a"))),
        "optional row", Optional.of(new OwnerRow(2L, "b")),
        "dto", new OwnerView("not an entity"),
        "embeddable-like value", new Address("street"));
    Map<String, Object> managedKeys = new java.util.HashMap<>();
    Map<String, Object> plainKeys = new java.util.HashMap<>();
    managed.forEach((name, value) -> managedKeys.put(name, stored(value)));
    plain.forEach((name, value) -> plainKeys.put(name, stored(value)));

    Memoizer.clearSession();

    managedKeys.forEach((name, key) -> assertThat(served(key)).as(name).isFalse());
    plainKeys.forEach((name, key) -> assertThat(served(key)).as(name).isTrue());
  }

  @Test
  void everyEntryGoesWhenTheRequestIsClearedAsAWhole() {
    Object row = stored(new OwnerRow(1L, "o"));
    Memoizer.clearRequest();
    assertThat(served(row)).isFalse();
  }

  @jakarta.persistence.Entity
  static class Owner {
    String name;

    Owner(String name) {
      this.name = name;
    }
  }

  static final class Dog extends Owner {
    Dog() {
      super("dog");
    }
  }

  @javax.persistence.Entity
  static final class LegacyOwner {
    String name = "legacy";
  }

  /** Hibernate's proxy classes are not annotated: the interface says what they are. */
  static final class OwnerProxy implements HibernateProxy {
    Object id = 7L;
  }

  static final class Enhanced {
    String name = "enhanced";
    Object $$_hibernate_entityEntryHolder;
  }

  static final class Bag implements PersistentCollection<Object> {
    final List<Object> bag = new ArrayList<>();
  }

  record OwnerRow(long id, String name) {}

  record Address(String street) {}

  static final class OwnerView {
    final Object held;

    OwnerView(Object held) {
      this.held = held;
    }
  }
}
