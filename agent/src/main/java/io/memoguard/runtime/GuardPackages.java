package io.memoguard.runtime;

/**
 * {@code guard.packages}: the one test of whether a class is guarded, for the agent's rewriters
 * (internal names, {@code com/acme/domain/Order}) and for the runtime (binary names,
 * {@code com.acme.domain.Order}). A class is guarded when it is in one of the packages or their
 * sub-packages.
 */
public final class GuardPackages {
  static final GuardPackages NONE = new GuardPackages(new String[0]);

  /** Dot form, without a trailing separator. */
  private final String[] packages;

  public GuardPackages(String[] packages) {
    this.packages = packages.clone();
  }

  public boolean isEmpty() {
    return packages.length == 0;
  }

  /** @param className a binary or an internal class name */
  public boolean contains(String className) {
    for (String p : packages) {
      int n = p.length();
      if (className.length() > n && isSeparator(className.charAt(n)) && samePackage(p, className, n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean samePackage(String p, String className, int n) {
    for (int i = 0; i < n; i++) {
      char a = p.charAt(i);
      char b = className.charAt(i);
      if (a != b && !(a == '.' && b == '/')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '.' || c == '/';
  }
}
