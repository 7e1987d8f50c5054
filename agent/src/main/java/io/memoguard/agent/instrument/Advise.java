package io.memoguard.agent.instrument;

import io.memoguard.agent.instrument.classfile.AgentClassFiles;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/** Puts one advice on exactly the methods a planning unit chose (none: the builder unchanged). */
final class Advise {
  private Advise() {}

  static DynamicType.Builder<?> on(DynamicType.Builder<?> builder, Class<?> advice,
      List<MethodDescription> methods) {
    return methods.isEmpty() ? builder : on(builder, AgentClassFiles.to(advice), methods);
  }

  static DynamicType.Builder<?> on(DynamicType.Builder<?> builder, Advice advice,
      List<MethodDescription> methods) {
    if (methods.isEmpty()) {
      return builder;
    }
    ElementMatcher<MethodDescription> matcher = methods::contains;
    return builder.visit(advice.on(matcher));
  }
}
