/**
 * The part of memoguard that instrumented host code calls: request scope, memo table, write barriers
 * and invalidation; the snapshots of memoized values are in {@code runtime.snapshot}. It is appended to the bootstrap class path at start-up so that every class
 * loader sees it, and therefore uses JDK types only. Nothing here may let an exception escape into
 * the host, except {@link io.memoguard.runtime.MutationRejectedException} in {@code fail} mode.
 */
package io.memoguard.runtime;
