package io.memoguard.agent.instrument.barrier;

import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.runtime.RuntimeNames;
import java.util.Arrays;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites a class for write barriers: every {@code PUTFIELD} on a guarded class's field passes the
 * barrier, and the topmost guarded class of a hierarchy gains the tracker field and implements
 * {@link Guarded}. Fields can only be added at first load, which is why this runs then.
 *
 * <p>Every guarded class that is rewritten also gets the private static marker
 * {@link Guarded#BARRIERED_FIELD}: the runtime trusts the barriers on a class's declared fields
 * only when it carries it (a class whose transformation failed, or that loaded before the agent,
 * does not, and is checked on read). Private static members do not enter the default
 * serialVersionUID; the tracker members do, so a class that gains them keeps its original value
 * declared explicitly.
 */
final class BarrierClassVisitor extends ClassVisitor {
  static final String GUARDED = RuntimeNames.GUARDED;
  static final String TRACKER = Guarded.TRACKER_FIELD;

  private final GuardPolicy policy;
  private final boolean guarded;
  private final int ancestry;
  private final SerialVersionUid serialVersionUid = new SerialVersionUid();
  private String className;
  private boolean switched;
  private boolean addTracker;
  private boolean addMarker;
  private boolean hasTracker;
  private boolean serialIgnored;
  private boolean changed;

  /** @param ancestry one of the {@link SuperclassChain} constants */
  BarrierClassVisitor(ClassVisitor next, GuardPolicy policy, boolean guarded, int ancestry) {
    super(Opcodes.ASM9, next);
    this.policy = policy;
    this.guarded = guarded;
    this.ancestry = ancestry;
  }

  /** Whether anything was rewritten; when not, the original bytes are kept. */
  boolean changed() {
    return changed;
  }

  @Override
  public void visit(int version, int access, String name, String signature, String superName,
      String[] interfaces) {
    className = name;
    switched = (version & 0xFFFF) >= Opcodes.V1_7;
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    boolean isRecord = "java/lang/Record".equals(superName);
    serialIgnored = isRecord || (access & Opcodes.ACC_ENUM) != 0;
    addMarker = guarded && !isInterface;
    // with an unreadable ancestor, the class relies on an ancestor that is Guarded at run time,
    // or is checked on read: final members clashing with an ancestor's would not link
    addTracker = guarded && !isInterface && !isRecord && ancestry == SuperclassChain.NONE;
    serialVersionUid.header(access, name, interfaces);
    String[] effective = interfaces;
    if (addTracker && !Arrays.asList(interfaces).contains(GUARDED)) {
      effective = Arrays.copyOf(interfaces, interfaces.length + 1);
      effective[interfaces.length] = GUARDED;
    }
    super.visit(version, access, name, signature, superName, effective);
  }

  @Override
  public FieldVisitor visitField(int access, String name, String descriptor, String signature,
      Object value) {
    if (TRACKER.equals(name)) {
      addTracker = false; // already transformed (a second agent, or a retransformation)
      hasTracker = true;
    }
    if (Guarded.BARRIERED_FIELD.equals(name)) {
      addMarker = false;
    }
    serialVersionUid.field(access, name, descriptor);
    return super.visitField(access, name, descriptor, signature, value);
  }

  @Override
  public void visitInnerClass(String name, String outerName, String innerName, int access) {
    serialVersionUid.innerClass(name, access);
    super.visitInnerClass(name, outerName, innerName, access);
  }

  @Override
  public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
      String[] exceptions) {
    serialVersionUid.method(access, name, descriptor);
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    if (mv == null) {
      return null;
    }
    return new BarrierMethodVisitor(mv, policy, className, "<init>".equals(name),
        switched, () -> addTracker || hasTracker, () -> changed = true);
  }

  @Override
  public void visitEnd() {
    if (addTracker) {
      if (!serialIgnored && !serialVersionUid.declared()) {
        // computed before the members below exist; harmless on classes that are not Serializable
        super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
            | Opcodes.ACC_SYNTHETIC, "serialVersionUID", "J", null, serialVersionUid.compute())
            .visitEnd();
      }
      addTrackerMembers();
      changed = true;
    }
    if (addMarker) {
      super.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
          | Opcodes.ACC_SYNTHETIC, Guarded.BARRIERED_FIELD, "Z", null, 1).visitEnd();
      changed = true;
    }
    super.visitEnd();
  }

  private void addTrackerMembers() {
    // public so that barriers in other classes can read it; synthetic and transient so that
    // serializers (Jackson, Java serialization, JPA) leave it alone
    FieldVisitor field = super.visitField(
        Opcodes.ACC_PUBLIC | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC,
        TRACKER, "Ljava/lang/Object;", null, null);
    field.visitEnd();

    // final: runtime-generated subclasses (Hibernate's lazy proxies) must not intercept these, or
    // tracking a cached proxy would initialize it
    MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
        "$memoguard$getTracker", "()Ljava/lang/Object;", null, null);
    get.visitCode();
    get.visitVarInsn(Opcodes.ALOAD, 0);
    get.visitFieldInsn(Opcodes.GETFIELD, className, TRACKER, "Ljava/lang/Object;");
    get.visitInsn(Opcodes.ARETURN);
    get.visitMaxs(1, 1);
    get.visitEnd();

    MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC,
        "$memoguard$setTracker", "(Ljava/lang/Object;)V", null, null);
    set.visitCode();
    set.visitVarInsn(Opcodes.ALOAD, 0);
    set.visitVarInsn(Opcodes.ALOAD, 1);
    set.visitFieldInsn(Opcodes.PUTFIELD, className, TRACKER, "Ljava/lang/Object;");
    set.visitInsn(Opcodes.RETURN);
    set.visitMaxs(2, 2);
    set.visitEnd();
  }
}
