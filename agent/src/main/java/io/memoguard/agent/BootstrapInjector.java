package io.memoguard.agent;

import io.memoguard.runtime.RuntimeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the runtime package on the bootstrap class path, so that instrumented classes of every class
 * loader (servlet containers, Spring Boot's nested jars, JDK proxies) resolve the same runtime. Only
 * that package goes there. The rest of the agent is on the system class path, as every
 * {@code -javaagent} jar is, with its libraries shaded so that they cannot collide with the host's.
 */
final class BootstrapInjector {
  static final String RUNTIME_PREFIX = RuntimeNames.PACKAGE_PREFIX;

  private BootstrapInjector() {}

  static void inject(Instrumentation inst) throws IOException, URISyntaxException {
    Path agentJar = Path.of(BootstrapInjector.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Path runtimeJar = Files.createTempFile("memoguard-runtime", ".jar");
    runtimeJar.toFile().deleteOnExit();
    try (JarFile source = new JarFile(agentJar.toFile());
        JarOutputStream target = new JarOutputStream(Files.newOutputStream(runtimeJar))) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(RUNTIME_PREFIX) && !entry.isDirectory()) {
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            copy(in, target);
          }
          target.closeEntry();
        }
      }
    }
    inst.appendToBootstrapClassLoaderSearch(new JarFile(runtimeJar.toFile()));
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    in.transferTo(out);
  }
}
