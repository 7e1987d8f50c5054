/**
 * Writes to guarded fields that bypass {@code PUTFIELD}: JDK reflection ({@code Field.set*},
 * {@code ReflectiveWriteTransformer}) and field handles ({@code FieldHandleTransformer}). The JDK
 * classes are retransformed to call the runtime at the start of the chosen methods ({@code
 * EntryCalls}).
 *
 * <p>Imports {@code io.memoguard.runtime} and ASM only.
 */
package io.memoguard.agent.instrument.reflect;
