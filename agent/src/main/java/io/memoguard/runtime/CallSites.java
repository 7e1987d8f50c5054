package io.memoguard.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds the host frames to report. Only called when a mutation was detected, so walking the stack
 * is affordable; barriers themselves carry no site information.
 */
final class CallSites {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String REFLECTIVE_FIELD = "java.lang.reflect.Field";

  private CallSites() {}

  /**
   * Returns {write site, via}: the frame that executed the write, and, when that frame is inside a
   * guarded class (a setter), the first frame outside the guarded packages; else null.
   *
   * @param reflective the write is a {@code Field.set...} call: the write site is its caller
   */
  static String[] writeSite(boolean reflective) {
    List<StackWalker.StackFrame> frames = WALKER.walk(s -> s
        .filter(f -> !f.getClassName().startsWith(RuntimeNames.PACKAGE))
        .filter(f -> !reflective || !f.getClassName().equals(REFLECTIVE_FIELD))
        .limit(32)
        .collect(Collectors.toList()));
    if (frames.isEmpty()) {
      return new String[] {"unknown", null};
    }
    StackWalker.StackFrame write = frames.get(0);
    String via = null;
    if (Settings.isGuardedClass(write.getClassName())) {
      for (StackWalker.StackFrame frame : frames) {
        if (!Settings.isGuardedClass(frame.getClassName())) {
          via = format(frame);
          break;
        }
      }
    }
    return new String[] {format(write), via};
  }

  /** The caller of the memoized method whose advice is running (the advice is inlined into it). */
  static String callerOfMemoized() {
    return WALKER.walk(s -> s
        .filter(f -> !f.getClassName().startsWith(RuntimeNames.PACKAGE))
        .skip(1)
        .findFirst()
        .map(CallSites::format)
        .orElse("unknown"));
  }

  static String format(StackWalker.StackFrame frame) {
    String file = frame.getFileName();
    int line = frame.getLineNumber();
    return frame.getClassName() + "." + frame.getMethodName() + "("
        + (file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file) + ")";
  }
}
