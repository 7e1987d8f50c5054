package io.memoguard.agent.instrument.barrier;

import io.memoguard.runtime.GuardPackages;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Which classes carry write barriers: those of {@code guard.packages} ({@link GuardPackages}, the
 * runtime's own test), and which class files need rewriting for them.
 */
final class GuardPolicy {
  private final GuardPackages packages;
  /** Each package as the start of a class name in a class file, so most owners are never decoded. */
  private final byte[][] prefixes;

  GuardPolicy(List<String> packages) {
    this.packages = new GuardPackages(packages.toArray(new String[0]));
    this.prefixes = packages.stream().map(GuardPolicy::classNamePrefix).toArray(byte[][]::new);
  }

  /** {@code com.acme} as {@code com/acme/} in the modified UTF-8 of class files. */
  private static byte[] classNamePrefix(String dotted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      data.writeUTF(dotted.replace('.', '/') + '/');
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    byte[] encoded = out.toByteArray();
    return Arrays.copyOfRange(encoded, 2, encoded.length); // without writeUTF's length
  }

  boolean isEmpty() {
    return packages.isEmpty();
  }

  /** @param internalName a class name in internal form ({@code com/acme/domain/Mortgage}) */
  boolean isGuarded(String internalName) {
    return packages.contains(internalName);
  }

  /** True if any {@code CONSTANT_Fieldref} of the class file names a guarded owner. */
  boolean referencesGuardedField(byte[] classFile) {
    return ConstantPool.anyFieldrefOwner(classFile, prefixes, this::isGuarded);
  }
}
