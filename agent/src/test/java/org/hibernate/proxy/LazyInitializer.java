package org.hibernate.proxy;

import java.util.concurrent.atomic.AtomicInteger;

/** Stands in for Hibernate's proxy interceptor: the target is loaded by its methods, never by fields. */
public class LazyInitializer {
  public static final AtomicInteger CALLS = new AtomicInteger();

  public final String entityName;
  public final Object id;
  private transient Object session = new Object();

  public LazyInitializer(String entityName, Object id) {
    this.entityName = entityName;
    this.id = id;
  }

  public Object getImplementation() {
    CALLS.incrementAndGet();
    throw new AssertionError("getImplementation called: would load " + entityName + " via " + session);
  }

  @Override
  public boolean equals(Object o) {
    CALLS.incrementAndGet();
    throw new AssertionError("equals called");
  }

  @Override
  public int hashCode() {
    CALLS.incrementAndGet();
    throw new AssertionError("hashCode called");
  }

  @Override
  public String toString() {
    CALLS.incrementAndGet();
    throw new AssertionError("toString called");
  }
}
