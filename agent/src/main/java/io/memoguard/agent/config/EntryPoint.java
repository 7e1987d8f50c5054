package io.memoguard.agent.config;

import java.util.List;

/** A configured request boundary ({@code requests.entry-points}). */
public record EntryPoint(Selector selector, List<String> methods) {}
