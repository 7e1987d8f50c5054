package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleConstantTest {
  private static final OnMutation[] ALL = {null, OnMutation.INVALIDATE, OnMutation.LOG, OnMutation.FAIL};

  @Test
  void withoutParkingTheConstantIsThePlainCode() {
    int[] codes = {-1, 0, 1, 2};
    for (int i = 0; i < ALL.length; i++) {
      assertThat(RuleConstant.of(ALL[i], 0)).isEqualTo(codes[i]);
      assertThat(RuleConstant.onMutation(codes[i])).isEqualTo(ALL[i]);
      assertThat(RuleConstant.parkMillis(codes[i])).isZero();
    }
  }

  @Test
  void anUnknownCodeMeansTheGlobalOnMutation() {
    assertThat(RuleConstant.onMutation(7)).isNull();
    assertThat(RuleConstant.onMutation(-5)).isNull();
  }

  @Test
  void parkTimeoutAndOnMutationRoundTrip() {
    for (OnMutation onMutation : ALL) {
      for (int millis : new int[] {1, 100, 5_000, 600_000, RuleConstant.MAX_PARK_MILLIS}) {
        int constant = RuleConstant.of(onMutation, millis);
        assertThat(RuleConstant.onMutation(constant)).isEqualTo(onMutation);
        assertThat(RuleConstant.parkMillis(constant)).isEqualTo(millis);
      }
    }
  }

  @Test
  void parkingSitesAreDistinctFromPlainOnesAndKeepTheirOnMutation() {
    Site plain = Site.of("a.B|find|()V", RuleConstant.of(OnMutation.LOG, 0));
    Site parking = Site.of("a.B|find|()V", RuleConstant.of(OnMutation.LOG, 250));
    assertThat(parking).isNotSameAs(plain).isSameAs(Site.of("a.B|find|()V", RuleConstant.of(OnMutation.LOG, 250)));
    assertThat(parking.onMutation).isEqualTo(OnMutation.LOG);
    assertThat(parking.parkMillis).isEqualTo(250);
    assertThat(plain.parkMillis).isZero();
  }

  @Test
  void theSameMethodUnderTwoParkingRulesGetsTwoSites() {
    Site fast = Site.of("a.C|find|()V", RuleConstant.of(null, 100));
    Site slow = Site.of("a.C|find|()V", RuleConstant.of(null, 900));
    Site failing = Site.of("a.C|find|()V", RuleConstant.of(OnMutation.FAIL, 100));
    assertThat(fast).isNotSameAs(slow).isNotSameAs(failing);
    assertThat(slow).isSameAs(Site.of("a.C|find|()V", RuleConstant.of(null, 900)));
    assertThat(failing).isSameAs(Site.of("a.C|find|()V", RuleConstant.of(OnMutation.FAIL, 100)));
    assertThat(fast.parkMillis).isEqualTo(100);
    assertThat(slow.parkMillis).isEqualTo(900);
    assertThat(failing.onMutation).isEqualTo(OnMutation.FAIL);
  }
}
