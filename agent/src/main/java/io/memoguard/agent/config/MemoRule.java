package io.memoguard.agent.config;

import java.util.List;

/** A {@code memoize:} rule. {@code methods} holds method-name globs (never empty: defaults applied). */
public record MemoRule(Selector selector, List<String> methods) {}
