package io.memoguard.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Finds the methods of JDBC statement implementations that may write. Any driver or pool proxy
 * qualifies, so there is no package to match on; a class is first checked against the
 * {@code java.sql.Statement} hierarchy, whose walk the other planning units share
 * ({@link SuperTypeNames}), and only a statement's methods are read. After a run-time attach the
 * planner describes every loaded class, and reading a loaded class's methods goes through
 * reflection, which loads the types in their signatures.
 */
final class JdbcStatements {
  static final String STATEMENT = "java.sql.Statement";
  private static final ElementMatcher<TypeDescription> IS_STATEMENT =
      SuperTypeNames.named(STATEMENT);

  private JdbcStatements() {}

  /** The write methods the type declares, empty when it is not a JDBC statement. */
  static List<MethodDescription> writeMethods(TypeDescription type) {
    if (!IS_STATEMENT.matches(type)) {
      return List.of();
    }
    List<MethodDescription> found = new ArrayList<>(0);
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (isWriteMethod(method)) {
        found.add(method);
      }
    }
    return found;
  }

  /**
   * executeUpdate*, executeLargeUpdate*, executeBatch, executeLargeBatch and execute, by name and
   * return type, so that a driver's internal helper of the same name is left alone.
   */
  static boolean isWriteMethod(MethodDescription method) {
    if (!method.isPublic() || method.isStatic() || !MethodRules.isPlainMethod(method)) {
      return false;
    }
    String name = method.getInternalName();
    if (!name.startsWith("execute")) {
      return false;
    }
    TypeDescription returned = method.getReturnType().asErasure();
    switch (name) {
      case "execute":
        return returned.represents(boolean.class);
      case "executeUpdate":
        return returned.represents(int.class);
      case "executeLargeUpdate":
        return returned.represents(long.class);
      case "executeBatch":
        return returned.represents(int[].class);
      case "executeLargeBatch":
        return returned.represents(long[].class);
      default:
        return false;
    }
  }
}
