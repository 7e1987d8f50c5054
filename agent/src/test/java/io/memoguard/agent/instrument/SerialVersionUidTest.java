package io.memoguard.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.memoguard.runtime.snapshot.Guarded;
import io.memoguard.testserial.Shapes;
import java.io.ObjectStreamClass;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rewritten guarded classes keep the serialVersionUID Java serialization computed for them before
 * the agent added the tracker field, its methods and the Guarded interface (issue 9, cause 5).
 */
class SerialVersionUidTest {
  private static final String PACKAGE = "io.memoguard.testserial";

  @Test
  void everyShapeKeepsItsDefaultSerialVersionUid() throws Exception {
    TransformingClassLoader loader = new TransformingClassLoader(List.of(PACKAGE), List.of(PACKAGE));
    for (Class<?> original : Shapes.all()) {
      Class<?> rewritten = loader.loadClass(original.getName());
      assertThat(rewritten).isNotSameAs(original);
      assertThat(Guarded.class.isAssignableFrom(rewritten)).as(original.getName()).isTrue();
      assertThat(ObjectStreamClass.lookup(rewritten).getSerialVersionUID())
          .as(original.getName())
          .isEqualTo(ObjectStreamClass.lookup(original).getSerialVersionUID());
    }
  }

  @Test
  void theAddedMembersWouldChangeItOtherwise() throws Exception {
    TransformingClassLoader loader = new TransformingClassLoader(List.of(PACKAGE), List.of(PACKAGE));
    Class<?> rewritten = loader.loadClass(Shapes.Plain.class.getName());
    assertThat(rewritten.getDeclaredField("serialVersionUID").isSynthetic()).isTrue();
    assertThat(rewritten.getDeclaredField(Guarded.TRACKER_FIELD)).isNotNull();
    // the subclass inherits the tracker and gets only a private static marker: nothing to keep
    Class<?> sub = loader.loadClass(Shapes.Sub.class.getName());
    assertThat(List.of(sub.getDeclaredFields()).stream().map(f -> f.getName()))
        .doesNotContain("serialVersionUID", Guarded.TRACKER_FIELD)
        .contains(Guarded.BARRIERED_FIELD);
  }
}
