package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardPackagesTest {
  private final GuardPackages packages = new GuardPackages(new String[] {"com.acme.domain"});

  @Test
  void aClassOfThePackageOrASubPackageIsGuardedInBothNameForms() {
    assertThat(packages.contains("com.acme.domain.Order")).isTrue();
    assertThat(packages.contains("com/acme/domain/Order")).isTrue();
    assertThat(packages.contains("com.acme.domain.billing.Invoice")).isTrue();
    assertThat(packages.contains("com/acme/domain/billing/Invoice")).isTrue();
  }

  @Test
  void aPackageThatOnlySharesThePrefixIsNot() {
    assertThat(packages.contains("com.acme.domainx.Order")).isFalse();
    assertThat(packages.contains("com/acme/domainx/Order")).isFalse();
    assertThat(packages.contains("com.acme.Order")).isFalse();
    assertThat(packages.contains("com.acme.domain")).isFalse();
    assertThat(packages.contains("com/acme.domain/Order")).isTrue();
  }

  @Test
  void noPackagesGuardNothing() {
    GuardPackages none = new GuardPackages(new String[0]);
    assertThat(none.isEmpty()).isTrue();
    assertThat(none.contains("com.acme.domain.Order")).isFalse();
  }
}
