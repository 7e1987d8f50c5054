package io.memoguard.bench;

import com.esotericsoftware.kryo.Kryo;
import com.fasterxml.jackson.databind.ObjectMapper;
import benchapp.domain.Node;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What protecting a cached value costs per read with the alternatives, on the same trees as
 * {@link MemoSizeBench} (shape "list"). Runs in a fork without the agent. Each benchmark is the
 * work one cache read would add: a copy handed to the caller, or a re-hash compared with the hash
 * taken at store.
 */
@State(Scope.Thread)
public class AltListBench {
  @Param({"1", "10", "100", "1111", "10000"})
  public int size;

  Node root;
  long storedHash;
  Kryo kryo;
  ObjectMapper jackson;

  @Setup
  public void build() {
    root = Graphs.list(size);
    storedHash = root.deepHash();
    kryo = Copiers.kryo();
    jackson = Copiers.jackson();
    // sanity: every copier produces an equal tree
    long h = storedHash;
    if (root.deepCopy().deepHash() != h || kryo.copy(root).deepHash() != h
        || ((Node) Copiers.javaRoundTrip(root)).deepHash() != h
        || Copiers.jacksonRoundTrip(jackson, root, Node.class).deepHash() != h) {
      throw new IllegalStateException("a copier changed the tree");
    }
  }

  @Benchmark
  public Object handWrittenDeepCopy() {
    return root.deepCopy();
  }

  @Benchmark
  public Object kryoCopy() {
    return kryo.copy(root);
  }

  @Benchmark
  public Object javaSerializationRoundTrip() {
    return Copiers.javaRoundTrip(root);
  }

  @Benchmark
  public Object jacksonRoundTrip() {
    return Copiers.jacksonRoundTrip(jackson, root, Node.class);
  }

  @Benchmark
  public Object hashVerifyAtRead() {
    if (root.deepHash() != storedHash) {
      throw new IllegalStateException("cached value was modified");
    }
    return root;
  }
}
