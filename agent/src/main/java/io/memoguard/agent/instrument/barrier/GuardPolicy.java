package io.memoguard.agent.instrument.barrier;

import io.memoguard.runtime.GuardPackages;
import java.util.List;

/**
 * Which classes carry write barriers: those of {@code guard.packages} ({@link GuardPackages}, the
 * runtime's own test), and which class files need rewriting for them.
 */
final class GuardPolicy {
  private final GuardPackages packages;

  GuardPolicy(List<String> packages) {
    this.packages = new GuardPackages(packages.toArray(new String[0]));
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
    return ConstantPool.anyFieldrefOwner(classFile, this::isGuarded);
  }
}
