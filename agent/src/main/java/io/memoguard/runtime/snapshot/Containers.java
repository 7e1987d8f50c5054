package io.memoguard.runtime.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;

/**
 * The containers of a snapshot that have a tight check, grouped by kind when the snapshot is
 * built: exact ArrayLists, object arrays, exact HashMaps and HashSets. A hit then decides nothing
 * per container (no switch on a kind, no class test, no call): each group is one loop over parallel
 * arrays, and the elements each container held are the next ones of its group's flat reference
 * array, compared by identity. An empty container costs the read of its size.
 *
 * <p>Like {@link ContainerChecks} it only proves "unchanged": a container that may have changed
 * makes {@link #unchanged()} false, and {@link Snapshot} then runs the generic check, which decides
 * and names the change. Filled by {@link Snapshot} while it is constructed, never changed after.
 */
final class Containers {
  static final byte NONE = 0;
  static final byte LIST = 1;
  static final byte ARRAY = 2;
  static final byte TABLE = 3;
  /** An exact ArrayList that held nothing: its size is all a hit reads. */
  static final byte EMPTY_LIST = 4;
  /** An object array of length 0: nothing in it can change, so nothing is kept or checked. */
  static final byte NOTHING = 5;
  /** An exact HashMap, or the map of an exact HashSet, that held nothing: its size. */
  static final byte EMPTY_TABLE = 6;
  static final int GROUPS = 7;

  // most containers of a tree are its leaves' empty ones: loops of their own read only their size
  final ArrayList<?>[] emptyLists;
  final int[] emptyListNode;
  // an exact HashMap, or an exact HashSet (read through its map), that held nothing
  final Object[] emptyTables;
  final int[] emptyTableNode;
  // list i held listSize[i] elements (at least one), the next ones of listRefs
  final ArrayList<?>[] lists;
  final int[] listNode;
  final int[] listSize;
  final Object[] listRefs;
  // an array's length cannot change: array i held arrays[i].length elements, the next of arrayRefs
  final Object[][] arrays;
  final int[] arrayNode;
  final Object[] arrayRefs;
  // a HashMap's keys and values, or a HashSet's keys: tableRefCount[i] references
  final Object[] tables;
  final int[] tableNode;
  final int[] tableRefCount;
  final Object[] tableRefs;
  // what proves table i unchanged without walking it: its backing HashMap (null: walk it), that
  // map's table array and count of structural modifications at store and, for a HashMap, its
  // nodes (tableRefCount[i] / 2 of them, the next ones of tableNodes), whose values are compared
  final HashMap<?, ?>[] tableMaps;
  final Object[] tableArrays;
  final int[] tableModCounts;
  final Object[] tableNodes;

  // fill cursors, used while the snapshot is built
  private int emptyListCount;
  private int emptyTableCount;
  private int listCount;
  private int listRefCount;
  private int arrayCount;
  private int arrayRefCount;
  private int tableCount;
  private int tableRefTotal;
  private int tableNodeTotal;

  /**
   * @param count the containers of each group, indexed by group
   * @param refs the references they held, indexed by group
   * @param mapEntries the entries of the exact HashMaps among the tables
   */
  Containers(int[] count, int[] refs, int mapEntries) {
    this.emptyLists = new ArrayList<?>[count[EMPTY_LIST]];
    this.emptyListNode = new int[count[EMPTY_LIST]];
    this.emptyTables = new Object[count[EMPTY_TABLE]];
    this.emptyTableNode = new int[count[EMPTY_TABLE]];
    this.lists = new ArrayList<?>[count[LIST]];
    this.listNode = new int[count[LIST]];
    this.listSize = new int[count[LIST]];
    this.listRefs = new Object[refs[LIST]];
    this.arrays = new Object[count[ARRAY]][];
    this.arrayNode = new int[count[ARRAY]];
    this.arrayRefs = new Object[refs[ARRAY]];
    this.tables = new Object[count[TABLE]];
    this.tableNode = new int[count[TABLE]];
    this.tableRefCount = new int[count[TABLE]];
    this.tableRefs = new Object[refs[TABLE]];
    this.tableMaps = new HashMap<?, ?>[count[TABLE]];
    this.tableArrays = new Object[count[TABLE]];
    this.tableModCounts = new int[count[TABLE]];
    this.tableNodes = new Object[mapEntries];
  }

  /**
   * The group a watched object of this kind belongs to, decided once, at store; {@code refs}: the
   * number of references it held.
   */
  static byte group(Object o, byte kind, int refs) {
    if (kind == ClassInfo.OBJECT_ARRAY) {
      // the length, not the references kept: a zero-length array is the one that cannot change
      return ((Object[]) o).length == 0 ? NOTHING : ARRAY;
    }
    if (!ContainerChecks.available()) {
      return NONE;
    }
    Class<?> c = o.getClass();
    if (kind == ClassInfo.COLLECTION) {
      return c == ArrayList.class ? (refs == 0 ? EMPTY_LIST : LIST)
          : c == HashSet.class ? (refs == 0 ? EMPTY_TABLE : TABLE) : NONE;
    }
    return kind == ClassInfo.MAP && c == HashMap.class ? (refs == 0 ? EMPTY_TABLE : TABLE) : NONE;
  }

  /** Adds a container of {@code group} that held {@code refs[from .. to)}. */
  void add(byte group, Object o, int node, Object[] refs, int from, int to) {
    int n = to - from;
    switch (group) {
      case EMPTY_LIST:
        emptyLists[emptyListCount] = (ArrayList<?>) o;
        emptyListNode[emptyListCount++] = node;
        break;
      case EMPTY_TABLE:
        emptyTables[emptyTableCount] = o;
        emptyTableNode[emptyTableCount++] = node;
        break;
      case LIST:
        lists[listCount] = (ArrayList<?>) o;
        listNode[listCount] = node;
        listSize[listCount++] = n;
        System.arraycopy(refs, from, listRefs, listRefCount, n);
        listRefCount += n;
        break;
      case ARRAY:
        arrays[arrayCount] = (Object[]) o;
        arrayNode[arrayCount++] = node;
        System.arraycopy(refs, from, arrayRefs, arrayRefCount, n);
        arrayRefCount += n;
        break;
      default:
        watchTable(tableCount, o, refs, from, to);
        tables[tableCount] = o;
        tableNode[tableCount] = node;
        tableRefCount[tableCount++] = n;
        System.arraycopy(refs, from, tableRefs, tableRefTotal, n);
        tableRefTotal += n;
        break;
    }
  }

  /**
   * Keeps what lets a hit skip walking table {@code i}, if its map is, from before the walk to
   * after it, the one the graph walk recorded (another thread may be changing it: then every hit
   * walks).
   */
  private void watchTable(int i, Object o, Object[] refs, int from, int to) {
    boolean map = o.getClass() == HashMap.class;
    int nodeAt = tableNodeTotal;
    if (map) {
      tableNodeTotal += (to - from) / 2;
    }
    HashMap<?, ?> backing = ContainerChecks.backing(o);
    if (backing == null) {
      return;
    }
    int modCount = ContainerChecks.modCount(backing);
    Object table = ContainerChecks.table(backing);
    if (ContainerChecks.nodes(backing, map, refs, from, to, map ? tableNodes : null, nodeAt)
        && ContainerChecks.modCount(backing) == modCount
        && ContainerChecks.table(backing) == table) {
      tableMaps[i] = backing;
      tableArrays[i] = table;
      tableModCounts[i] = modCount;
    }
  }

  /** True when every container certainly holds what it held; false when one may not. */
  boolean unchanged() {
    return emptyListsUnchanged() && emptyTablesUnchanged() && listsUnchanged() && arraysUnchanged()
        && tablesUnchanged();
  }

  private boolean emptyListsUnchanged() {
    for (ArrayList<?> list : emptyLists) {
      if (!ContainerChecks.isEmpty(list)) {
        return false;
      }
    }
    return true;
  }

  private boolean emptyTablesUnchanged() {
    for (Object table : emptyTables) {
      if (!ContainerChecks.isEmptyTable(table)) {
        return false;
      }
    }
    return true;
  }

  private boolean listsUnchanged() {
    ArrayList<?>[] l = lists;
    int[] sizes = listSize;
    Object[] expected = listRefs;
    for (int i = 0, at = 0; i < l.length; i++) {
      int n = sizes[i];
      if (!ContainerChecks.sameList(l[i], expected, at, n)) {
        return false;
      }
      at += n;
    }
    return true;
  }

  private boolean arraysUnchanged() {
    Object[][] a = arrays;
    Object[] expected = arrayRefs;
    for (int i = 0, at = 0; i < a.length; i++) {
      Object[] array = a[i];
      for (int j = 0; j < array.length; j++) {
        if (array[j] != expected[at + j]) {
          return false;
        }
      }
      at += array.length;
    }
    return true;
  }

  private boolean tablesUnchanged() {
    Object[] t = tables;
    int[] counts = tableRefCount;
    Object[] expected = tableRefs;
    for (int i = 0, at = 0, nodeAt = 0; i < t.length; i++) {
      int n = counts[i];
      Object container = t[i];
      boolean map = container.getClass() == HashMap.class;
      HashMap<?, ?> backing = tableMaps[i];
      // same map, same table, no structural change since the store: the same nodes, so the same
      // keys in the same order; a map's values are then all that can differ
      boolean proven = backing != null
          && (map || ContainerChecks.backing(container) == backing)
          && ContainerChecks.table(backing) == tableArrays[i]
          && ContainerChecks.modCount(backing) == tableModCounts[i]
          && (!map || ContainerChecks.sameValues(tableNodes, nodeAt, n / 2, expected, at));
      if (!proven && !ContainerChecks.sameTable(container, expected, at, n)) {
        return false;
      }
      at += n;
      if (map) {
        nodeAt += n / 2;
      }
    }
    return true;
  }
}
