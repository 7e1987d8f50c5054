package io.memoguard.runtime.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields that make up an instance's value for {@link StructuralDiff}, read reflectively: an
 * application class's own and its application superclasses' (up to the first JDK superclass), a
 * JDK wrapper's all. Transient, synthetic, static, tracker and Hibernate {@code $$_hibernate_*}
 * fields are not part of the value.
 */
final class ValueFields {
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> c) {
      return compute(c);
    }
  };

  private ValueFields() {}

  static Field[] of(Class<?> c) {
    return FIELDS.get(c);
  }

  private static Field[] compute(Class<?> c) {
    boolean wrapper = ClassInfo.isJdk(c);
    List<Field> fields = new ArrayList<>();
    for (Class<?> k = c; k != null && k != Object.class && (wrapper || !ClassInfo.isJdk(k));
        k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()
            || f.getName().equals(Guarded.TRACKER_FIELD) || f.getName().startsWith("$$_hibernate_")
            || !f.trySetAccessible()) {
          continue;
        }
        fields.add(f);
      }
    }
    return fields.toArray(new Field[0]);
  }
}
