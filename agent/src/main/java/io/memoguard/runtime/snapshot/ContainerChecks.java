package io.memoguard.runtime.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;

/**
 * The fast path of {@link Snapshot#check()} for the commonest JDK containers: their backing storage
 * is read directly and compared with the snapshot by identity in a tight loop, instead of element
 * by element through their forEach. It only ever proves "unchanged": it visits exactly the
 * elements, in exactly the order, that the container's own forEach would (ArrayList: elementData
 * up to size; HashMap and HashSet: the table, each bin's chain by next), so it agrees with the
 * generic check. Anything else (a subclass, a size that disagrees, storage it cannot read because
 * java.util is not open to the runtime) answers false, and the generic check decides and names
 * the change.
 */
final class ContainerChecks {
  private static final VarHandle LIST_DATA;
  private static final VarHandle LIST_SIZE;
  private static final VarHandle MAP_TABLE;
  private static final VarHandle MAP_SIZE;
  private static final VarHandle NODE_KEY;
  private static final VarHandle NODE_VALUE;
  private static final VarHandle NODE_NEXT;
  private static final VarHandle SET_MAP;
  private static final VarHandle MAP_MOD_COUNT;

  static {
    VarHandle[] h = new VarHandle[9];
    try {
      MethodHandles.Lookup own = MethodHandles.lookup();
      MethodHandles.Lookup list = MethodHandles.privateLookupIn(ArrayList.class, own);
      MethodHandles.Lookup map = MethodHandles.privateLookupIn(HashMap.class, own);
      Class<?> node = Class.forName("java.util.HashMap$Node", false, null);
      Class<?> nodes = Class.forName("[Ljava.util.HashMap$Node;", false, null);
      MethodHandles.Lookup nodeLookup = MethodHandles.privateLookupIn(node, own);
      h[0] = list.findVarHandle(ArrayList.class, "elementData", Object[].class);
      h[1] = list.findVarHandle(ArrayList.class, "size", int.class);
      h[2] = map.findVarHandle(HashMap.class, "table", nodes);
      h[3] = map.findVarHandle(HashMap.class, "size", int.class);
      h[4] = nodeLookup.findVarHandle(node, "key", Object.class);
      h[5] = nodeLookup.findVarHandle(node, "value", Object.class);
      h[6] = nodeLookup.findVarHandle(node, "next", node);
      h[7] = MethodHandles.privateLookupIn(HashSet.class, own)
          .findVarHandle(HashSet.class, "map", HashMap.class);
      h[8] = map.findVarHandle(HashMap.class, "modCount", int.class);
    } catch (Throwable notOpen) {
      h = new VarHandle[9]; // java.util not open to the runtime (no agent), or another JDK layout
    }
    LIST_DATA = h[0];
    LIST_SIZE = h[1];
    MAP_TABLE = h[2];
    MAP_SIZE = h[3];
    NODE_KEY = h[4];
    NODE_VALUE = h[5];
    NODE_NEXT = h[6];
    SET_MAP = h[7];
    MAP_MOD_COUNT = h[8];
  }

  private ContainerChecks() {}

  /** Whether the fast path can read JDK containers in this JVM. */
  static boolean available() {
    return SET_MAP != null;
  }

  /**
   * True when {@code o} certainly holds what {@code refs[start .. end)} recorded (elements, or
   * key, value pairs of a map); false when it may not, or when this path does not apply.
   */
  static boolean unchanged(Object o, boolean map, Object[] refs, int start, int end) {
    if (SET_MAP == null) {
      return false;
    }
    Class<?> type = o.getClass();
    if (!map && type == ArrayList.class) {
      return sameList((ArrayList<?>) o, refs, start, end - start);
    }
    if (map && type == HashMap.class || !map && type == HashSet.class) {
      return sameTable(o, refs, start, end - start);
    }
    return false;
  }

  /** Whether an exact ArrayList holds nothing. */
  static boolean isEmpty(ArrayList<?> list) {
    return (int) LIST_SIZE.get(list) == 0;
  }

  /** Whether an exact HashMap, or an exact HashSet's map, holds nothing. */
  static boolean isEmptyTable(Object container) {
    HashMap<?, ?> map = backing(container);
    return map != null && (int) MAP_SIZE.get(map) == 0;
  }

  /**
   * An exact ArrayList holding {@code refs[at .. at + n)}; when it held nothing, its size is all
   * that is read.
   */
  static boolean sameList(ArrayList<?> list, Object[] refs, int at, int n) {
    // the handles' own receiver type: an exact invocation
    if ((int) LIST_SIZE.get(list) != n) {
      return false;
    }
    if (n == 0) {
      return true;
    }
    Object[] data = (Object[]) LIST_DATA.get(list);
    if (n > data.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (data[i] != refs[at + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An exact HashMap holding the key, value pairs {@code refs[at .. at + n)}, or an exact HashSet
   * holding the keys {@code refs[at .. at + n)}, in its forEach order.
   */
  static boolean sameTable(Object container, Object[] refs, int at, int n) {
    HashMap<?, ?> backing = backing(container);
    return backing != null
        && nodes(backing, container.getClass() == HashMap.class, refs, at, at + n, null, 0);
  }

  /** The HashMap behind an exact HashMap or HashSet, or null when there is none of that class. */
  static HashMap<?, ?> backing(Object container) {
    if (container.getClass() == HashMap.class) {
      return (HashMap<?, ?>) container;
    }
    Object map = SET_MAP.get((HashSet<?>) container);
    return map != null && map.getClass() == HashMap.class ? (HashMap<?, ?>) map : null;
  }

  static Object table(HashMap<?, ?> map) {
    return MAP_TABLE.get(map);
  }

  /**
   * HashMap's count of structural modifications: every insertion of a key, removal and clear
   * changes it, so while it and the table array stay the same, so do the map's nodes, and with
   * them its keys (a node's key is final). Values are not covered: {@code put} on a present key,
   * {@code Entry.setValue} and {@code replaceAll} leave it as it was.
   */
  static int modCount(HashMap<?, ?> map) {
    return (int) MAP_MOD_COUNT.get(map);
  }

  /**
   * Copies the nodes of {@code map} in its forEach order to {@code nodes[at ..]} (when
   * {@code nodes} is not null), if they hold exactly {@code refs[start .. end)}: keys and values
   * when {@code values}, keys alone otherwise.
   */
  static boolean nodes(HashMap<?, ?> map, boolean values, Object[] refs, int start, int end,
      Object[] nodes, int at) {
    int slots = values ? 2 : 1;
    if ((int) MAP_SIZE.get(map) * slots != end - start) {
      return false;
    }
    Object[] table = (Object[]) MAP_TABLE.get(map);
    int ref = start;
    if (table != null) {
      for (Object bin : table) {
        for (Object e = bin; e != null; e = NODE_NEXT.get(e)) {
          if (ref + slots > end || NODE_KEY.get(e) != refs[ref]
              || (values && NODE_VALUE.get(e) != refs[ref + 1])) {
            return false;
          }
          if (nodes != null) {
            nodes[at++] = e;
          }
          ref += slots;
        }
      }
    }
    return ref == end;
  }

  /**
   * Whether {@code count} nodes from {@code nodes[at]} hold the values of the key, value pairs from
   * {@code refs[ref]}.
   */
  static boolean sameValues(Object[] nodes, int at, int count, Object[] refs, int ref) {
    for (int i = 0; i < count; i++) {
      if (NODE_VALUE.get(nodes[at + i]) != refs[ref + 2 * i + 1]) {
        return false;
      }
    }
    return true;
  }
}
