package io.memoguard.agent.instrument.barrier;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A minimal constant pool reader: deciding whether a class writes guarded fields must not cost a
 * full parse of every class the host loads.
 */
final class ConstantPool {
  private static final int UTF8 = 1;
  private static final int INTEGER = 3;
  private static final int FLOAT = 4;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int STRING = 8;
  private static final int FIELDREF = 9;
  private static final int METHODREF = 10;
  private static final int INTERFACE_METHODREF = 11;
  private static final int NAME_AND_TYPE = 12;
  private static final int METHOD_HANDLE = 15;
  private static final int METHOD_TYPE = 16;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;
  private static final int MODULE = 19;
  private static final int PACKAGE = 20;

  private ConstantPool() {}

  static boolean anyFieldrefOwner(byte[] b, Predicate<String> ownerTest) {
    return anyFieldrefOwner(b, null, ownerTest);
  }

  /**
   * @param prefixes when not null, the owners {@code ownerTest} can accept all start with one of
   *     these (modified UTF-8, as in the class file); other owners are skipped without decoding
   */
  static boolean anyFieldrefOwner(byte[] b, byte[][] prefixes, Predicate<String> ownerTest) {
    int count = u2(b, 8);
    int[] offsets = new int[count];
    int[] fieldrefClassIndexes = new int[count];
    int fieldrefs = 0;
    int pos = 10;
    for (int i = 1; i < count; i++) {
      int tag = b[pos] & 0xFF;
      offsets[i] = pos + 1;
      switch (tag) {
        case UTF8:
          pos += 3 + u2(b, pos + 1);
          break;
        case FIELDREF:
          fieldrefClassIndexes[fieldrefs++] = u2(b, pos + 1);
          pos += 5;
          break;
        case INTEGER: case FLOAT: case METHODREF: case INTERFACE_METHODREF: case NAME_AND_TYPE:
        case DYNAMIC: case INVOKE_DYNAMIC:
          pos += 5;
          break;
        case LONG: case DOUBLE:
          pos += 9;
          i++;
          break;
        case CLASS: case STRING: case METHOD_TYPE: case MODULE: case PACKAGE:
          pos += 3;
          break;
        case METHOD_HANDLE:
          pos += 4;
          break;
        default:
          // an unknown constant kind from a future class file version: let the full parse decide
          return true;
      }
    }
    for (int f = 0; f < fieldrefs; f++) {
      int classEntry = offsets[fieldrefClassIndexes[f]];
      int utf8 = offsets[u2(b, classEntry)];
      if (prefixes != null && !startsWithAny(b, utf8 + 2, u2(b, utf8), prefixes)) {
        continue;
      }
      String owner = new String(b, utf8 + 2, u2(b, utf8), StandardCharsets.UTF_8);
      if (ownerTest.test(owner)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(byte[] b, int start, int length, byte[][] prefixes) {
    for (byte[] prefix : prefixes) {
      if (length >= prefix.length && Arrays.equals(b, start, start + prefix.length, prefix, 0,
          prefix.length)) {
        return true;
      }
    }
    return false;
  }

  private static int u2(byte[] b, int pos) {
    return ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
  }
}
