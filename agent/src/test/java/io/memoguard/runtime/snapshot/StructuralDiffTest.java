package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StructuralDiffTest {
  static final class Investor {
    String name;
    transient int cachedHash;

    Investor(String name) {
      this.name = name;
    }
  }

  static final class Product {
    String code;
    Investor investor;
    List<String> tags = new ArrayList<>();
    int[] rates = {1, 2};

    Product(String code, Investor investor) {
      this.code = code;
      this.investor = investor;
    }
  }

  static final class Mortgage {
    final long id;
    Product product;
    Mortgage self;

    Mortgage(long id, Product product) {
      this.id = id;
      this.product = product;
      this.self = this;
    }
  }

  /** equals on the id only, which verify mode never calls. */
  static final class Entity {
    final int id;
    String name;

    Entity(int id, String name) {
      this.id = id;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entity && ((Entity) o).id == id;
    }

    @Override
    public int hashCode() {
      return id;
    }
  }

  /** No equals: compared by fields, so an unordered set of them must match in any order. */
  static final class Tag {
    final String name;

    Tag(String name) {
      this.name = name;
    }
  }

  record Quote(String product, BigDecimal rate) {}

  private static String diff(Object a, Object b) {
    return StructuralDiff.firstDifference(a, b, 10_000);
  }

  private static Mortgage mortgage(String investor) {
    Product p = new Product("FIX10", new Investor(investor));
    p.tags.addAll(List.of("green", "fixed", "long"));
    return new Mortgage(1, p);
  }

  @Test
  void equalGraphsOfDistinctInstancesAreTheSame() {
    assertThat(diff(mortgage("Acme"), mortgage("Acme"))).isNull();
    assertThat(diff(null, null)).isNull();
    assertThat(diff("x", "x")).isNull();
  }

  @Test
  void theFirstDifferingFieldIsNamedByPath() {
    assertThat(diff(mortgage("Acme"), mortgage("Bank"))).isEqualTo("Mortgage.product.investor.name");
    Mortgage noInvestor = mortgage("Acme");
    noInvestor.product.investor = null;
    assertThat(diff(mortgage("Acme"), noInvestor))
        .isEqualTo("Mortgage.product.investor (non-null -> null)");
  }

  @Test
  void transientFieldsAreNotPartOfTheValue() {
    Mortgage a = mortgage("Acme");
    Mortgage b = mortgage("Acme");
    b.product.investor.cachedHash = 42;
    assertThat(diff(a, b)).isNull();
  }

  @Test
  void listsAreComparedElementByElement() {
    Mortgage b = mortgage("Acme");
    b.product.tags.set(2, "short");
    assertThat(diff(mortgage("Acme"), b)).isEqualTo("Mortgage.product.tags[2]");
    b.product.tags.remove(2);
    assertThat(diff(mortgage("Acme"), b)).isEqualTo("Mortgage.product.tags (size 3 -> 2)");
    assertThat(diff(new ArrayList<>(List.of(1, 2, 3)), new ArrayList<>(List.of(1, 2, 4))))
        .isEqualTo("ArrayList[2]");
  }

  @Test
  void arraysAreComparedElementByElement() {
    Mortgage b = mortgage("Acme");
    b.product.rates[1] = 3;
    assertThat(diff(mortgage("Acme"), b)).isEqualTo("Mortgage.product.rates[1]");
    assertThat(diff(new Object[] {"a", new Investor("x")}, new Object[] {"a", new Investor("y")}))
        .isEqualTo("Object[][1].name");
    assertThat(diff(new int[3], new int[2])).isEqualTo("int[] (length 3 -> 2)");
  }

  @Test
  void mapsAreComparedByKey() {
    Map<String, Investor> a = new HashMap<>(Map.of("k1", new Investor("x"), "k2", new Investor("y")));
    Map<String, Investor> b = new HashMap<>(Map.of("k1", new Investor("x"), "k2", new Investor("z")));
    assertThat(diff(a, b)).isEqualTo("HashMap[value#1 (String key)].name");
    b.remove("k2");
    assertThat(diff(a, b)).isEqualTo("HashMap (size 2 -> 1)");
    Map<String, Integer> ordered = new LinkedHashMap<>();
    ordered.put("a", 1);
    ordered.put("b", 2);
    Map<String, Integer> other = new LinkedHashMap<>(ordered);
    other.put("b", 3);
    assertThat(diff(ordered, other)).isEqualTo("LinkedHashMap[value#1 (String key)]");
  }

  @Test
  void unorderedSetsMatchInAnyOrder() {
    // identity hash codes: two equal sets of these iterate in different orders
    Set<Tag> a = new HashSet<>();
    Set<Tag> b = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      a.add(new Tag("t" + i));
      b.add(new Tag("t" + (19 - i)));
    }
    assertThat(diff(a, b)).isNull();
    b.add(new Tag("extra"));
    assertThat(diff(a, b)).isEqualTo("HashSet (size 20 -> 21)");
  }

  @Test
  void cyclesEnd() {
    Mortgage a = mortgage("Acme");
    Mortgage b = mortgage("Acme");
    assertThat(a.self).isSameAs(a);
    assertThat(diff(a, b)).isNull();
    List<Object> loopA = new ArrayList<>();
    loopA.add(loopA);
    List<Object> loopB = new ArrayList<>();
    loopB.add(loopB);
    assertThat(diff(loopA, loopB)).isNull();
  }

  @Test
  void aClassWithItsOwnEqualsIsComparedByFieldsNotByIt() {
    // its equals looks at the id only; verify mode never runs it, so the name counts
    assertThat(diff(new Entity(1, "a"), new Entity(1, "b"))).isEqualTo("Entity.name");
    assertThat(diff(new Entity(1, "a"), new Entity(1, "a"))).isNull();
    assertThat(diff(new ArrayList<>(List.of(new Entity(1, "a"))), new ArrayList<>(List.of(new Entity(2, "a")))))
        .isEqualTo("ArrayList[0].id");
  }

  @Test
  void recordsAreComparedByComponentWithAPath() {
    assertThat(diff(new Quote("FIX", new BigDecimal("1.5")), new Quote("FIX", new BigDecimal("1.5"))))
        .isNull();
    assertThat(diff(new Quote("FIX", new BigDecimal("1.5")), new Quote("FIX", new BigDecimal("1.6"))))
        .isEqualTo("Quote.rate");
  }

  @Test
  void jdkValuesAndWrappers() {
    assertThat(diff(Optional.of(new Investor("a")), Optional.of(new Investor("b"))))
        .isEqualTo("Optional.name");
    assertThat(diff(new StringBuilder("ab"), new StringBuilder("ab"))).isNull();
    assertThat(diff(new java.util.Date(1), new java.util.Date(2))).isEqualTo("Date");
    assertThat(diff(1, 2L)).isEqualTo("Integer (class Integer -> Long)");
  }

  @Test
  void theDifferenceNeverCarriesAValue() {
    String path = diff(mortgage("SECRET-A"), mortgage("SECRET-B"));
    assertThat(path).doesNotContain("SECRET");
    assertThat(Objects.requireNonNull(diff(Arrays.asList("SECRET-1"), Arrays.asList("SECRET-2"))))
        .doesNotContain("SECRET");
  }
}
