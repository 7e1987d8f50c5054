/**
 * Snapshots of memoized values: taken at store ({@link io.memoguard.runtime.snapshot.SnapshotTaker}),
 * checked at a hit ({@link io.memoguard.runtime.snapshot.Snapshot#check()}) and compared with a
 * fresh result in verify mode ({@link io.memoguard.runtime.snapshot.StructuralDiff}). Owns how each
 * class is looked at ({@link io.memoguard.runtime.snapshot.ClassInfo}'s snapshot kinds), which JDK
 * collections and values may be looked into, which barriers may be trusted
 * ({@link io.memoguard.runtime.snapshot.BarrierTrust}), and the {@link
 * io.memoguard.runtime.snapshot.Guarded} interface woven into guarded classes. JDK types only, and
 * nothing of the rest of the runtime: the memo table and the barriers build on this package, never
 * the reverse.
 */
package io.memoguard.runtime.snapshot;
