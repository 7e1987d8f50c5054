package io.memoguard.agent.instrument.handoff;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.stream.Collectors;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Lets only the named bootstrap classes through to a Byte Buddy transformer that ignores every
 * other class anyway. A transformer installed for a retransformation stays registered, so without
 * this it would build a type description of every class the JVM loads from then on, only to
 * ignore it.
 */
final class BootTargetsOnly extends ResettableClassFileTransformer.WithDelegation {
  private final Set<String> internalNames;

  private BootTargetsOnly(ResettableClassFileTransformer delegate, Set<String> internalNames) {
    super(delegate);
    this.internalNames = internalNames;
  }

  /** @param names binary names (a.b.C) of the only classes the transformer acts on */
  static AgentBuilder.TransformerDecorator of(Set<String> names) {
    Set<String> internal = names.stream().map(name -> name.replace('.', '/'))
        .collect(Collectors.toUnmodifiableSet());
    return delegate -> new BootTargetsOnly(delegate, internal);
  }

  private boolean isTarget(ClassLoader loader, String className) {
    return loader == null && className != null && internalNames.contains(className);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    return isTarget(loader, className) ? classFileTransformer.transform(loader, className,
        classBeingRedefined, protectionDomain, classfileBuffer) : null;
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className,
      Class<?> classBeingRedefined, ProtectionDomain protectionDomain, byte[] classfileBuffer)
      throws IllegalClassFormatException {
    return isTarget(loader, className) ? classFileTransformer.transform(module, loader, className,
        classBeingRedefined, protectionDomain, classfileBuffer) : null;
  }
}
