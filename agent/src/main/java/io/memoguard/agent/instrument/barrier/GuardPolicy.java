package io.memoguard.agent.instrument.barrier;

import java.util.List;

/** Which classes carry write barriers: those in the configured packages or their sub-packages. */
final class GuardPolicy {
  private final String[] internalPrefixes;

  GuardPolicy(List<String> packages) {
    internalPrefixes = packages.stream().map(p -> p.replace('.', '/') + "/").toArray(String[]::new);
  }

  boolean isEmpty() {
    return internalPrefixes.length == 0;
  }

  /** @param internalName a class name in internal form ({@code com/acme/domain/Mortgage}) */
  boolean isGuarded(String internalName) {
    for (String prefix : internalPrefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** True if any {@code CONSTANT_Fieldref} of the class file names a guarded owner. */
  boolean referencesGuardedField(byte[] classFile) {
    return ConstantPool.anyFieldrefOwner(classFile, this::isGuarded);
  }
}
