package io.memoguard.runtime;

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
    Graph graph = GraphWalker.walk(amount, 1000);
    assertThat(graph).isNotNull();
    assertThat(graph.needsVerify()).isTrue();
    assertThat(graph.verify()).isNull();
    amount.cents = 5;
    assertThat(graph.verify()).contains("cents");
  }
}
