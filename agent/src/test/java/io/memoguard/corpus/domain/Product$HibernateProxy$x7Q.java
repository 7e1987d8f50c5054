package io.memoguard.corpus.domain;

import org.hibernate.proxy.LazyInitializer;

/**
 * Shaped like the subclass Hibernate generates for a lazy {@link Product}: every method goes to the
 * interceptor, which would load the entity. Here each one throws.
 */
public class Product$HibernateProxy$x7Q extends Product {
  public final LazyInitializer $$_hibernate_interceptor;

  public Product$HibernateProxy$x7Q(LazyInitializer interceptor) {
    this.$$_hibernate_interceptor = interceptor;
  }

  @Override
  public String getName() {
    return String.valueOf($$_hibernate_interceptor.getImplementation());
  }

  @Override
  public boolean equals(Object o) {
    return $$_hibernate_interceptor.getImplementation().equals(o);
  }

  @Override
  public int hashCode() {
    return $$_hibernate_interceptor.getImplementation().hashCode();
  }

  @Override
  public String toString() {
    return String.valueOf($$_hibernate_interceptor.getImplementation());
  }
}
