package io.memoguard.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;

import io.memoguard.agent.config.AgentConfig;
import io.memoguard.agent.config.Glob;
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

  private final RequestBoundaries boundaries;
  private final MethodRulePlan rules;
  private final boolean jdbcWrites;
  /** What {@link #prefilter} needs to know; null when a selector needs more than a header. */
  private List<String> superTypes = new ArrayList<>();
  private final List<Glob> classGlobs = new ArrayList<>();

  TypePlanner(AgentConfig config, RuleUsage usage, Consumer<String> notice) {
    this.jdbcWrites = config.clearOnJdbcWrite();
    this.boundaries = new RequestBoundaries(config.propagate());
    superTypes.addAll(RequestBoundaries.SUPER_TYPES);
    superTypes.add(JdbcStatements.STATEMENT);
    boundaries.addEntryPoints(config.entryPoints(), usage, this::prefilterKnows);
    this.rules = new MethodRulePlan(config.memoize(), config.invalidate(), usage,
        this::prefilterKnows, notice);
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
    return boundaries.isRelevant(type, loader) || rules.isRelevant(type)
        || (jdbcWrites && !JdbcStatements.writeMethods(type).isEmpty());
  }

  /**
   * The order of the units is the order of their visits, which is the nesting order of advice on
   * a method that gets several: JDBC write advice sits between memoize and clear advice.
   */
  DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type,
      ClassLoader loader) {
    MethodRulePlan.ForType planned = rules.plan(type);
    if (type.getName().equals(HIBERNATE_SESSION)) {
      builder = builder.visit(AgentClassFiles.to(PersistenceContextAdvice.class).on(isConstructor()));
    }
    builder = boundaries.apply(builder, type, loader);
    builder = planned.memoize(builder);
    if (jdbcWrites) {
      builder = Advise.on(builder, JdbcWriteAdvice.class, JdbcStatements.writeMethods(type));
    }
    return planned.clear(builder);
  }
}
