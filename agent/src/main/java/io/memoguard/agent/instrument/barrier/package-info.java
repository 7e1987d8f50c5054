/**
 * Field write barriers, written in ASM: at first load, every {@code PUTFIELD} on a guarded class's
 * field is routed through {@code io.memoguard.runtime.Barrier}, and the topmost guarded class of a
 * hierarchy gains the tracker field and implements {@code Guarded}, keeping its serialVersionUID.
 * Decided from class files alone (no class loading inside the transformer); a class that fails to
 * transform loads unchanged and is reported once.
 *
 * <p>May import {@code instrument.classfile} and {@code io.memoguard.runtime}.
 */
package io.memoguard.agent.instrument.barrier;
