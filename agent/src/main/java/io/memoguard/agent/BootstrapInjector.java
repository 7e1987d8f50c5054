package io.memoguard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Puts the runtime package on the bootstrap class path, so that instrumented classes of every class
 * loader (servlet containers, Spring Boot's nested jars, JDK proxies) resolve the same runtime. Only
 * that package goes there. The rest of the agent is on the system class path, as every
 * {@code -javaagent} jar is, with its libraries shaded so that they cannot collide with the host's.
 *
 * <p>The build packs the runtime package into a jar of its own inside the agent jar
 * ({@link #ENTRY}); it is copied out to a temporary file in one piece, because the JVM takes only
 * jar files for the bootstrap class path and re-packing its classes one by one at every start cost
 * about 0.2 s. The agent jar itself is only read, so it may sit on a read-only path.
 */
final class BootstrapInjector {
  /** Written by the agent module's build (maven-jar-plugin execution {@code runtime-jar}). */
  static final String ENTRY = "META-INF/memoguard/memoguard-agent-runtime.jar";

  private BootstrapInjector() {}

  static void inject(Instrumentation inst) throws IOException, URISyntaxException {
    Path agentJar = Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    try (JarFile source = new JarFile(agentJar.toFile(), false)) {
      ZipEntry entry = source.getEntry(ENTRY);
      if (entry == null) {
        throw new IOException("the agent jar holds no " + ENTRY);
      }
      Path runtimeJar = createPrivateFile();
      runtimeJar.toFile().deleteOnExit();
      try (InputStream in = source.getInputStream(entry);
          OutputStream out = Files.newOutputStream(runtimeJar)) {
        in.transferTo(out);
      }
      try (JarFile runtime = new JarFile(runtimeJar.toFile())) {
        inst.appendToBootstrapClassLoaderSearch(runtime);
      }
      unlink(runtimeJar);
    }
  }

  /**
   * The JVM opens a jar as it is appended and keeps it open, so on a POSIX file system its name
   * can go at once: a JVM that is killed, or crashes, leaves no copy behind (deleteOnExit runs
   * only at a normal exit, and a service restarted that way would pile them up). Elsewhere an open
   * file cannot be deleted; deleteOnExit stays the way there.
   */
  private static void unlink(Path runtimeJar) {
    if (!runtimeJar.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    try {
      Files.deleteIfExists(runtimeJar);
    } catch (IOException | SecurityException kept) {
      // deleteOnExit still removes it at a normal exit
    }
  }

  /**
   * A new file in the temporary directory that only this user can read and write. Not
   * {@code Files.createTempFile}: its random name seeds a {@code SecureRandom}, which loads the
   * security providers (about 120 classes, 20-40 ms of the start-up); a name that is taken is
   * retried, and creation is exclusive, so a name guessed in advance gains nothing.
   */
  private static Path createPrivateFile() throws IOException {
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    for (int attempt = 0; ; attempt++) {
      Path file = directory.resolve("memoguard-runtime-" + Long.toHexString(System.nanoTime())
          + "-" + attempt + ".jar");
      try {
        return posix ? Files.createFile(file, PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
            : Files.createFile(file);
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 100) {
          throw taken;
        }
      }
    }
  }
}
