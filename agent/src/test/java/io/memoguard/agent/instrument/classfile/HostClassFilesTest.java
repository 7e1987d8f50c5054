package io.memoguard.agent.instrument.classfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The places a loader's classes came from, as recorded while they pass the transformer, are where
 * the class files of a loader that hides its resources are found.
 */
class HostClassFilesTest {
  @TempDir
  Path root;

  @Test
  void everyPlaceALoaderDefinedFromIsSearchedHoweverItsClassesInterleave() throws Exception {
    ClassLoader loader = new HidingLoader();
    Path first = place("first", "a/First");
    Path second = place("second", "b/Second");
    for (int i = 0; i < 5; i++) {
      // a distinct URL object per class, as some loaders make them
      HostClassFiles.INSTANCE.record(loader, domain(first.toUri().toURL()));
      HostClassFiles.INSTANCE.record(loader, domain(second.toUri().toURL()));
    }

    assertThat(HostClassFiles.INSTANCE.read(loader, "a/First")).isEqualTo(bytes("a/First"));
    assertThat(HostClassFiles.INSTANCE.read(loader, "b/Second")).isEqualTo(bytes("b/Second"));
    assertThat(HostClassFiles.INSTANCE.read(loader, "c/Nowhere")).isNull();
  }

  @Test
  void aPlaceRecordedAfterALookUpMissedIsSearchedToo() throws Exception {
    ClassLoader loader = new HidingLoader();
    Path first = place("first", "a/First");
    HostClassFiles.INSTANCE.record(loader, domain(first.toUri().toURL()));
    assertThat(HostClassFiles.INSTANCE.read(loader, "b/Later")).isNull();

    Path later = place("later", "b/Later");
    HostClassFiles.INSTANCE.record(loader, domain(later.toUri().toURL()));

    assertThat(HostClassFiles.INSTANCE.read(loader, "b/Later")).isEqualTo(bytes("b/Later"));
  }

  @Test
  void locationsThatAreNoLocalPathAreSkippedWithoutCostingTheOthers() throws Exception {
    ClassLoader loader = new HidingLoader();
    Path spaced = place("with space", "a/Spaced");
    Path plain = place("plain", "b/Plain");

    // an unencoded space (no URI), a remote host, a fragment, another protocol
    HostClassFiles.INSTANCE.record(loader, domain(new URL("file:" + spaced + "/")));
    HostClassFiles.INSTANCE.record(loader, domain(new URL("file://host" + plain + "/")));
    HostClassFiles.INSTANCE.record(loader, domain(new URL("file:" + plain + "/#part")));
    HostClassFiles.INSTANCE.record(loader, domain(new URL("http://example.com/lib/")));
    HostClassFiles.INSTANCE.record(loader, domain(null));
    HostClassFiles.INSTANCE.record(loader, null);
    assertThat(HostClassFiles.INSTANCE.read(loader, "b/Plain")).isNull();
    assertThat(HostClassFiles.INSTANCE.read(loader, "a/Spaced")).isNull();

    HostClassFiles.INSTANCE.record(loader, domain(plain.toUri().toURL()));
    assertThat(HostClassFiles.INSTANCE.read(loader, "b/Plain")).isEqualTo(bytes("b/Plain"));
  }

  @Test
  @SuppressWarnings("deprecation") // the constructor custom loaders use to build their code sources
  void aLocationMadeFromPartsWithoutAHostIsRecorded() throws Exception {
    ClassLoader loader = new HidingLoader();
    Path parts = place("parts", "a/Parts");

    HostClassFiles.INSTANCE.record(loader, domain(new URL("file", null, parts + "/")));

    assertThat(HostClassFiles.INSTANCE.read(loader, "a/Parts")).isEqualTo(bytes("a/Parts"));
  }

  /** A directory holding one "class file" (any bytes: only reading is tested). */
  private Path place(String directory, String internalName) throws IOException {
    Path file = root.resolve(directory).resolve(internalName + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(internalName));
    return root.resolve(directory);
  }

  private static byte[] bytes(String internalName) {
    return ("class file of " + internalName).getBytes(StandardCharsets.UTF_8);
  }

  private static ProtectionDomain domain(URL location) {
    return new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null);
  }

  /** A loader whose resource look-up finds nothing, as some application servers' do. */
  private static final class HidingLoader extends ClassLoader {
    HidingLoader() {
      super(null);
    }

    @Override
    public URL getResource(String name) {
      return null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return null;
    }
  }
}
