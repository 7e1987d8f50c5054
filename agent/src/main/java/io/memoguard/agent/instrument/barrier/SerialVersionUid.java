package io.memoguard.agent.instrument.barrier;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The default serialVersionUID of a class as Java serialization computes it (Java Object
 * Serialization Specification 4.6, {@code ObjectStreamClass.computeDefaultSUID}), from the class
 * file's members as they were before the agent added any. Adding the tracker field, its methods
 * and the {@code Guarded} interface changes that hash; declaring the original value keeps data
 * written without the agent readable with it, and the other way round.
 *
 * <p>Fed by the class visitor with the original header, fields and methods; enums and records
 * are never given one (serialization ignores it for them).
 */
final class SerialVersionUid {
  private static final int CLASS_MODS =
      Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT;
  private static final int FIELD_MODS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE
      | Opcodes.ACC_PROTECTED | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE
      | Opcodes.ACC_TRANSIENT;
  private static final int METHOD_MODS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE
      | Opcodes.ACC_PROTECTED | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED
      | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_STRICT;

  private String name;
  private int access;
  private String[] interfaces = new String[0];
  private boolean declared;
  private boolean staticInitializer;
  private int methodCount;
  private final List<String[]> fields = new ArrayList<>();
  private final List<String[]> constructors = new ArrayList<>();
  private final List<String[]> methods = new ArrayList<>();

  void header(int access, String name, String[] interfaces) {
    this.access = access;
    this.name = name;
    this.interfaces = interfaces == null ? new String[0] : interfaces.clone();
  }

  /** The InnerClasses entry of the class itself holds the modifiers reflection reports. */
  void innerClass(String innerName, int innerAccess) {
    if (innerName.equals(name)) {
      access = innerAccess;
    }
  }

  void field(int access, String fieldName, String descriptor) {
    if ("serialVersionUID".equals(fieldName)) {
      declared = true;
    }
    int mods = access & FIELD_MODS;
    boolean privateStatic = (mods & Opcodes.ACC_PRIVATE) != 0 && (mods & Opcodes.ACC_STATIC) != 0;
    boolean privateTransient =
        (mods & Opcodes.ACC_PRIVATE) != 0 && (mods & Opcodes.ACC_TRANSIENT) != 0;
    if (!privateStatic && !privateTransient) {
      fields.add(new String[] {fieldName, String.valueOf(mods), descriptor});
    }
  }

  void method(int access, String methodName, String descriptor) {
    if ("<clinit>".equals(methodName)) {
      staticInitializer = true;
      return;
    }
    boolean constructor = "<init>".equals(methodName);
    if (!constructor) {
      methodCount++;
    }
    int mods = access & METHOD_MODS;
    if ((mods & Opcodes.ACC_PRIVATE) == 0) {
      String[] member = {methodName, String.valueOf(mods), descriptor.replace('/', '.')};
      (constructor ? constructors : methods).add(member);
    }
  }

  /** Whether the class declares a field named serialVersionUID (whatever its type). */
  boolean declared() {
    return declared;
  }

  long compute() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(name.replace('/', '.'));
      int mods = access & CLASS_MODS;
      if ((mods & Opcodes.ACC_INTERFACE) != 0) {
        mods = methodCount > 0 ? mods | Opcodes.ACC_ABSTRACT : mods & ~Opcodes.ACC_ABSTRACT;
      }
      out.writeInt(mods);
      String[] names = interfaces.clone();
      for (int i = 0; i < names.length; i++) {
        names[i] = names[i].replace('/', '.');
      }
      Arrays.sort(names);
      for (String face : names) {
        out.writeUTF(face);
      }
      fields.sort(Comparator.comparing((String[] f) -> f[0]));
      write(out, fields);
      if (staticInitializer) {
        out.writeUTF("<clinit>");
        out.writeInt(Opcodes.ACC_STATIC);
        out.writeUTF("()V");
      }
      constructors.sort(Comparator.comparing((String[] m) -> m[2]));
      write(out, constructors);
      methods.sort(Comparator.comparing((String[] m) -> m[0]).thenComparing(m -> m[2]));
      write(out, methods);
      out.flush();
      byte[] sha = MessageDigest.getInstance("SHA").digest(bytes.toByteArray());
      long hash = 0;
      for (int i = Math.min(sha.length, 8) - 1; i >= 0; i--) {
        hash = (hash << 8) | (sha[i] & 0xFF);
      }
      return hash;
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(DataOutputStream out, List<String[]> members) throws IOException {
    for (String[] m : members) {
      out.writeUTF(m[0]);
      out.writeInt(Integer.parseInt(m[1]));
      out.writeUTF(m[2]);
    }
  }
}
