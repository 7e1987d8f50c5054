package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * {@code hasSuperType(named(name))} for every planning unit at once: the names a type is, extends
 * or implements come from one walk of its hierarchy, not one walk per matcher (a class reaching
 * Byte Buddy was walked about five times to say whether it is relevant, and again while its advice
 * was chosen). The walk is Byte Buddy's own, in its order, recording each type it reaches. A
 * supertype that cannot be resolved ends it, and then only what was reached before counts: exactly
 * what each matcher answered on its own, finding its name first or failing first, which counted
 * as no match.
 *
 * <p>The last walk is kept for the type it was made for, held weakly: the matchers of one class
 * are asked one after the other about the same description, on the thread that loads it.
 */
final class SuperTypeNames {
  private static volatile Walked last;

  private SuperTypeNames() {}

  /** Matches the types that are, extend or implement the type named {@code binaryName}. */
  static ElementMatcher<TypeDescription> named(String binaryName) {
    return type -> of(type).contains(binaryName);
  }

  /** The binary names of {@code type} and of every supertype its walk reached. */
  static Set<String> of(TypeDescription type) {
    Walked walked = last;
    if (walked != null && walked.type.get() == type) {
      return walked.names;
    }
    Set<String> names = new HashSet<>();
    try {
      hasSuperType(reached -> {
        names.add(reached.getActualName());
        return false;
      }).matches(type);
    } catch (RuntimeException | LinkageError unresolvable) {
      // an optional dependency missing from the class path: what was reached before counts
    }
    last = new Walked(type, names);
    return names;
  }

  private static final class Walked {
    final WeakReference<TypeDescription> type;
    final Set<String> names;

    Walked(TypeDescription type, Set<String> names) {
      this.type = new WeakReference<>(type);
      this.names = names;
    }
  }
}
