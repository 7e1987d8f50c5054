package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.EntryPoint;
import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.instrument.advice.JdbcWriteAdvice;
import io.memoguard.agent.instrument.advice.PersistenceContextAdvice;
import io.memoguard.agent.instrument.classfile.AgentClassFiles;
import io.memoguard.agent.instrument.classfile.NeverInstrumented;
import io.memoguard.agent.instrument.prefilter.RelevancePrefilter;
import java.lang.instrument.ClassFileTransformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Decides, per loaded type, which advice goes on which method, by composing the planning units:
 * request boundaries ({@link RequestBoundaries}), the configured memoize and invalidate rules
 * ({@link MethodRulePlan}), the Hibernate session and JDBC writes (small enough to stay here).
 * Each unit keeps its type matcher next to its advice; this class only fixes their order.
 */
final class TypePlanner {
  static final String JDK_HTTP_CHAIN = NeverInstrumented.JDK_HTTP_CHAIN;
  static final String HIBERNATE_SESSION = "org.hibernate.internal.SessionImpl";

  private final AgentConfig config;
  private final RuleUsage usage;
  private final Consumer<String> notice;
  private final boolean jdbcWrites;
  /** What {@link #prefilter} needs to know; null when a selector needs more than a header. */
  private List<String> superTypes = new ArrayList<>();
  private final List<Glob> classGlobs = new ArrayList<>();
  /** The Byte Buddy side, built on first use: off premain, see {@link #units}. */
  private volatile Units units;

  private record Units(RequestBoundaries boundaries, MethodRulePlan rules) {}

  /**
   * Reads only the configuration: the prefilter must be in place before the host's first class,
   * while the matchers of the units (Byte Buddy, about 80 ms of classes) wait for their first use,
   * on the thread that builds the advice.
   */
  TypePlanner(AgentConfig config, RuleUsage usage, Consumer<String> notice) {
    this.config = config;
    this.usage = usage;
    this.notice = notice;
    this.jdbcWrites = config.clearOnJdbcWrite();
    superTypes.addAll(RequestBoundaries.SuperTypes.NAMES);
    superTypes.add(JdbcStatements.STATEMENT);
    // registered here, in file order, so the exit report names every rule even if the JVM ends
    // before the units are built
    for (EntryPoint entry : config.entryPoints()) {
      prefilterKnows(entry.selector());
      usage.register("entry-point", entry.selector());
    }
    for (MemoRule rule : config.memoize()) {
      prefilterKnows(rule.selector());
      usage.register("memoize", rule.selector());
    }
    for (InvalidateRule rule : config.invalidate()) {
      prefilterKnows(rule.selector());
      usage.register("invalidate", rule.selector());
    }
  }

  /** Builds the units now, if they are not yet. */
  void prepare() {
    units();
  }

  /** The units, built once; the first caller builds them while others wait for it. */
  private Units units() {
    Units built = units;
    if (built == null) {
      // no host code runs in here (matchers are only made, not applied), so the lock cannot be
      // part of a cycle with a host lock
      synchronized (this) {
        built = units;
        if (built == null) {
          RequestBoundaries boundaries = new RequestBoundaries(config.propagate());
          boundaries.addEntryPoints(config.entryPoints(), usage);
          built = new Units(boundaries,
              new MethodRulePlan(config.memoize(), config.invalidate(), usage, notice));
          units = built;
        }
      }
    }
    return built;
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

  boolean isRelevant(TypeDescription type, ClassLoader loader) {
    if (type.isInterface() || type.isAnnotation()) {
      return false;
    }
    if (type.getName().equals(HIBERNATE_SESSION)) {
      return true;
    }
    Units built = units();
    return built.boundaries().isRelevant(type, loader) || built.rules().isRelevant(type)
        || (jdbcWrites && !JdbcStatements.writeMethods(type).isEmpty());
  }

  /**
   * The order of the units is the order of their visits, which is the nesting order of advice on
   * a method that gets several: JDBC write advice sits between memoize and clear advice.
   */
  DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader) {
    Units built = units();
    MethodRulePlan.ForType planned = built.rules().plan(type);
    if (type.getName().equals(HIBERNATE_SESSION)) {
      builder = builder.visit(AgentClassFiles.to(PersistenceContextAdvice.class).on(isConstructor()));
    }
    builder = built.boundaries().apply(builder, type, loader);
    builder = planned.memoize(builder);
    if (jdbcWrites) {
      builder = Advise.on(builder, JdbcWriteAdvice.class, JdbcStatements.writeMethods(type));
    }
    return planned.clear(builder);
  }
}
