package io.memoguard.runtime.snapshot;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.Set;

/**
 * Whether instances of a class belong to a JPA persistence context: entities (annotated
 * {@code @Entity}, jakarta or javax, on the class or a superclass), bytecode-enhanced entities and
 * Hibernate proxies ({@code $$_hibernate_*} fields, Hibernate's marker interfaces) and Hibernate's
 * lazy collections. A memoized value that holds one is detached once its session ends, so it must
 * not be served into a new persistence context; a value without one (a JDBC-mapped object, a DTO,
 * JDK values) is the same in any. Decided once per loaded class ({@link ClassInfo}); the names are
 * those of the JPA and Hibernate types, read from the class's own annotations and interfaces, never
 * the name of the class tested.
 */
final class PersistenceManaged {
  private static final Set<String> ENTITY_ANNOTATIONS =
      Set.of("jakarta.persistence.Entity", "javax.persistence.Entity");
  private static final Set<String> MANAGED_INTERFACES = Set.of(
      "org.hibernate.proxy.HibernateProxy",
      "org.hibernate.collection.spi.PersistentCollection",
      "org.hibernate.engine.spi.ManagedEntity",
      "org.hibernate.engine.spi.PersistentAttributeInterceptable");
  private static final String ENHANCED_FIELD_PREFIX = "$$_hibernate_";

  private PersistenceManaged() {}

  /** True also when the class cannot be inspected: a missed saving is the safe side. */
  static boolean is(Class<?> c) {
    try {
      return inspect(c);
    } catch (RuntimeException | LinkageError e) {
      return true;
    }
  }

  private static boolean inspect(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class && !ClassInfo.isJdk(k);
        k = k.getSuperclass()) {
      for (Annotation a : k.getDeclaredAnnotations()) {
        if (ENTITY_ANNOTATIONS.contains(a.annotationType().getName())) {
          return true;
        }
      }
      for (Field f : k.getDeclaredFields()) {
        if (f.getName().startsWith(ENHANCED_FIELD_PREFIX)) {
          return true;
        }
      }
      if (implementsManaged(k.getInterfaces())) {
        return true;
      }
    }
    return false;
  }

  private static boolean implementsManaged(Class<?>[] interfaces) {
    for (Class<?> i : interfaces) {
      if (MANAGED_INTERFACES.contains(i.getName()) || implementsManaged(i.getInterfaces())) {
        return true;
      }
    }
    return false;
  }
}
