package io.memoguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleConstantTest {
  private static final int[] MODES = {Settings.GLOBAL, Settings.INVALIDATE, Settings.LOG, Settings.FAIL};

  @Test
  void withoutParkingTheConstantIsThePlainMode() {
    for (int mode : MODES) {
      assertThat(RuleConstant.of(mode, 0)).isEqualTo(mode);
      assertThat(RuleConstant.mode(mode)).isEqualTo(mode);
      assertThat(RuleConstant.parkMillis(mode)).isZero();
    }
  }

  @Test
  void parkTimeoutAndModeRoundTrip() {
    for (int mode : MODES) {
      for (int millis : new int[] {1, 100, 5_000, 600_000, RuleConstant.MAX_PARK_MILLIS}) {
        int constant = RuleConstant.of(mode, millis);
        assertThat(RuleConstant.mode(constant)).isEqualTo(mode);
        assertThat(RuleConstant.parkMillis(constant)).isEqualTo(millis);
      }
    }
  }

  @Test
  void parkingSitesAreDistinctFromPlainOnesAndKeepTheirMode() {
    Site plain = Site.of("a.B|find|()V", Settings.LOG);
    Site parking = Site.of("a.B|find|()V", RuleConstant.of(Settings.LOG, 250));
    assertThat(parking).isNotSameAs(plain).isSameAs(Site.of("a.B|find|()V", RuleConstant.of(Settings.LOG, 250)));
    assertThat(parking.mode).isEqualTo(Settings.LOG);
    assertThat(parking.parkMillis).isEqualTo(250);
    assertThat(plain.parkMillis).isZero();
  }

  @Test
  void theSameMethodUnderTwoParkingRulesGetsTwoSites() {
    Site fast = Site.of("a.C|find|()V", RuleConstant.of(Settings.GLOBAL, 100));
    Site slow = Site.of("a.C|find|()V", RuleConstant.of(Settings.GLOBAL, 900));
    Site failing = Site.of("a.C|find|()V", RuleConstant.of(Settings.FAIL, 100));
    assertThat(fast).isNotSameAs(slow).isNotSameAs(failing);
    assertThat(slow).isSameAs(Site.of("a.C|find|()V", RuleConstant.of(Settings.GLOBAL, 900)));
    assertThat(failing).isSameAs(Site.of("a.C|find|()V", RuleConstant.of(Settings.FAIL, 100)));
    assertThat(fast.parkMillis).isEqualTo(100);
    assertThat(slow.parkMillis).isEqualTo(900);
    assertThat(failing.mode).isEqualTo(Settings.FAIL);
  }
}
