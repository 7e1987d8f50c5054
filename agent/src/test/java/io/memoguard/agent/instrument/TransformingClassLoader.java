package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.barrier.FieldBarrierTransformer;
import java.util.List;

/**
 * Loads the test domain and writer classes child-first through {@link FieldBarrierTransformer}, as
 * the agent would at class load, so tests run the rewritten bytecode on a real JVM. Shared by the
 * test suites.
 */
public final class TransformingClassLoader extends RewritingClassLoader {
  private final FieldBarrierTransformer transformer;

  public TransformingClassLoader(List<String> guardPackages, List<String> transformedPackages) {
    super(transformedPackages);
    this.transformer = new FieldBarrierTransformer(guardPackages, (type, error) -> {
      throw new AssertionError("transform failed for " + type, error);
    });
  }

  @Override
  protected byte[] rewrite(String internalName, byte[] original) {
    return transformer.rewrite(this, internalName, original);
  }

  public Object newInstance(String className, Object... args) throws ReflectiveOperationException {
    Class<?> type = loadClass(className);
    for (var constructor : type.getConstructors()) {
      if (constructor.getParameterCount() == args.length) {
        return constructor.newInstance(args);
      }
    }
    throw new NoSuchMethodException(className + " with " + args.length + " arguments");
  }
}
