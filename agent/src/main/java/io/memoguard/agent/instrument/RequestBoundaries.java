package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.named;

import io.memoguard.agent.config.EntryPoint;
import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.instrument.advice.BoundaryAdvice;
import io.memoguard.agent.instrument.advice.ServletBoundaryAdvice;
import io.memoguard.agent.instrument.classfile.ApiVisibility;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import io.memoguard.agent.instrument.handoff.HandOffAdvice;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where a request starts and ends, matcher and advice side by side: servlet {@code service} and
 * filter {@code doFilter} (jakarta and javax), the JDK HTTP server's filter chain, configured entry
 * points, and, when requests propagate, the servlet {@code AsyncContext.start} hand-off.
 */
final class RequestBoundaries {
  /**
   * The servlet types a boundary class extends, in the order the prefilter has always had them.
   * A class of its own: premain reads them for the prefilter, and loading this class there would
   * load the Byte Buddy types its methods use, to verify them.
   */
  static final class SuperTypes {
    static final List<String> NAMES = List.of(
        "jakarta.servlet.Servlet", "jakarta.servlet.Filter", "jakarta.servlet.AsyncContext",
        "javax.servlet.Servlet", "javax.servlet.Filter", "javax.servlet.AsyncContext");

    private SuperTypes() {}
  }

  private final List<Boundary> boundaries = new ArrayList<>();
  /** {@code AsyncContext.start(Runnable)} of servlet containers, when requests propagate. */
  private final List<Boundary> asyncStarts = new ArrayList<>();
  private final ApiVisibility apis = new ApiVisibility();

  RequestBoundaries(boolean propagate) {
    for (String api : List.of("jakarta.servlet", "javax.servlet")) {
      String servlet = api + ".Servlet";
      boundaries.add(new Boundary(implementing(servlet), "service", 2, classFile(servlet)));
      boundaries.add(new Boundary(implementing(api + ".Filter"), "doFilter", 3, classFile(servlet)));
      if (propagate) {
        // the container runs the task on its own pool and never exposes it again: it is wrapped
        asyncStarts.add(new Boundary(implementing(api + ".AsyncContext"), "start", 1,
            classFile(servlet)));
      }
    }
    // Every exchange of the JDK HTTP server runs its HttpHandler.handle inside this chain, lambdas
    // included, so one class replaces matching every class against the HttpHandler hierarchy.
    boundaries.add(new Boundary(named(NeverInstrumented.JDK_HTTP_CHAIN),
        List.of(Glob.ofMethod("doFilter")), 1, null));
  }

  /** Adds the configured entry points, whose selectors {@code usage} has registered already. */
  void addEntryPoints(List<EntryPoint> entryPoints, RuleUsage usage) {
    for (EntryPoint entry : entryPoints) {
      boundaries.add(new Boundary(TypeSelectors.of(entry.selector(), usage),
          MethodRules.globs(entry.methods()), -1, null));
    }
  }

  boolean isRelevant(TypeDescription type, ClassLoader loader) {
    for (Boundary boundary : boundaries) {
      if (applies(boundary, type, loader)) {
        return true;
      }
    }
    for (Boundary start : asyncStarts) {
      if (applies(start, type, loader)) {
        return true;
      }
    }
    return false;
  }

  DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader) {
    List<Boundary> typeBoundaries = new ArrayList<>();
    for (Boundary boundary : boundaries) {
      if (applies(boundary, type, loader)) {
        typeBoundaries.add(boundary);
      }
    }
    List<Boundary> typeAsyncStarts = new ArrayList<>(0);
    for (Boundary start : asyncStarts) {
      if (applies(start, type, loader)) {
        typeAsyncStarts.add(start);
      }
    }
    if (typeBoundaries.isEmpty() && typeAsyncStarts.isEmpty()) {
      return builder;
    }
    List<MethodDescription> boundaryMethods = new ArrayList<>();
    List<MethodDescription> servletBoundaryMethods = new ArrayList<>();
    List<MethodDescription> asyncStartMethods = new ArrayList<>(0);
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (!MethodRules.isPlainMethod(method)) {
        continue;
      }
      for (Boundary start : typeAsyncStarts) {
        if (start.matches(method)
            && method.getParameters().get(0).getType().asErasure().represents(Runnable.class)) {
          asyncStartMethods.add(method);
        }
      }
      for (Boundary boundary : typeBoundaries) {
        if (boundary.matches(method)) {
          // servlet boundaries (those with an API) know their request, and so its async mode
          (boundary.api != null ? servletBoundaryMethods : boundaryMethods).add(method);
          break;
        }
      }
    }
    builder = Advise.on(builder, BoundaryAdvice.class, boundaryMethods);
    builder = Advise.on(builder, ServletBoundaryAdvice.class, servletBoundaryMethods);
    return Advise.on(builder, HandOffAdvice.WrapAsyncStart.class, asyncStartMethods);
  }

  private boolean applies(Boundary boundary, TypeDescription type, ClassLoader loader) {
    return (boundary.api == null || apis.sees(loader, boundary.api)) && boundary.type.matches(type);
  }

  private static ElementMatcher<TypeDescription> implementing(String typeName) {
    return SuperTypeNames.named(typeName);
  }

  private static String classFile(String typeName) {
    return typeName.replace('.', '/') + ".class";
  }

  private static final class Boundary {
    final ElementMatcher<TypeDescription> type;
    final List<Glob> methods;
    final int parameters;
    /** A class file the loader must see for the boundary to be possible at all, or null. */
    final String api;

    Boundary(ElementMatcher<TypeDescription> type, String method, int parameters, String api) {
      this(type, List.of(Glob.ofMethod(method)), parameters, api);
    }

    Boundary(ElementMatcher<TypeDescription> type, List<Glob> methods, int parameters, String api) {
      this.type = type;
      this.methods = methods;
      this.parameters = parameters;
      this.api = api;
    }

    boolean matches(MethodDescription method) {
      return MethodRules.anyMatches(methods, method.getInternalName())
          && (parameters < 0 || method.getParameters().size() == parameters);
    }
  }
}
