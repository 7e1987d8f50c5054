package io.memoguard.runtime;

/**
 * Whether the JVM is writing a class-data archive or AOT cache while the application runs
 * ({@code -XX:AOTMode=record}/{@code create}, {@code -XX:AOTCacheOutput},
 * {@code -XX:ArchiveClassesAtExit}, {@code -Xshare:dump}, however the flags reached the JVM). The
 * JVM's own answer is read, not the command line: flags also come from {@code JAVA_TOOL_OPTIONS},
 * {@code JDK_JAVA_OPTIONS}, argument files and {@code -XX:Flags} files.
 */
public final class ArchiveDump {
  private ArchiveDump() {}

  /**
   * Needs {@code jdk.internal.misc} exported to the runtime's module; false when it is not, or when
   * the JVM has no such answer.
   */
  public static boolean inProgress() {
    try {
      Class<?> cds = Class.forName("jdk.internal.misc.CDS", false, null);
      return Boolean.TRUE.equals(cds.getMethod("isDumpingArchive").invoke(null));
    } catch (Throwable unknown) {
      return false;
    }
  }
}
