package io.memoguard.runtime;

/**
 * The internal names of the runtime classes that woven code calls, for the agent's bytecode
 * rewriters and the bootstrap injector. They are compile-time constants, not
 * {@code X.class.getName()}: the agent reads them before the runtime is on the bootstrap class
 * path, and loading a runtime class then would bind it to the system class loader instead.
 */
public final class RuntimeNames {
  /** The package prefix of every runtime class, as jar entries and internal names spell it. */
  public static final String PACKAGE_PREFIX = "io/memoguard/runtime/";
  /** The same prefix as binary class names spell it, for stack frames. */
  static final String PACKAGE = "io.memoguard.runtime.";
  /** {@link Barrier}: field writes of guarded objects, direct and reflective. */
  public static final String BARRIER = PACKAGE_PREFIX + "Barrier";
  /** {@link BarrierSwitches}: the bootstrap of a guarded class's barriers on its own fields. */
  public static final String BARRIER_SWITCHES = PACKAGE_PREFIX + "BarrierSwitches";
  /** {@link Guarded}: the interface the field barrier adds to guarded classes. */
  public static final String GUARDED = PACKAGE_PREFIX + "snapshot/Guarded";
  /** {@link FieldHandles}: method and var handles created for fields of guarded classes. */
  public static final String FIELD_HANDLES = PACKAGE_PREFIX + "FieldHandles";
  /** {@link HandOff}: the JDK executors' worker loops. */
  public static final String HAND_OFF = PACKAGE_PREFIX + "HandOff";

  private RuntimeNames() {}
}
