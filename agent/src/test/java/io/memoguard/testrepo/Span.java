package io.memoguard.testrepo;

/** A record argument: two instances with equal components are the same call. */
public record Span(long from, long to) {}
