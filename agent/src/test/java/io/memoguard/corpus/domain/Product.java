package io.memoguard.corpus.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Guarded test entity: every write to its fields goes through the barrier. */
public class Product {
  private String name;
  public String label = "label";
  public long amountCents;
  public double rate;
  public int version;
  public boolean active;
  public Object ref;
  public List<String> tags = new ArrayList<>();
  public Map<String, List<Object>> extras = new HashMap<>();
  public Collection<Object> items;

  public Product() {}

  public Product(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name; // @setter
  }

  /** Writes its own private field from an anonymous inner class. */
  public void renameInAnonymous(String newName) {
    new Runnable() {
      @Override
      public void run() {
        name = newName; // @anonymous
      }
    }.run();
  }

  /** Member inner class writing the outer instance's private field. */
  public class Editor {
    public void rename(String newName) {
      name = newName; // @memberInner
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Product && Objects.equals(((Product) o).name, name)
        && Objects.equals(((Product) o).tags, tags);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, tags, extras, amountCents, rate);
  }

  @Override
  public String toString() {
    return "Product[" + name + ", " + label + ", " + tags + ", " + extras + ", " + ref + "]";
  }
}
