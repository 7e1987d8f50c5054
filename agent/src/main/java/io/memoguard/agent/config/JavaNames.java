package io.memoguard.agent.config;

/**
 * Lexical checks for the names and patterns a configuration may contain. Each check returns null
 * when the text is acceptable, else a description of the problem that does not repeat the text
 * (configuration values are never echoed).
 */
final class JavaNames {
  private JavaNames() {}

  static String classPatternProblem(String pattern) {
    return dottedProblem(pattern, "class pattern",
        "Java identifier characters, '.', '$', '*' and '**'", true);
  }

  static String typeNameProblem(String name) {
    return dottedProblem(name, "type name",
        "Java identifier characters, '.' and '$'; no wildcards", false);
  }

  static String packageNameProblem(String name) {
    return dottedProblem(name, "package name",
        "Java identifier characters and '.'; no wildcards", false);
  }

  static String methodPatternProblem(String pattern) {
    if (pattern.isEmpty()) {
      return "empty method pattern";
    }
    for (int i = 0, cp; i < pattern.length(); i += Character.charCount(cp)) {
      cp = pattern.codePointAt(i);
      if (cp != '*' && !isIdentifierPart(cp)) {
        return invalidCharacter("method pattern", i, "Java identifier characters and '*'");
      }
    }
    return null;
  }

  private static String dottedProblem(String text, String what, String allowed, boolean globs) {
    if (text.isEmpty()) {
      return "empty " + what;
    }
    for (int i = 0, cp; i < text.length(); i += Character.charCount(cp)) {
      cp = text.codePointAt(i);
      boolean ok = cp == '.' || (globs && cp == '*') || isIdentifierPart(cp);
      if (!ok) {
        return invalidCharacter(what, i, allowed);
      }
    }
    if (text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return "invalid " + what
          + ": empty name segment (check for '..' or a leading or trailing '.')";
    }
    return null;
  }

  private static String invalidCharacter(String what, int index, String allowed) {
    return "invalid " + what + ": character " + (index + 1) + " is not allowed (use " + allowed
        + ")";
  }

  private static boolean isIdentifierPart(int cp) {
    // identifier-ignorable code points (NUL, other controls) pass isJavaIdentifierPart but never
    // appear in a name the JVM reports
    return Character.isJavaIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
  }
}
