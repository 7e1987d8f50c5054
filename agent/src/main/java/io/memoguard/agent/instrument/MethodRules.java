package io.memoguard.agent.instrument;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.Glob;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/** Method-level decisions: which methods of a matched class are memoized, read-like or writes. */
final class MethodRules {
  private static final List<Glob> READ_LIKE = globs(AgentConfig.DEFAULT_READ_METHODS);
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString",
      "finalize", "clone", "getClass");
  private static final List<String> UNMEMOIZABLE_RETURNS = List.of(
      "java.util.stream.BaseStream", "java.util.Iterator", "java.util.Spliterator",
      "java.util.concurrent.Future", "java.util.concurrent.CompletionStage",
      "java.util.concurrent.Flow$Publisher");

  private MethodRules() {}

  static List<Glob> globs(List<String> patterns) {
    return patterns.stream().map(Glob::ofMethod).collect(Collectors.toList());
  }

  static boolean anyMatches(List<Glob> globs, String name) {
    for (Glob glob : globs) {
      if (glob.matches(name)) {
        return true;
      }
    }
    return false;
  }

  /** A concrete method written in the source (not a constructor, bridge or synthetic helper). */
  static boolean isPlainMethod(MethodDescription method) {
    return method.isMethod() && !method.isAbstract() && !method.isNative() && !method.isBridge()
        && !method.isSynthetic() && !OBJECT_METHODS.contains(method.getInternalName());
  }

  static boolean isReadLike(MethodDescription method) {
    return anyMatches(READ_LIKE, method.getInternalName());
  }

  /**
   * Whether a method of a memoized class without invalidate rules clears the class's entries when
   * called: any method that can be called from outside the class (public, protected or package
   * private, static or not) and is not read-like. Private methods run only inside calls of the
   * class's other methods, which are covered themselves.
   */
  static boolean defaultInvalidates(MethodDescription method) {
    return isPlainMethod(method) && !method.isPrivate() && !isReadLike(method);
  }

  /** Null when results of the method can be memoized, else why not. */
  static String whyNotMemoizable(MethodDescription method) {
    TypeDescription returned = method.getReturnType().asErasure();
    // a class file the loader does not show: the type is known by name only
    try {
      if (returned.represents(void.class)) {
        return "it returns void";
      }
      if (returned.isPrimitive() || returned.isArray()) {
        return null;
      }
      for (String name : UNMEMOIZABLE_RETURNS) {
        if (returned.getName().equals(name) || returned.isAssignableTo(typeNamed(name))) {
          return "it returns " + returned.getName() + ", which is consumed or completed later";
        }
      }
    } catch (RuntimeException unresolvable) {
      return "its return type " + returned.getName() + " cannot be resolved";
    }
    return null;
  }

  private static TypeDescription typeNamed(String name) {
    try {
      return TypeDescription.ForLoadedType.of(Class.forName(name, false, null));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  static String display(TypeDescription type, MethodDescription method) {
    return type.getName() + "." + method.getInternalName();
  }
}
