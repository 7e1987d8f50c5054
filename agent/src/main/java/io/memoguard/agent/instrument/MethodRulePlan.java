package io.memoguard.agent.instrument;

import io.memoguard.agent.config.Glob;
import io.memoguard.agent.config.InvalidateRule;
import io.memoguard.agent.config.MemoRule;
import io.memoguard.agent.config.Selector;
import io.memoguard.agent.instrument.advice.ClearRequestAdvice;
import io.memoguard.agent.instrument.advice.ClearTypeAdvice;
import io.memoguard.agent.instrument.advice.MemoAdvice;
import io.memoguard.agent.instrument.advice.MemoFewArgsAdvice;
import io.memoguard.agent.instrument.advice.WovenMode;
import io.memoguard.agent.instrument.advice.WovenRule;
import io.memoguard.agent.instrument.classfile.AgentClassFiles;
import io.memoguard.runtime.Mode;
import io.memoguard.runtime.RuleConstant;
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
 * The configured rules, matcher and advice side by side: memoized reads ({@code MemoAdvice}, one
 * per pair of woven constants), invalidating writes ({@code ClearTypeAdvice}, {@code
 * ClearRequestAdvice}), and the default invalidation of a memoized class without invalidate rules
 * (every method that may write clears, and inherited ones are reported).
 */
final class MethodRulePlan {
  /**
   * The memoize advice per pair of woven constants: the rule constant (on-mutation mode and park
   * timeout) in the high half of the key, the verify-mode constant in the low half.
   */
  private static final ConcurrentHashMap<Long, Advice> MEMO_ADVICE = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Long, Advice> FEW_ARGS_ADVICE = new ConcurrentHashMap<>();
  /** The most parameters {@link MemoFewArgsAdvice} passes (the runtime's buffers match). */
  static final int FEW_ARGUMENTS = 3;

  private final List<Rule> memoRules = new ArrayList<>();
  private final List<Rule> invalidateRules = new ArrayList<>();
  private final Consumer<String> notice;
  private final Set<String> noticed = ConcurrentHashMap.newKeySet();

  /** {@code usage} learns which selectors match; it has registered them already. */
  MethodRulePlan(List<MemoRule> memoize, List<InvalidateRule> invalidate, RuleUsage usage,
      Consumer<String> notice) {
    this.notice = notice;
    for (MemoRule rule : memoize) {
      memoRules.add(new Rule(TypeSelectors.of(rule.selector(), usage), MethodRules.globs(rule.methods()),
          false, RuleConstant.of(rule.onMutation(), rule.parkMillis()), Mode.code(rule.mode())));
    }
    for (InvalidateRule rule : invalidate) {
      invalidateRules.add(new Rule(TypeSelectors.of(rule.selector(), usage),
          MethodRules.globs(rule.methods()), rule.clears() == InvalidateRule.Clears.REQUEST,
          RuleConstant.of(null, 0), Mode.code(null)));
    }
  }

  boolean isRelevant(TypeDescription type) {
    return !matching(memoRules, type).isEmpty() || !matching(invalidateRules, type).isEmpty();
  }

  /** The methods of {@code type} each rule advice goes on; reports what cannot be memoized. */
  ForType plan(TypeDescription type) {
    ForType planned = new ForType();
    List<Rule> memo = matching(memoRules, type);
    List<Rule> invalidate = matching(invalidateRules, type);
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      if (!MethodRules.isPlainMethod(method)) {
        continue;
      }
      Rule write = firstMatch(invalidate, method);
      Rule read = write == null ? firstMatch(memo, method) : null;
      String why = read == null ? null : MethodRules.whyNotMemoizable(method);
      if (write != null) {
        (write.clearsRequest ? planned.clearRequest : planned.clearType).add(method);
      } else if (read != null && why == null) {
        // grouped by woven constants: each group gets the advice with its constants woven in
        // and by arity: few parameters are passed one by one, so a hit builds no array
        (method.getParameters().size() <= FEW_ARGUMENTS ? planned.fewArgs : planned.memoized)
            .computeIfAbsent(adviceKey(read.rule, read.mode), m -> new ArrayList<>()).add(method);
      } else {
        if (read != null) {
          noticeOnce(MethodRules.display(type, method) + " is not memoized: " + why);
        }
        if (!memo.isEmpty() && invalidate.isEmpty() && MethodRules.defaultInvalidates(method)) {
          // without invalidate rules, any method of a memoized class callable from outside it
          // (static ones too) may write
          planned.clearType.add(method);
        }
      }
    }
    if (!memo.isEmpty() && invalidate.isEmpty()) {
      String inherited = InheritedWrites.describe(type, this::clears);
      if (inherited != null) {
        noticeOnce(inherited);
      }
    }
    return planned;
  }

  /** What {@link #plan} chose for one type, woven in two steps around other units' advice. */
  static final class ForType {
    private final Map<Long, List<MethodDescription>> memoized = new LinkedHashMap<>();
    private final Map<Long, List<MethodDescription>> fewArgs = new LinkedHashMap<>();
    private final List<MethodDescription> clearType = new ArrayList<>();
    private final List<MethodDescription> clearRequest = new ArrayList<>();

    DynamicType.Builder<?> memoize(DynamicType.Builder<?> builder) {
      for (Map.Entry<Long, List<MethodDescription>> group : memoized.entrySet()) {
        builder = Advise.on(builder, memoAdvice(group.getKey(), false), group.getValue());
      }
      for (Map.Entry<Long, List<MethodDescription>> group : fewArgs.entrySet()) {
        builder = Advise.on(builder, memoAdvice(group.getKey(), true), group.getValue());
      }
      return builder;
    }

    DynamicType.Builder<?> clear(DynamicType.Builder<?> builder) {
      builder = Advise.on(builder, ClearTypeAdvice.class, clearType);
      return Advise.on(builder, ClearRequestAdvice.class, clearRequest);
    }
  }

  /** The memoize advice with a rule's {@link RuleConstant} and verify-mode constant woven in. */
  private static Advice memoAdvice(long adviceKey, boolean fewArgs) {
    return (fewArgs ? FEW_ARGS_ADVICE : MEMO_ADVICE).computeIfAbsent(adviceKey,
        k -> AgentClassFiles.to(Advice.withCustomMapping()
            .bind(WovenRule.class, (int) (k >>> 32))
            .bind(WovenMode.class, (int) (long) k),
            fewArgs ? MemoFewArgsAdvice.class : MemoAdvice.class));
  }

  private static long adviceKey(int rule, int mode) {
    return ((long) rule << 32) | (mode & 0xffffffffL);
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
    /** For memoize rules: the {@link RuleConstant} (on-mutation, park timeout). */
    final int rule;
    /** For memoize rules: the {@link Mode#code}, the global mode's when the rule has none. */
    final int mode;

    Rule(ElementMatcher<TypeDescription> type, List<Glob> methods, boolean clearsRequest, int rule,
        int mode) {
      this.type = type;
      this.methods = methods;
      this.clearsRequest = clearsRequest;
      this.rule = rule;
      this.mode = mode;
    }
  }

}
