package io.memoguard.bench;

import com.esotericsoftware.kryo.Kryo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The two cheapest copies on the other shapes (arrays, maps, field links); no agent. */
@State(Scope.Thread)
public class AltShapesBench {
  @Param({"array", "map", "links"})
  public String shape;

  @Param({"10", "1111", "10000"})
  public int size;

  Object root;
  Kryo kryo;

  @Setup
  public void build() {
    root = Graphs.build(shape, size);
    kryo = Copiers.kryo();
  }

  @Benchmark
  public Object handWrittenDeepCopy() {
    return Graphs.deepCopy(root);
  }

  @Benchmark
  public Object kryoCopy() {
    return kryo.copy(root);
  }
}
