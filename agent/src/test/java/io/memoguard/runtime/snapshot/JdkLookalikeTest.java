package io.memoguard.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import javax.memoguardtest.Amount;
import org.junit.jupiter.api.Test;

/**
 * Whether a class is the JDK's is decided by the loaded class (boot or platform loader, module of
 * the boot layer), never by its name: an application class in a {@code javax.} package is checked
 * on read like any other.
 */
class JdkLookalikeTest {

  @Test
  void anApplicationClassInAJavaxPackageIsNotTakenForTheJdk() {
    assertThat(ClassInfo.isJdk(Amount.class)).isFalse();
    assertThat(ClassInfo.isJdk(java.util.ArrayList.class)).isTrue();
    assertThat(ClassInfo.isJdk(java.sql.Timestamp.class)).isTrue();
  }

  @Test
  void aChangeToItsFieldIsFoundAtTheNextRead() {
    Amount amount = new Amount(100);
    Snapshot graph = SnapshotTaker.take(amount, 1000);
    assertThat(graph).isNotNull();
    assertThat(graph.needsCheck()).isTrue();
    assertThat(graph.check()).isNull();
    amount.cents = 5;
    assertThat(graph.check()).contains("cents");
  }
}
