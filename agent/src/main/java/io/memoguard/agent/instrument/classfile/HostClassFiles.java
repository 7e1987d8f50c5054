package io.memoguard.agent.instrument.classfile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.utility.JavaModule;

/**
 * Where the agent finds the class files of a host loader's classes. The loader's own resource
 * look-up comes first, as Byte Buddy's default does, but a loader may hide its resources (its
 * getResource returns null) or throw from it. Neither may cost a class its advice: a look-up that
 * throws counts as not found, JDK class files are read from the platform loader, and application
 * class files from the code sources the loader's classes were defined from, as recorded while
 * they passed through the agent's transformer. Nothing here refers to the loader itself, so the
 * weak per-loader type caches stay weak.
 */
public final class HostClassFiles implements AgentBuilder.LocationStrategy {
  public static final HostClassFiles INSTANCE = new HostClassFiles();
  /** Bounds what is remembered of a loader that defines classes from many places. */
  private static final int MAX_SOURCES_PER_LOADER = 64;
  private static final ClassFileLocator JDK = ClassFileLocator.ForClassLoader.ofPlatformLoader();

  private final Map<ClassLoader, Sources> sources = new WeakHashMap<>();

  private HostClassFiles() {}

  @Override
  public ClassFileLocator classFileLocator(ClassLoader loader, JavaModule module) {
    if (loader == null) {
      return ClassFileLocator.ForClassLoader.ofBootLoader();
    }
    return new ClassFileLocator.Compound(
        new Tolerant(ClassFileLocator.ForClassLoader.WeaklyReferenced.of(loader)), JDK,
        new CodeSources(sourcesOf(loader)));
  }

  /** The class file {@code internalName} (a/b/C) as {@code loader} would define it, or null. */
  public byte[] read(ClassLoader loader, String internalName) {
    try {
      ClassFileLocator.Resolution found = classFileLocator(loader, null)
          .locate(internalName.replace('/', '.'));
      return found.isResolved() ? found.resolve() : null;
    } catch (IOException | RuntimeException | LinkageError unreadable) {
      return null;
    }
  }

  /** Remembers where a class of {@code loader} came from; never throws. */
  public void record(ClassLoader loader, ProtectionDomain domain) {
    if (loader == null || domain == null) {
      return;
    }
    try {
      CodeSource source = domain.getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return;
      }
      // a host or a fragment: not a local file (Path.of refuses the URI); a URL made from its
      // parts may have a null host
      String host = location.getHost();
      if (host != null && !host.isEmpty() || location.getRef() != null) {
        return;
      }
      Sources known;
      synchronized (sources) {
        known = sources.computeIfAbsent(loader, l -> new Sources());
      }
      // every class passes here: the URI and path of a place are made once, not per class
      String file = location.getFile();
      if (!known.isSeen(file)) {
        known.add(file, pathOf(location));
      }
    } catch (RuntimeException | LinkageError unusable) {
      // the loader's own look-up is all there is
    }
  }

  /** The local file or directory {@code location} names, or null. */
  private static Path pathOf(URL location) {
    try {
      return Path.of(location.toURI());
    } catch (URISyntaxException | RuntimeException notAPath) {
      return null; // e.g. a space left unencoded: the loader's own look-up is all there is
    }
  }

  private Sources sourcesOf(ClassLoader loader) {
    synchronized (sources) {
      Sources known = sources.get(loader);
      return known == null ? Sources.NONE : known;
    }
  }

  /**
   * Where one loader's classes came from, and which class files none of those places has (so a
   * missing optional dependency is not searched for in every jar again). Never refers to the
   * loader.
   */
  private static final class Sources {
    static final Sources NONE = new Sources();
    private static final int MAX_ABSENT = 10_000;
    /** Past it (a loader defining classes from more places), a new place is looked at per class. */
    private static final int MAX_SEEN = 1_024;

    private final Set<Path> paths = new LinkedHashSet<>();
    private final Set<String> absent = new HashSet<>();
    /**
     * The locations looked at already, by their URL's file part: a string, so that no host URL
     * (nor its handler's class loader) is held here.
     */
    private final Set<String> seen = new HashSet<>();
    /** Changes with the places, so that "absent" is never concluded from an older list. */
    private int generation;

    synchronized boolean isSeen(String file) {
      return seen.contains(file);
    }

    /** @param path null when the location is not a usable path */
    synchronized void add(String file, Path path) {
      if (seen.size() < MAX_SEEN) {
        seen.add(file);
      }
      if (path != null && paths.size() < MAX_SOURCES_PER_LOADER && paths.add(path)) {
        absent.clear();
        generation++;
      }
    }

    synchronized List<Path> roots() {
      return List.copyOf(paths);
    }

    synchronized int generation() {
      return generation;
    }

    synchronized boolean isAbsent(String name) {
      return absent.contains(name);
    }

    synchronized void markAbsent(String name, int seenGeneration) {
      if (seenGeneration == generation && absent.size() < MAX_ABSENT) {
        absent.add(name);
      }
    }
  }

  /** A host loader's look-up, where an exception thrown by the loader means "not found". */
  private static final class Tolerant implements ClassFileLocator {
    private final ClassFileLocator delegate;

    Tolerant(ClassFileLocator delegate) {
      this.delegate = delegate;
    }

    @Override
    public Resolution locate(String name) {
      try {
        return delegate.locate(name);
      } catch (Exception | LinkageError thrownByHost) {
        return new Resolution.Illegal(name);
      }
    }

    @Override
    public void close() {}
  }

  /**
   * Class files read from the directories and jars a loader defined classes from. A jar is opened
   * per look-up and closed again: this is the fallback for hiding loaders only, and keeping jars
   * open would hold undeployed applications' files.
   */
  private static final class CodeSources implements ClassFileLocator {
    private final Sources sources;

    CodeSources(Sources sources) {
      this.sources = sources;
    }

    @Override
    public Resolution locate(String name) {
      if (sources.isAbsent(name)) {
        return new Resolution.Illegal(name);
      }
      int generation = sources.generation();
      List<Path> roots = sources.roots();
      if (roots.isEmpty()) {
        return new Resolution.Illegal(name);
      }
      String file = name.replace('.', '/') + ".class";
      for (Path root : roots) {
        try {
          byte[] found = Files.isDirectory(root) ? fromDirectory(root, file) : fromJar(root, file);
          if (found != null) {
            return new Resolution.Explicit(found);
          }
        } catch (IOException | RuntimeException unreadable) {
          // try the next place
        }
      }
      sources.markAbsent(name, generation);
      return new Resolution.Illegal(name);
    }

    private static byte[] fromDirectory(Path root, String file) throws IOException {
      Path path = root.resolve(file);
      return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
    }

    private static byte[] fromJar(Path root, String file) throws IOException {
      if (!Files.isRegularFile(root)) {
        return null;
      }
      try (JarFile jar = new JarFile(root.toFile())) {
        ZipEntry entry = jar.getEntry(file);
        if (entry == null) {
          return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          return in.readAllBytes();
        }
      }
    }

    @Override
    public void close() {}
  }
}
