package io.memoguard.bench;

/** A composite cache key of two ints, as a hand-rolled request cache would use. */
public record IntPair(int a, int b) {}
