package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Finds the writing methods a memoized class inherits without invalidating advice: methods of a
 * superclass that no rule matched. A class is woven when it loads, after its superclasses, so
 * advice cannot be added to them then; the planner says so instead of staying silent. Default
 * methods of interfaces are left out: an interface has no instance fields, so a default method
 * reaches the object's state only through the object's own methods, which carry advice.
 */
final class InheritedWrites {
  private static final int NAMED = 3;

  private InheritedWrites() {}

  /**
   * The notice for {@code type}, or null when every inherited method that may write clears its
   * entries. {@code clears} tells whether a method, in its declaring class, gets invalidating
   * advice.
   */
  static String describe(TypeDescription type,
      BiPredicate<TypeDescription, MethodDescription> clears) {
    List<String> found = new ArrayList<>();
    try {
      Set<String> seen = new HashSet<>();
      for (MethodDescription m : type.getDeclaredMethods()) {
        seen.add(m.getInternalName() + m.getDescriptor());
      }
      for (TypeDefinition k = type.getSuperClass(); k != null && !isJdk(k); k = k.getSuperClass()) {
        collect(k.asErasure(), seen, clears, found);
      }
    } catch (RuntimeException unresolvable) {
      return null; // a missing supertype: Byte Buddy reports nothing either, nothing to say
    }
    if (found.isEmpty()) {
      return null;
    }
    String names = String.join(", ", found.subList(0, Math.min(NAMED, found.size())))
        + (found.size() > NAMED ? " and " + (found.size() - NAMED) + " more" : "");
    return "inherited methods of " + type.getName() + " that may write do not clear its memoized"
        + " entries: " + names + " (add an invalidate rule for the class that declares them)";
  }

  private static void collect(TypeDescription owner, Set<String> seen,
      BiPredicate<TypeDescription, MethodDescription> clears, List<String> found) {
    for (MethodDescription m : owner.getDeclaredMethods()) {
      if (!seen.add(m.getInternalName() + m.getDescriptor()) || m.isStatic()
          || !MethodRules.defaultInvalidates(m) || clears.test(owner, m)) {
        continue;
      }
      found.add(owner.getName() + "." + m.getInternalName());
    }
  }

  private static boolean isJdk(TypeDefinition type) {
    return NeverInstrumented.isJdkSuperclass(type.asErasure().getName());
  }
}
