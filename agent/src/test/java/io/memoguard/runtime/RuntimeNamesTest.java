package io.memoguard.runtime;

import io.memoguard.runtime.snapshot.Guarded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The agent's rewriters emit these names into host bytecode: a stale one fails to link there. */
class RuntimeNamesTest {
  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  @Test
  void eachNameIsTheInternalNameOfItsRuntimeClass() {
    assertThat(RuntimeNames.BARRIER).isEqualTo(internalName(Barrier.class));
    assertThat(RuntimeNames.BARRIER_SWITCHES).isEqualTo(internalName(BarrierSwitches.class));
    assertThat(RuntimeNames.GUARDED).isEqualTo(internalName(Guarded.class));
    assertThat(RuntimeNames.FIELD_HANDLES).isEqualTo(internalName(FieldHandles.class));
    assertThat(RuntimeNames.HAND_OFF).isEqualTo(internalName(HandOff.class));
  }

  @Test
  void thePackagePrefixIsTheRuntimePackage() {
    assertThat(RuntimeNames.PACKAGE_PREFIX)
        .isEqualTo(internalName(RuntimeNames.class).replace("RuntimeNames", ""))
        .isEqualTo(RuntimeNames.class.getPackageName().replace('.', '/') + "/");
    assertThat(RuntimeNames.PACKAGE).isEqualTo(RuntimeNames.class.getPackageName() + ".");
  }
}
