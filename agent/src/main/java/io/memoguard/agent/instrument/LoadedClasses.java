package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import net.bytebuddy.description.type.TypeDescription;

/**
 * After a run-time attach: the classes loaded before it that the planner would have advised
 * (repositories, request boundaries, JDBC statements) are retransformed so that they get their
 * advice now. Advice adds no members, which retransformation allows; field barriers would add
 * members and are not attempted here.
 */
final class LoadedClasses {
  private LoadedClasses() {}

  /**
   * @return how many classes got their advice
   */
  static int retransformRelevant(Instrumentation inst, TypePlanner planner,
      BiConsumer<String, Throwable> onFailure) {
    List<Class<?>> relevant = new ArrayList<>();
    for (Class<?> type : inst.getAllLoadedClasses()) {
      if (isCandidate(inst, type) && isRelevant(planner, type)) {
        relevant.add(type);
      }
    }
    return retransform(inst, relevant, onFailure);
  }

  /**
   * The classes of {@code wanted} (internal names by loader) that are loaded now, removed from
   * it; a class still being defined is not there yet.
   */
  static List<Class<?>> take(Instrumentation inst, Map<ClassLoader, Set<String>> wanted) {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> type : inst.getAllLoadedClasses()) {
      Set<String> names = wanted.get(type.getClassLoader());
      if (names != null && names.remove(type.getName().replace('.', '/'))) {
        found.add(type);
      }
    }
    wanted.values().removeIf(Set::isEmpty);
    return found;
  }

  /**
   * All in one redefinition when the JVM takes them all, one at a time otherwise. Each
   * redefinition costs the JVM a pass over its compiled code and thread stacks, 50-100 ms on a
   * service that has run for a while, whatever the class; a redefinition the JVM refuses changes
   * none of its classes.
   *
   * @return how many of {@code types} were retransformed
   */
  static int retransform(Instrumentation inst, List<Class<?>> types,
      BiConsumer<String, Throwable> onFailure) {
    if (types.size() > 1) {
      try {
        inst.retransformClasses(types.toArray(new Class<?>[0]));
        return types.size();
      } catch (Throwable refused) {
        // one of them cannot be retransformed: find which, without keeping the others unadvised
      }
    }
    int done = 0;
    for (Class<?> type : types) {
      try {
        // one at a time: a class that cannot be retransformed must not keep the others unadvised
        inst.retransformClasses(type);
        done++;
      } catch (Throwable failure) {
        onFailure.accept(type.getName(), failure);
      }
    }
    return done;
  }

  private static boolean isCandidate(Instrumentation inst, Class<?> type) {
    return !type.isArray() && !type.isPrimitive() && !type.isInterface() && !type.isHidden()
        && !type.isSynthetic() && inst.isModifiableClass(type)
        && !NeverInstrumented.isSkippedByAdvice(type.getName(), type.getClassLoader());
  }

  /** Judged from the loaded class's description; a class that cannot be described is left alone. */
  private static boolean isRelevant(TypePlanner planner, Class<?> type) {
    try {
      return planner.isRelevant(TypeDescription.ForLoadedType.of(type), type.getClassLoader());
    } catch (Throwable unreadable) {
      return false;
    }
  }
}
