package io.memoguard.runtime.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole state of an application object as an argument key reads it: every instance field of
 * the class and of its application superclasses. Unlike the walk of a value ({@link ClassInfo}),
 * transient, synthetic and framework fields are kept: a key must tell apart whatever the method may
 * observe (a captured value, two Hibernate proxies that differ only in their interceptor), and a
 * key that misses a hit costs a round trip where one that hits wrongly serves a wrong result. Only
 * the agent's own tracker field is left out: it changes when the object enters or leaves a memoized
 * value, which the method cannot see.
 *
 * <p>Null for a class whose state is not all in readable fields: JDK classes (decided by the loaded
 * class, {@link ClassInfo#isJdk}), hidden classes (lambdas capture what no field shows), consumables
 * ({@link Consumables}: cursors, resources, futures, a Hibernate session), an application class
 * below a JDK superclass that has instance fields (an application collection or a proxy: its state
 * is partly JDK internals), and a class whose fields its module does not open.
 */
public final class StateFields {
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> c) {
      try {
        return compute(c);
      } catch (RuntimeException | LinkageError e) {
        return null;
      }
    }
  };

  private StateFields() {}

  /** The fields, in a fixed order per class; null when the class cannot be keyed by its fields. */
  public static Field[] of(Class<?> c) {
    return FIELDS.get(c);
  }

  private static Field[] compute(Class<?> c) {
    if (c.isArray() || c.isPrimitive() || c.isInterface() || c.isHidden() || ClassInfo.isJdk(c)
        || Consumables.kindOf(c) != null) {
      return null;
    }
    List<Field> fields = new ArrayList<>();
    Class<?> k = c;
    for (; k != null && !ClassInfo.isJdk(k); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getName().equals(Guarded.TRACKER_FIELD)) {
          continue;
        }
        if (!f.trySetAccessible()) {
          return null;
        }
        fields.add(f);
      }
    }
    for (; k != null; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          return null;
        }
      }
    }
    return fields.toArray(new Field[0]);
  }
}
