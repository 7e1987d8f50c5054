package io.memoguard.agent.instrument.classfile;

/**
 * The one owner of the class-name prefixes the agent never instruments. Each mechanism sees a
 * different slice of the same two lists (the JDK, the agent itself), and the differences are on
 * purpose, so they are spelled out here rather than copied into each mechanism:
 * <ul>
 *   <li>field barriers skip the JDK and the agent ({@link #isJdkOrAgent}); a superclass walk for
 *       tracker members stops at the JDK ({@link #isJdk}), which the barriers never rewrite;
 *   <li>Byte Buddy advice ({@link #isSkippedByAdvice}) skips the boot loader, the agent, and of
 *       the JDK only {@code java.}, {@code jdk.internal.}, {@code sun.} and {@code com.sun.}:
 *       {@code javax.*} may be a host library there (servlet, persistence APIs), and the JDK HTTP
 *       server's filter chain is advised on purpose;
 *   <li>the walk for inherited writing methods ({@link #isJdkSuperclass}) stops at {@code java.},
 *       {@code javax.} and {@code jdk.} superclasses.
 * </ul>
 * Names are matched as prefixes only, never used as keys: a loaded class is still told apart by
 * its loader wherever state is kept.
 */
public final class NeverInstrumented {
  /** The one JDK class that gets advice: it sees every JDK HTTP exchange, lambdas included. */
  public static final String JDK_HTTP_CHAIN = "com.sun.net.httpserver.Filter$Chain";

  private static final String[] JDK = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};
  private static final String[] AGENT = {"io/memoguard/", "net/bytebuddy/"};
  private static final String[] ADVICE_SKIPS =
      {"java.", "jdk.internal.", "sun.", "com.sun.", "io.memoguard.", "net.bytebuddy."};
  private static final String[] JDK_SUPERCLASSES = {"java.", "javax.", "jdk."};

  private NeverInstrumented() {}

  /** @param internalName a class name in internal form ({@code java/util/List}) */
  public static boolean isJdk(String internalName) {
    return startsWithAny(internalName, JDK);
  }

  /** @param internalName a class name in internal form */
  public static boolean isJdkOrAgent(String internalName) {
    return isJdk(internalName) || startsWithAny(internalName, AGENT);
  }

  /** @param binaryName a class name in binary form ({@code com.acme.Repo$Inner}) */
  public static boolean isSkippedByAdvice(String binaryName, ClassLoader loader) {
    if (binaryName.equals(JDK_HTTP_CHAIN)) {
      return false;
    }
    return loader == null || startsWithAny(binaryName, ADVICE_SKIPS);
  }

  /** @param binaryName a superclass's name in binary form */
  public static boolean isJdkSuperclass(String binaryName) {
    return startsWithAny(binaryName, JDK_SUPERCLASSES);
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
