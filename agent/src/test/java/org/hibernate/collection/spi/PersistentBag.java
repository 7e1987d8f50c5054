package org.hibernate.collection.spi;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for Hibernate's lazy collection wrapper (a third-party Collection, not a JDK class):
 * the elements live in {@code bag}, the session in a transient field. Every method that a walker
 * could call (iteration, size, equals, hashCode, toString) would initialize it from the database;
 * here each one counts and throws.
 */
public class PersistentBag extends AbstractCollection<Object> {
  public static final AtomicInteger CALLS = new AtomicInteger();

  public List<Object> bag;
  public String role = "Product.items";
  private transient Object session = new Object();

  public PersistentBag(List<Object> bag) {
    this.bag = bag;
  }

  @Override
  public Iterator<Object> iterator() {
    throw lazyLoad("iterator");
  }

  @Override
  public int size() {
    throw lazyLoad("size");
  }

  @Override
  public boolean equals(Object o) {
    throw lazyLoad("equals");
  }

  @Override
  public int hashCode() {
    throw lazyLoad("hashCode");
  }

  @Override
  public String toString() {
    throw lazyLoad("toString");
  }

  private AssertionError lazyLoad(String method) {
    CALLS.incrementAndGet();
    return new AssertionError("PersistentBag." + method + " called: would lazy-load from " + session);
  }
}
