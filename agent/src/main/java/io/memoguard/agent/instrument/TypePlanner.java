package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.EntryPoint;
import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Mode;
import io.memoguard.agent.config.OnMutation;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.instrument.advice.BoundaryAdvice;
import io.memoguard.agent.instrument.advice.ClearRequestAdvice;
import io.memoguard.agent.instrument.advice.ClearTypeAdvice;
import io.memoguard.agent.instrument.advice.JdbcWriteAdvice;
import io.memoguard.agent.instrument.advice.MemoAdvice;
import io.memoguard.agent.instrument.advice.MemoMode;
import io.memoguard.agent.instrument.advice.MutationMode;
import io.memoguard.agent.instrument.advice.PersistenceContextAdvice;
import io.memoguard.agent.instrument.advice.ServletBoundaryAdvice;
import io.memoguard.agent.instrument.classfile.AgentClassFiles;
import io.memoguard.agent.instrument.classfile.ApiVisibility;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import io.memoguard.agent.instrument.handoff.HandOffAdvice;
import io.memoguard.agent.instrument.prefilter.RelevancePrefilter;
import io.memoguard.runtime.RuleConstant;
import io.memoguard.runtime.Settings;
import io.memoguard.runtime.Verify;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Decides, per loaded type, which advice goes on which method: request boundaries (built-in and
 * configured), memoized reads, and invalidating writes.
 */
final class TypePlanner {
  static final String JDK_HTTP_CHAIN = NeverInstrumented.JDK_HTTP_CHAIN;
  static final String HIBERNATE_SESSION = "org.hibernate.internal.SessionImpl";
  /**
   * The memoize advice per pair of woven constants: the rule constant (on-mutation mode and park
   * timeout) in the high half of the key, the verify-mode constant in the low half.
   */
  private static final ConcurrentHashMap<Long, Advice> MEMO_ADVICE = new ConcurrentHashMap<>();

  private final List<Boundary> boundaries = new ArrayList<>();
  /** {@code AsyncContext.start(Runnable)} of servlet containers, when requests propagate. */
  private final List<Boundary> asyncStarts = new ArrayList<>();
  private final List<Rule> memoRules = new ArrayList<>();
  private final List<Rule> invalidateRules = new ArrayList<>();
  private final Consumer<String> notice;
  private final Set<String> noticed = ConcurrentHashMap.newKeySet();
  private final ApiVisibility apis = new ApiVisibility();
  private final boolean jdbcWrites;
  /** What {@link #prefilter} needs to know; null when a selector needs more than a header. */
  private List<String> superTypes = new ArrayList<>();
  private final List<Glob> classGlobs = new ArrayList<>();

  TypePlanner(AgentConfig config, RuleUsage usage, Consumer<String> notice) {
    this.notice = notice;
    this.jdbcWrites = config.clearOnJdbcWrite();
    for (String api : List.of("jakarta.servlet", "javax.servlet")) {
      String servlet = api + ".Servlet";
      superTypes.addAll(List.of(servlet, api + ".Filter", api + ".AsyncContext"));
      boundaries.add(new Boundary(implementing(servlet), "service", 2, classFile(servlet)));
      boundaries.add(new Boundary(implementing(api + ".Filter"), "doFilter", 3, classFile(servlet)));
      if (config.propagate()) {
        // the container runs the task on its own pool and never exposes it again: it is wrapped
        asyncStarts.add(new Boundary(implementing(api + ".AsyncContext"), "start", 1,
            classFile(servlet)));
      }
    }
    // Every exchange of the JDK HTTP server runs its HttpHandler.handle inside this chain, lambdas
    // included, so one class replaces matching every class against the HttpHandler hierarchy.
    boundaries.add(new Boundary(named(JDK_HTTP_CHAIN), List.of(Glob.ofMethod("doFilter")), 1, null));
    superTypes.add(JdbcStatements.STATEMENT);
    for (EntryPoint entry : config.entryPoints()) {
      prefilterKnows(entry.selector());
      usage.register("entry-point", entry.selector());
      boundaries.add(new Boundary(TypeSelectors.of(entry.selector(), usage),
          MethodRules.globs(entry.methods()), -1, null));
    }
    for (MemoRule rule : config.memoize()) {
      prefilterKnows(rule.selector());
      usage.register("memoize", rule.selector());
      memoRules.add(new Rule(TypeSelectors.of(rule.selector(), usage), MethodRules.globs(rule.methods()),
          false, RuleConstant.of(mode(rule.onMutation()), rule.parkMillis()), memoMode(rule.mode())));
    }
    for (InvalidateRule rule : config.invalidate()) {
      prefilterKnows(rule.selector());
      usage.register("invalidate", rule.selector());
      invalidateRules.add(new Rule(TypeSelectors.of(rule.selector(), usage),
          MethodRules.globs(rule.methods()), rule.clears() == InvalidateRule.Clears.REQUEST,
          Settings.GLOBAL, Verify.INHERIT));
    }
  }

  private void prefilterKnows(Selector selector) {
    if (superTypes == null) {
      return;
    }
    switch (selector.kind()) {
      case IMPLEMENTS:
        superTypes.add(selector.pattern());
        break;
      case CLASS:
        classGlobs.add(Glob.ofClass(selector.pattern()));
        break;
      case ANNOTATED:
      default:
        // annotations (inherited ones too) are not in the header: every class goes to Byte Buddy
        superTypes = null;
    }
  }

  /**
   * {@code delegate} behind a filter that passes on only the classes {@link #isRelevant} could
   * accept, or {@code delegate} itself when the selectors do not allow such a filter.
   */
  ClassFileTransformer prefilter(ClassFileTransformer delegate) {
    if (superTypes == null || superTypes.size() > 64) {
      return delegate;
    }
    return new RelevancePrefilter(delegate, Set.of(HIBERNATE_SESSION, JDK_HTTP_CHAIN),
        List.copyOf(classGlobs), List.copyOf(superTypes));
  }

  private static ElementMatcher<TypeDescription> implementing(String typeName) {
    return TypeSelectors.safe(hasSuperType(named(typeName)));
  }

  private static String classFile(String typeName) {
    return typeName.replace('.', '/') + ".class";
  }

  private boolean applies(Boundary boundary, TypeDescription type, ClassLoader loader) {
    return (boundary.api == null || apis.sees(loader, boundary.api)) && boundary.type.matches(type);
  }

  boolean isRelevant(TypeDescription type, ClassLoader loader) {
    if (type.isInterface() || type.isAnnotation()) {
      return false;
    }
    if (type.getName().equals(HIBERNATE_SESSION)) {
      return true;
    }
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
    return !matching(memoRules, type).isEmpty() || !matching(invalidateRules, type).isEmpty()
        || (jdbcWrites && !JdbcStatements.writeMethods(type).isEmpty());
  }

  DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader) {
    List<MethodDescription> boundaryMethods = new ArrayList<>();
    List<MethodDescription> servletBoundaryMethods = new ArrayList<>();
    Map<Long, List<MethodDescription>> memoized = new LinkedHashMap<>();
    List<MethodDescription> clearType = new ArrayList<>();
    List<MethodDescription> clearRequest = new ArrayList<>();
    List<Rule> memo = matching(memoRules, type);
    List<Rule> invalidate = matching(invalidateRules, type);
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
      Rule write = firstMatch(invalidate, method);
      Rule read = write == null ? firstMatch(memo, method) : null;
      String why = read == null ? null : MethodRules.whyNotMemoizable(method);
      if (write != null) {
        (write.clearsRequest ? clearRequest : clearType).add(method);
      } else if (read != null && why == null) {
        // grouped by woven constants: each group gets the advice with its constants woven in
        memoized.computeIfAbsent(adviceKey(read.mode, read.memoMode), m -> new ArrayList<>())
            .add(method);
      } else {
        if (read != null) {
          noticeOnce(MethodRules.display(type, method) + " is not memoized: " + why);
        }
        if (!memo.isEmpty() && invalidate.isEmpty() && MethodRules.defaultInvalidates(method)) {
          // without invalidate rules, any method of a memoized class callable from outside it
          // (static ones too) may write
          clearType.add(method);
        }
      }
    }
    if (!memo.isEmpty() && invalidate.isEmpty()) {
      String inherited = InheritedWrites.describe(type, this::clears);
      if (inherited != null) {
        noticeOnce(inherited);
      }
    }
    if (type.getName().equals(HIBERNATE_SESSION)) {
      builder = builder.visit(AgentClassFiles.to(PersistenceContextAdvice.class).on(isConstructor()));
    }
    builder = visit(builder, BoundaryAdvice.class, boundaryMethods);
    builder = visit(builder, ServletBoundaryAdvice.class, servletBoundaryMethods);
    builder = visit(builder, HandOffAdvice.WrapAsyncStart.class, asyncStartMethods);
    for (Map.Entry<Long, List<MethodDescription>> group : memoized.entrySet()) {
      builder = visit(builder, memoAdvice(group.getKey()), group.getValue());
    }
    if (jdbcWrites) {
      builder = visit(builder, JdbcWriteAdvice.class, JdbcStatements.writeMethods(type));
    }
    builder = visit(builder, ClearTypeAdvice.class, clearType);
    return visit(builder, ClearRequestAdvice.class, clearRequest);
  }

  private static DynamicType.Builder<?> visit(DynamicType.Builder<?> builder, Class<?> advice,
      List<MethodDescription> methods) {
    return methods.isEmpty() ? builder : visit(builder, AgentClassFiles.to(advice), methods);
  }

  private static DynamicType.Builder<?> visit(DynamicType.Builder<?> builder, Advice advice,
      List<MethodDescription> methods) {
    if (methods.isEmpty()) {
      return builder;
    }
    ElementMatcher<MethodDescription> matcher = methods::contains;
    return builder.visit(advice.on(matcher));
  }

  /** The memoize advice with a rule's {@link RuleConstant} and verify-mode constant woven in. */
  private static Advice memoAdvice(long adviceKey) {
    return MEMO_ADVICE.computeIfAbsent(adviceKey, k -> AgentClassFiles.to(Advice.withCustomMapping()
        .bind(MutationMode.class, (int) (k >>> 32))
        .bind(MemoMode.class, (int) (long) k), MemoAdvice.class));
  }

  private static long adviceKey(int ruleConstant, int memoMode) {
    return ((long) ruleConstant << 32) | (memoMode & 0xffffffffL);
  }

  static int memoMode(Mode mode) {
    return mode == null ? Verify.INHERIT : mode == Mode.VERIFY ? Verify.VERIFY : Verify.MEMOIZE;
  }

  /** A rule without its own {@code on-mutation} follows the global one. */
  static int mode(OnMutation onMutation) {
    return onMutation == null ? Settings.GLOBAL : MutationModes.of(onMutation);
  }

  private void noticeOnce(String message) {
    if (noticed.add(message)) {
      notice.accept(message);
    }
  }

  /** Whether calls of {@code method}, declared in {@code owner}, get invalidating advice. */
  private boolean clears(TypeDescription owner, MethodDescription method) {
    List<Rule> invalidate = matching(invalidateRules, owner);
    if (!invalidate.isEmpty()) {
      return firstMatch(invalidate, method) != null;
    }
    Rule read = firstMatch(matching(memoRules, owner), method);
    return !matching(memoRules, owner).isEmpty() && MethodRules.defaultInvalidates(method)
        && (read == null || MethodRules.whyNotMemoizable(method) != null);
  }

  private static List<Rule> matching(List<Rule> rules, TypeDescription type) {
    List<Rule> result = new ArrayList<>(0);
    for (Rule rule : rules) {
      if (rule.type.matches(type)) {
        result.add(rule);
      }
    }
    return result;
  }

  private static Rule firstMatch(List<Rule> rules, MethodDescription method) {
    for (Rule rule : rules) {
      if (MethodRules.anyMatches(rule.methods, method.getInternalName())) {
        return rule;
      }
    }
    return null;
  }

  private static final class Rule {
    final ElementMatcher<TypeDescription> type;
    final List<Glob> methods;
    final boolean clearsRequest;
    /** For memoize rules: the {@link RuleConstant} (on-mutation mode, GLOBAL when none; park). */
    final int mode;
    /** For memoize rules: the Verify mode constant, INHERIT when the rule has none. */
    final int memoMode;

    Rule(ElementMatcher<TypeDescription> type, List<Glob> methods, boolean clearsRequest, int mode,
        int memoMode) {
      this.type = type;
      this.methods = methods;
      this.clearsRequest = clearsRequest;
      this.mode = mode;
      this.memoMode = memoMode;
    }
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
